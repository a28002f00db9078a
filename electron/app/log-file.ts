/**
 * The log IT collects: <userData>/logs/stepgate.log, rotated at a size limit into stepgate.1.log,
 * stepgate.2.log, ... Written synchronously, so the line that explains a fatal error is on disk
 * before the app exits. Callers write only what the app decided (sources, outcomes, causes): never
 * a password, a code or a token, which no log message is built from.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFile {
  readonly path: string;
  write(level: LogLevel, message: string): void;
}

export interface LogFileOptions {
  readonly dir: string;
  readonly name?: string;
  /** Size at which the file is rotated. */
  readonly maxBytes?: number;
  /** How many rotated files are kept besides the current one. */
  readonly keep?: number;
  readonly now?: () => Date;
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

export function openLogFile(options: LogFileOptions): LogFile {
  const name = options.name ?? 'stepgate';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const file = (index: number) => join(options.dir, index === 0 ? `${name}.log` : `${name}.${index}.log`);
  const path = file(0);

  const rotate = () => {
    rmSync(file(keep), { force: true });
    for (let index = keep - 1; index >= 0; index--) {
      try {
        renameSync(file(index), file(index + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
  };

  return {
    path,
    write(level, message) {
      // One line per entry, whatever the message holds.
      const line = `${now().toISOString()} ${level.toUpperCase()} ${message.replace(/[\r\n]+/g, ' ')}\n`;
      try {
        mkdirSync(options.dir, { recursive: true });
        if (sizeOf(path) + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(path, line, { encoding: 'utf8', mode: 0o600 });
      } catch {
        // A log that cannot be written must not stop sign-in; the console still has the line.
      }
    },
  };
}
