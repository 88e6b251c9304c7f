import { createLogger } from '../../bot/logger.ts';

/**
 * A process that logs through the process logger (bot/logger.ts, standard output) as the bot and
 * the workers do: LOG_LINES numbered lines, then per LOG_THEN it exits at once, throws an
 * uncaught error, or stays up until it is killed. LOG_SYNC=true writes line by line.
 */
const logger = createLogger({ level: 'info', name: 'log-lines-child', sync: process.env.LOG_SYNC === 'true' });
const lines = Number(process.env.LOG_LINES ?? 1);
for (let i = 0; i < lines; i++) logger.info({ n: i }, 'numbered line');
switch (process.env.LOG_THEN) {
  case 'exit':
    process.exit(0);
    break;
  case 'throw':
    throw new Error('uncaught on purpose');
  default:
    // Stays up: whatever was logged must still reach the output without an exit.
    setInterval(() => undefined, 60_000);
}
