import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES } from './secret-box.js';

export const KEY_FILE = 'secret.key';
export const KEY_ENV = 'STEPGATE_ENCRYPTION_KEY';

export type KeySource =
  | { readonly kind: 'environment'; readonly value: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'data-dir'; readonly dataDir: string };

/**
 * The key that encrypts TOTP secrets: from the operator (environment or file), or a 0600 file
 * created in the data folder on first start. A key file others can read is refused, as ssh does.
 */
export function loadEncryptionKey(source: KeySource): Buffer {
  switch (source.kind) {
    case 'environment':
      return decodeKey(source.value, `the ${KEY_ENV} environment variable`);
    case 'file':
      return readKeyFile(source.path);
    case 'data-dir': {
      const path = join(source.dataDir, KEY_FILE);
      try {
        writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      return readKeyFile(path);
    }
  }
}

export function keySourceFor(dataDir: string, keyFile: string | undefined, env: NodeJS.ProcessEnv): KeySource {
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { kind: 'environment', value: fromEnv };
  if (keyFile !== undefined) return { kind: 'file', path: keyFile };
  return { kind: 'data-dir', dataDir };
}

function readKeyFile(path: string): Buffer {
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new Error(`The key file ${path} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
    }
  }
  return decodeKey(readFileSync(path, 'utf8'), `the key file ${path}`);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${where} must hold ${KEY_BYTES} random bytes in base64 (for example: openssl rand -base64 32)`);
  }
  return key;
}
