import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLogFile } from '../../../../electron/app/log-file.js';

const root = mkdtempSync(join(tmpdir(), 'stepgate-log-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const now = () => new Date('2030-01-01T12:00:00.000Z');

describe('openLogFile', () => {
  it('creates logs/stepgate.log, one line an entry, readable by its owner only', () => {
    const dir = join(root, 'a', 'logs');
    const log = openLogFile({ dir, now });
    log.write('info', 'Stepgate 0.1.0 starting');
    log.write('warn', 'ignored setting "colour"\nfrom /etc/stepgate/policy.json');
    expect(log.path).toBe(join(dir, 'stepgate.log'));
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2030-01-01T12:00:00.000Z INFO Stepgate 0.1.0 starting\n2030-01-01T12:00:00.000Z WARN ignored setting "colour" from /etc/stepgate/policy.json\n',
    );
    expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size limit and keeps only so many old files', () => {
    const dir = join(root, 'b');
    const log = openLogFile({ dir, now, maxBytes: 100, keep: 2 });
    for (let i = 0; i < 12; i++) log.write('info', `entry ${i} ${'x'.repeat(30)}`);
    expect(readdirSync(dir).sort()).toEqual(['stepgate.1.log', 'stepgate.2.log', 'stepgate.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(100);
    // One entry fits a file: the newest is in the current file, the one before in .1, then .2.
    expect(readFileSync(join(dir, 'stepgate.log'), 'utf8')).toContain('entry 11');
    expect(readFileSync(join(dir, 'stepgate.1.log'), 'utf8')).toContain('entry 10');
    expect(readFileSync(join(dir, 'stepgate.2.log'), 'utf8')).toContain('entry 9');
  });

  it('does not fail when the folder cannot be written', () => {
    const log = openLogFile({ dir: join(root, 'a', 'logs', 'stepgate.log', 'nested') });
    expect(() => log.write('error', 'cannot start')).not.toThrow();
  });
});
