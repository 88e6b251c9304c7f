import { ConfigError, loadConfig } from '../bot/config.ts';
import { createCoreDeps, createZaloDeps } from '../bot/deps.ts';
import { connectZca } from '../bot/zalo/zca/zca-connect.ts';
import { loadZcaSession, markZcaSessionClosed } from '../bot/zalo/zca/zca-session.ts';
import { startGroups } from './start-groups.ts';
import { describeError } from '../bot/logger.ts';

/** `npm run start:groups`: the listener and sender for teams' ordinary Zalo groups (zca-js). */
async function main() {
  const config = loadConfig();
  const core = createCoreDeps(config, { name: 'groups' });
  const session = await loadZcaSession(core.db, core.secretBox);
  if (!session || session.status !== 'active') {
    core.logger.error(
      { status: session?.status ?? 'none' },
      session
        ? 'The group account session was closed (opened elsewhere or logged out). Run `npm run zalo:login` to scan a new QR code.'
        : 'No group account yet. Run `npm run zalo:login` to log in with a QR code, or run with GMF only (see README).',
    );
    await core.close();
    process.exit(1);
  }
  let zca;
  try {
    zca = await connectZca(session.credentials);
  } catch (err) {
    await markZcaSessionClosed(core.db, { status: 'logged_out', error: describeError(err), now: new Date() });
    core.logger.error({ err }, 'Zalo refused the stored group account session. Run `npm run zalo:login` again.');
    await core.close();
    process.exit(1);
  }
  const running = await startGroups(core, createZaloDeps(core), zca);
  core.logger.info({ ownUid: zca.ownUid }, 'groups listener started');

  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    await running.close();
    await core.close();
    clearTimeout(force);
    process.exitCode = code;
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  // Opened elsewhere: stop cleanly and do not come back on our own (it would kick the other session).
  void running.openedElsewhere.then(() => shutdown(3));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
