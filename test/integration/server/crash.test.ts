/**
 * The server killed outright (SIGKILL, no chance to close anything) in the middle of a mixed write load,
 * several times over on one data folder. After each kill the database passes SQLite's integrity check,
 * and after each restart every write the server had acknowledged is still there: an answer is sent
 * only after its write is committed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUserResponse, AdminUsersResponse, AuthenticatedResponse, ConfirmAuthenticatorResponse, PendingAuthenticator } from '../../../shared/api/schemas.js';
import { DATABASE_FILE } from '../../../server/store/sqlite/database.js';
import { runCli, startCliServer, type CliServer } from '../../support/cli-server.js';
import { apiClient, ok, type ApiClient } from '../../support/http-client.js';
import { seededRandom, sleep, testSeed } from '../../support/race.js';
import { codeAt } from '../../support/totp.js';

const ROUNDS = 4;
const WORKERS = 6;
/** Acknowledged writes each round waits for before its kill. */
const WRITES_PER_ROUND = 25;
const ADMIN = { username: 'crash-admin', password: 'crash-admin-password' };

interface Account {
  readonly id: string;
  readonly username: string;
  readonly password: string;
  /** Sessions by token: true while alive as far as acknowledged writes say, false once logged out. */
  readonly sessions: Map<string, boolean>;
  /** Tokens with a logout sent but not acknowledged: either state is right. */
  readonly unsure: Set<string>;
  totpRequired: boolean;
  /**
   * The value of a change of totpRequired that was sent and not yet answered (one at a time per account, so
   * answers arriving out of order cannot mislead). If the kill cuts it off, it may or may not have been
   * committed: the restarted server says which, and nothing is counted either way.
   */
  totpChange: boolean | undefined;
  authenticators: number;
}

