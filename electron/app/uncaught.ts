/**
 * Errors nobody caught in the main process: they go to the log with their stack, so IT can see what
 * failed on a computer where nobody watches a console. The app goes on: one failed event handler
 * should not take the windows, and the sign-in under way, with it. Error messages are built by the
 * app and its libraries, never from a password, code or token.
 */
export type UncaughtKind = 'exception' | 'rejection';

export function uncaughtLogLine(kind: UncaughtKind, error: unknown): string {
  const what = kind === 'exception' ? 'an uncaught exception' : 'an unhandled promise rejection';
  if (error instanceof Error) return `${what}: ${error.stack ?? `${error.name}: ${error.message}`}`;
  // Only its type: a value nobody meant as an error could hold anything.
  return `${what} (not an Error): ${typeof error}`;
}

export function logUncaught(events: Pick<NodeJS.Process, 'on'>, record: (line: string) => void): void {
  events.on('uncaughtException', (error) => record(uncaughtLogLine('exception', error)));
  events.on('unhandledRejection', (reason) => record(uncaughtLogLine('rejection', reason)));
}
