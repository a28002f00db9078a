/**
 * What an attacker with a copy of the data folder sees: no TOTP secret (in any encoding), no password,
 * no session token, no challenge id and no recovery code anywhere in the SQLite file, its WAL or any
 * other file there; Argon2id password hashes; WAL mode; the encryption key in a 0600 file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from 'otpauth';
import { PendingAuthenticator, RecoveryCodesResponse, RecoveryResponse } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, expectStatus, ok } from '../../support/http-client.js';
import {
  challengeFor,
  createTotpUser,
  createUser,
  enroll,
  passwordSession,
  signIn,
  submitRecoveryCode,
  uniqueUsername,
} from '../../support/totp.js';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every byte form a Base32 TOTP secret could be stored in. */
function secretForms(base32: string): { readonly label: string; readonly bytes: Buffer }[] {
  const raw = Buffer.from(Secret.fromBase32(base32).bytes);
  const text = (label: string, value: string) => ({ label, bytes: Buffer.from(value, 'utf8') });
  return [
    text('base32', base32),
    text('base32 lower-case', base32.toLowerCase()),
    text('hex', raw.toString('hex')),
    text('HEX', raw.toString('hex').toUpperCase()),
    text('base64', raw.toString('base64')),
    text('base64 unpadded', raw.toString('base64').replace(/=+$/, '')),
    text('base64url', raw.toString('base64url')),
    { label: 'raw bytes', bytes: raw },
  ];
}

const textForms = (label: string, value: string) => [
  { label, bytes: Buffer.from(value, 'utf8') },
  { label: `${label} (UTF-16LE)`, bytes: Buffer.from(value, 'utf16le') },
];

