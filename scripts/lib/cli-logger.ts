import type { Config } from '../../bot/config.ts';
import { createLogger, warnOrQuieter } from '../../bot/logger.ts';
import type { RootLogger } from '../../bot/logger.ts';
import { createLogLineFormatter } from '../local/log-line-formatter.ts';

/**
 * A one-shot command's logger. Its lines go to stderr, so what the command prints (a link code, a
 * table) stays alone on stdout; they are warnings and errors only, or fewer when LOG_LEVEL asks for
 * fewer; scrubbed like every process's lines; and readable in a terminal, as `npm start` shows them
 * (LOG_FORMAT chooses otherwise).
 */
export async function createCliLogger(name: string, config: Pick<Config, 'logLevel' | 'logFormat'>): Promise<RootLogger> {
  const terminal = process.stderr.isTTY === true;
  const format = await createLogLineFormatter(config.logFormat ? config.logFormat === 'pretty' : terminal, terminal);
  const level = warnOrQuieter(config.logLevel);
  return createLogger({ level, name }, { write: (line: string) => void process.stderr.write(`${format(line.replace(/\n$/, ''))}\n`) });
}
