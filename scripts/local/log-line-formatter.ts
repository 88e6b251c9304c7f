/**
 * Turns the processes' JSON log lines into what a person in a terminal can read ("12:03:04 INFO
 * (bot): bot listening …"). pino-pretty is a development dependency: where it is not installed the
 * lines pass through unchanged, which is also what `LOG_FORMAT=json` asks for.
 */
export async function createLogLineFormatter(pretty: boolean, colorize: boolean): Promise<(line: string) => string> {
  if (!pretty) return (line) => line;
  let factory: ((options: Record<string, unknown>) => (input: string) => string) | null = null;
  try {
    factory = (await import('pino-pretty')).prettyFactory;
  } catch {
    return (line) => line;
  }
  const format = factory({ colorize, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', messageKey: 'msg', singleLine: true });
  return (line) => {
    // Not JSON (a stack trace, a warning from Node): shown as it is.
    if (!line.startsWith('{')) return line;
    return format(line).replace(/\n$/, '');
  };
}