describe('data at rest', () => {
  let server: TestServer;
  const needles: { label: string; bytes: Buffer }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await server.setEnvironment({ totpEnabled: true });
    const api = apiClient(server.api);

    // A user with two authenticators, recovery codes (one used, then regenerated), sessions and challenges.
    const alice = await createTotpUser(server, { username: uniqueUsername('alice'), password: 'Alice-Plaintext-Password-1' });
    needles.push(...textForms('alice password', alice.password), ...secretForms(alice.secret).map((n) => ({ ...n, label: `alice secret ${n.label}` })));
    needles.push(...textForms('alice token', alice.token));
    const tablet = await enroll(server, alice.token, 'Tablet');
    needles.push(...secretForms(tablet.secret).map((n) => ({ ...n, label: `tablet secret ${n.label}` })));
    const session = await signIn(server, alice);
    needles.push(...textForms('alice session', session.token));
    const challenge = await challengeFor(server, alice.username, alice.password);
    needles.push(...textForms('challenge id', challenge.id));
    const [used] = alice.recoveryCodes;
    if (used === undefined) throw new Error('no recovery code');
    const recovered = ok(await submitRecoveryCode(server, challenge.id, used), 200, RecoveryResponse);
    needles.push(...textForms('recovery session', recovered.session.token));
    const pendingChallenge = await challengeFor(server, alice.username, alice.password);
    needles.push(...textForms('pending challenge id', pendingChallenge.id));
    for (const code of alice.recoveryCodes) {
      needles.push(...textForms('recovery code', code), ...textForms('recovery code compact', code.replace('-', '')));
    }
    const regenerated = ok(await api.post('/me/recovery-codes', { token: alice.token }), 200, RecoveryCodesResponse).recoveryCodes;
    for (const code of regenerated) {
      needles.push(...textForms('new recovery code', code), ...textForms('new recovery code compact', code.replace('-', '')));
    }

    // An enrollment-only session, a pending (never confirmed) authenticator and a removed one.
    const bob = await createUser(server, { totpRequired: true, password: 'Bob-Plaintext-Password-2' });
    needles.push(...textForms('bob password', bob.password));
    const enrollmentSession = await passwordSession(server, bob.username, bob.password);
    needles.push(...textForms('enrollment token', enrollmentSession.token));
    const bobEnrolled = await enroll(server, enrollmentSession.token, 'Phone');
    needles.push(...secretForms(bobEnrolled.secret).map((n) => ({ ...n, label: `bob secret ${n.label}` })));
    const bobToken = bobEnrolled.session?.token ?? '';
    needles.push(...textForms('bob full session', bobToken));
    const pending = ok(await api.post('/me/authenticators', { token: bobToken, body: { name: 'Never confirmed' } }), 201, PendingAuthenticator);
    needles.push(...secretForms(pending.secret).map((n) => ({ ...n, label: `pending secret ${n.label}` })));
    const removed = await enroll(server, bobToken, 'Removed');
    needles.push(...secretForms(removed.secret).map((n) => ({ ...n, label: `removed secret ${n.label}` })));
    expectStatus(await api.delete(`/me/authenticators/${removed.id}`, { token: bobToken }), 204);

    // A logged-out token.
    const carol = await createUser(server, { password: 'Carol-Plaintext-Password-3' });
    needles.push(...textForms('carol password', carol.password));
    const carolSession = await signIn(server, carol);
    needles.push(...textForms('carol token', carolSession.token));
    expectStatus(await api.post('/auth/logout', { token: carolSession.token }), 204);
  });
  afterAll(async () => {
    await server.close();
  });

  it('the database lives in the data folder, with its WAL beside it', async () => {
    expect(relative(server.dataDir, server.dbPath).startsWith('..')).toBe(false);
    const files = await filesUnder(server.dataDir);
    expect(files).toContain(server.dbPath);
    expect(files).toContain(`${server.dbPath}-wal`);
  });

  it('uses WAL mode (file format bytes 18 and 19 are 2)', async () => {
    const header = (await readFile(server.dbPath)).subarray(0, 100);
    expect(header.toString('latin1', 0, 15)).toBe('SQLite format 3');
    expect([header[18], header[19]]).toEqual([2, 2]);
  });

  it('holds no secret, password, token, challenge id or recovery code in any file of the data folder', async () => {
    const files = await filesUnder(server.dataDir);
    const found: string[] = [];
    for (const file of files) {
      const bytes = await readFile(file);
      for (const needle of needles) {
        if (needle.bytes.length > 0 && bytes.includes(needle.bytes)) found.push(`${needle.label} in ${relative(server.dataDir, file)}`);
      }
    }
    expect(needles.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const db = Buffer.concat([await readFile(server.dbPath), await readFile(`${server.dbPath}-wal`).catch(() => Buffer.alloc(0))]);
    expect(db.includes(Buffer.from('$argon2id$'))).toBe(true);
  });

  it('keeps the encryption key in a file only its owner can read or write (0600), and not in the database', async () => {
    const files = await filesUnder(server.dataDir);
    const dbFiles = new Set([server.dbPath, `${server.dbPath}-wal`, `${server.dbPath}-shm`, `${server.dbPath}-journal`]);
    const others = files.filter((f) => !dbFiles.has(f));
    const keyFiles = others.filter((f) => /key/i.test(relative(server.dataDir, f)));
    expect(keyFiles.length, `files in the data folder: ${files.map((f) => relative(server.dataDir, f)).join(', ')}`).toBeGreaterThan(0);
    const database = Buffer.concat(await Promise.all([...dbFiles].map((f) => readFile(f).catch(() => Buffer.alloc(0)))));
    for (const file of keyFiles) {
      expect(((await stat(file)).mode & 0o777).toString(8), file).toBe('600');
      const key = await readFile(file);
      expect(key.length).toBeGreaterThanOrEqual(32);
      expect(database.includes(key)).toBe(false);
      const trimmed = key.toString('utf8').trim();
      if (trimmed.length >= 32) expect(database.includes(Buffer.from(trimmed))).toBe(false);
    }
  });
});
