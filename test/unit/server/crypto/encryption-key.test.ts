import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_ENV, KEY_FILE, keySourceFor, loadEncryptionKey } from '../../../../server/crypto/encryption-key.js';

const dir = () => mkdtempSync(join(tmpdir(), 'stepgate-key-'));

describe('encryption key', () => {
  it('creates a 0600 key file on first start and reads the same key afterwards', () => {
    const d = dir();
    const first = loadEncryptionKey({ kind: 'data-dir', dataDir: d });
    expect(first).toHaveLength(32);
    expect(statSync(join(d, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadEncryptionKey({ kind: 'data-dir', dataDir: d }).equals(first)).toBe(true);
  });

  it('refuses a key file that other users can read', () => {
    const d = dir();
    loadEncryptionKey({ kind: 'data-dir', dataDir: d });
    chmodSync(join(d, KEY_FILE), 0o644);
    expect(() => loadEncryptionKey({ kind: 'data-dir', dataDir: d })).toThrow(/chmod 600/);
  });

  it('takes the operator key from the environment first, then a named file', () => {
    const d = dir();
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(keySourceFor(d, '/k', { [KEY_ENV]: key })).toEqual({ kind: 'environment', value: key });
    expect(keySourceFor(d, '/k', {})).toEqual({ kind: 'file', path: '/k' });
    expect(keySourceFor(d, undefined, {})).toEqual({ kind: 'data-dir', dataDir: d });
    expect(loadEncryptionKey({ kind: 'environment', value: key }).equals(Buffer.alloc(32, 7))).toBe(true);
  });

  it('names the source of a key of the wrong length', () => {
    const d = dir();
    const path = join(d, 'short.key');
    writeFileSync(path, Buffer.alloc(16).toString('base64'), { mode: 0o600 });
    expect(() => loadEncryptionKey({ kind: 'file', path })).toThrow(new RegExp(`key file ${path}.*32 random bytes`));
    expect(() => loadEncryptionKey({ kind: 'environment', value: 'abc' })).toThrow(new RegExp(KEY_ENV));
    expect(readFileSync(path, 'utf8')).not.toBe('');
  });
});
