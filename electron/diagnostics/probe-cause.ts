/** A failed probe's cause in one line: the error's code where Node or undici gives one, else its message. */
export function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as NodeJS.ErrnoException).code ?? (cause instanceof Error ? (cause as NodeJS.ErrnoException).code : undefined);
  const message = cause instanceof Error ? cause.message : error.message;
  return code === undefined || message.includes(code) ? message : `${code}: ${message}`;
}