describe('crash safety', () => {
  let dataDir: string;
  let server: CliServer | undefined;
  const random = seededRandom(testSeed(8_701));
  const accounts: Account[] = [];
  let acknowledged = 0;
  let lost = 0;
  /** Changes cut off by a kill that the restarted server shows committed: sent, written, never answered. */
  let committedUnanswered = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stepgate-crash-'));
    // Cheaper Argon2 and no throttling, so the load is writes rather than waiting.
    await writeFile(
      `${dataDir}.json`,
      JSON.stringify({ argon2: { memoryCost: 8192, timeCost: 1 }, throttle: { authRequestsPerMinute: 1_000_000, address: { maxFailures: 1_000_000 } } }),
    );
    const created = await runCli(['user', 'create', ADMIN.username, '--admin', '--data', dataDir], `${ADMIN.password}\n`);
    expect(created.code, created.stderr).toBe(0);
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}.json`, { force: true });
  });

  const start = () => startCliServer(dataDir, ['--config', `${dataDir}.json`]);

  async function adminSession(api: ApiClient): Promise<string> {
    return ok(await api.post('/auth/login', { body: ADMIN }), 200, AuthenticatedResponse).session.token;
  }

  /** One worker: a random write at a time until the server dies, counting only what it acknowledged. */
  async function worker(api: ApiClient, admin: string, stop: { dead: boolean }): Promise<void> {
    while (!stop.dead) {
      try {
        const account = accounts.length === 0 || random() < 0.25 ? undefined : accounts[Math.floor(random() * accounts.length)];
        if (account === undefined) {
          const username = `crash${accounts.length}x${Math.floor(random() * 1e9).toString(36)}`;
          const password = `pw-${username}`;
          const res = await api.post('/admin/users', { token: admin, body: { username, password } });
          if (res.status === 201) {
            accounts.push({ id: ok(res, 201, AdminUserResponse).user.id, username, password, sessions: new Map(), unsure: new Set(), totpRequired: false, totpChange: undefined, authenticators: 0 });
            acknowledged += 1;
          }
          continue;
        }
        const choice = random();
        const alive = [...account.sessions].filter(([token, live]) => live && !account.unsure.has(token)).map(([token]) => token);
        if (choice < 0.35 || alive.length === 0) {
          const res = await api.post('/auth/login', { body: { username: account.username, password: account.password } });
          const body = res.body as { status?: string; session?: { token: string } };
          if (res.status === 200 && body.status === 'authenticated' && body.session !== undefined) {
            account.sessions.set(body.session.token, true);
            acknowledged += 1;
          }
        } else if (choice < 0.55) {
          const token = alive[Math.floor(random() * alive.length)] ?? '';
          account.unsure.add(token);
          const res = await api.post('/auth/logout', { token });
          if (res.status === 204) {
            account.sessions.set(token, false);
            account.unsure.delete(token);
            acknowledged += 1;
          }
        } else if (choice < 0.75) {
          if (account.totpChange !== undefined) continue;
          const wanted = !account.totpRequired;
          account.totpChange = wanted;
          const res = await api.patch(`/admin/users/${account.id}`, { token: admin, body: { totpRequired: wanted } });
          // Answered either way: the change is no longer in doubt.
          account.totpChange = undefined;
          if (res.status === 200) {
            account.totpRequired = wanted;
            acknowledged += 1;
          }
        } else if (account.authenticators === 0) {
          const token = alive[0] ?? '';
          const pending = ok(await api.post('/me/authenticators', { token, body: { name: 'Phone' } }), 201, PendingAuthenticator);
          const res = await api.post(`/me/authenticators/${pending.id}/confirm`, { token, body: { code: codeAt(pending.secret, Date.now()) } });
          if (res.status === 200) {
            ok(res, 200, ConfirmAuthenticatorResponse);
            account.authenticators = 1;
            acknowledged += 1;
          }
        }
      } catch {
        // The server died under the request, or another worker's logout came first: nothing acknowledged.
        if (!stop.dead) await sleep(1);
      }
    }
  }

  /** Every acknowledged write, as the restarted server sees it; the number that did not survive. */
  async function countLost(api: ApiClient, admin: string): Promise<number> {
    const listed = ok(await api.get('/admin/users?search=crash', { token: admin }), 200, AdminUsersResponse).users;
    let missing = 0;
    for (const account of accounts) {
      const row = listed.find((u) => u.id === account.id);
      if (row === undefined) {
        missing += 1 + account.sessions.size;
        continue;
      }
      if (account.totpChange !== undefined) {
        if (row.totpRequired === account.totpChange) committedUnanswered += 1;
        account.totpRequired = row.totpRequired;
        account.totpChange = undefined;
      } else if (row.totpRequired !== account.totpRequired) missing += 1;
      if (row.authenticatorCount < account.authenticators) missing += 1;
      for (const [token, live] of account.sessions) {
        if (account.unsure.has(token)) continue;
        const status = (await api.get('/me', { token })).status;
        if ((status === 200) !== live) missing += 1;
      }
    }
    return missing;
  }

  it(`${ROUNDS} rounds of SIGKILL under a write load: the database is intact and no acknowledged write is lost`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      server = await start();
      const api = apiClient(`${server.origin}/api/v1`);
      const admin = await adminSession(api);
      if (round > 0) {
        const gone = await countLost(api, admin);
        lost += gone;
        expect(gone, `round ${round}: acknowledged writes lost in the crash before`).toBe(0);
      }
      const stop = { dead: false };
      const load = Promise.all(Array.from({ length: WORKERS }, () => worker(api, admin, stop)));
      // Killed once the round has written something (however busy the machine), at a random moment after.
      const before = acknowledged;
      while (acknowledged - before < WRITES_PER_ROUND) await sleep(10);
      await sleep(Math.floor(random() * 800));
      await server.stop('SIGKILL');
      stop.dead = true;
      await load;
      server = undefined;

      // Opened as the next start will open it (replaying the WAL), then checked page by page.
      const db = new Database(join(dataDir, DATABASE_FILE));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
        expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([]);
      } finally {
        db.close();
      }
    }
    server = await start();
    const api = apiClient(`${server.origin}/api/v1`);
    const gone = await countLost(api, await adminSession(api));
    lost += gone;
    expect(gone, 'after the last crash').toBe(0);
    console.log(`crash: ${ROUNDS} kills, ${acknowledged} acknowledged writes, ${lost} lost, ${committedUnanswered} committed but cut off before their answer`);
  });
});
