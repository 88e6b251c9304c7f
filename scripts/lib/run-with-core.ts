import { loadConfig } from '../../bot/config.ts';
import type { Config } from '../../bot/config.ts';
import { createCoreDeps } from '../../bot/deps.ts';
import type { CoreDeps } from '../../bot/deps.ts';
import { createCliLogger } from './cli-logger.ts';
import { describeCliFailure } from './cli-failure.ts';

/**
 * The frame of a one-shot CLI: reads the configuration, connects, runs `work`, closes the
 * connections, and turns any failure into one readable line and exit code 1.
 */
export async function runWithCore(name: string, work: (core: CoreDeps, config: Config) => Promise<void>): Promise<void> {
  try {
    const config = loadConfig();
    const core = createCoreDeps(config, { name, logger: await createCliLogger(name, config) });
    try {
      await work(core, config);
    } finally {
      await core.close();
    }
  } catch (err) {
    console.error(describeCliFailure(err));
    process.exit(1);
  }
}
