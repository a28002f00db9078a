import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { logUncaught, uncaughtLogLine } from '../../../../electron/app/uncaught.js';

describe('uncaughtLogLine', () => {
  it('keeps the stack of an Error', () => {
    const error = new TypeError('x is not a function');
    const line = uncaughtLogLine('exception', error);
    expect(line).toMatch(/^an uncaught exception: TypeError: x is not a function\n\s+at /);
    expect(line).toContain('uncaught.test.ts');
  });

  it('names a rejection with something other than an Error by its type, not its content', () => {
    expect(uncaughtLogLine('rejection', { token: 'secret' })).toBe('an unhandled promise rejection (not an Error): object');
    expect(uncaughtLogLine('rejection', 'hunter2')).toBe('an unhandled promise rejection (not an Error): string');
  });
});

describe('logUncaught', () => {
  it('records uncaught exceptions and unhandled rejections of the process', () => {
    const events = new EventEmitter();
    const lines: string[] = [];
    logUncaught(events as unknown as Pick<NodeJS.Process, 'on'>, (line) => lines.push(line));
    events.emit('uncaughtException', new Error('boom'));
    events.emit('unhandledRejection', new RangeError('late'), Promise.resolve());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^an uncaught exception: Error: boom\n\s+at /);
    expect(lines[1]).toMatch(/^an unhandled promise rejection: RangeError: late\n\s+at /);
  });
});
