/**
 * A sign-out the server cannot hear: the desktop flow with its real API client against the reference
 * server as operators run it (its own process), stopped while the person signs out and started again
 * on the same data folder and port. The effects are read where they land: the session row in the
 * server's SQLite file, GET /me with the token, and the keychain (the real store on keytar in memory,
 * as the flow's suite uses it; keytar-store.test.ts runs the same entries through a real Secret Service).
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../electron/api/api-client.js';
import { SignInFlow } from '../../../../electron/signin/sign-in-flow.js';
import type { Schedule } from '../../../../electron/signin/sign-out-retries.js';
import { startLoopbackListener } from '../../../../electron/sso/loopback-listener.js';
import { hashToken } from '../../../../server/crypto/tokens.js';
import { DATABASE_FILE } from '../../../../server/store/sqlite/database.js';
import { runCli, startCliServer, type CliServer } from '../../../support/cli-server.js';
import { manualTimers, memoryKeychain } from '../../../unit/electron/signin/flow-harness.js';

const PERSON = { username: 'ada', password: 'a long password for ada' };

let dataDir: string;
let server: CliServer | undefined;
let port: number;
const flows: SignInFlow[] = [];

const start = async () => {
  server = await startCliServer(dataDir, ['--config', `${dataDir}.json`], port);
  return server;
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'stepgate-signout-'));
  await writeFile(`${dataDir}.json`, JSON.stringify({ argon2: { memoryCost: 8192, timeCost: 1 } }));
  const created = await runCli(['user', 'create', PERSON.username, '--data', dataDir], `${PERSON.password}\n`);
  expect(created.code, created.stderr).toBe(0);
  // The first start picks the port; every later one listens there again, as a real server's address stays.
  const first = await startCliServer(dataDir, ['--config', `${dataDir}.json`]);
  port = Number(new URL(first.origin).port);
  await first.stop('SIGTERM');
});

afterEach(async () => {
  for (const flow of flows.splice(0)) flow.stop();
  await server?.stop('SIGTERM');
  server = undefined;
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}.json`, { force: true });
});

function desktopFlow(origin: string, credentials: ReturnType<typeof memoryKeychain>, schedule: Schedule) {
  const logs: string[] = [];
  const flow = new SignInFlow({
    apiFor: (url) => createApiClient({ origin: url, timeoutMs: 3_000 }),
    credentials,
    server: { url: origin, locked: true },
    allowKeepSignedIn: true,
    allowTrustedComputer: false,
    trustedComputerDays: null,
    computerName: 'Linux - test',
    allowPasswordSignIn: true,
    ssoProvider: null,
    extraExternalOrigins: [],
    helpUrl: null,
    app: { language: 'en', version: '0.0.0' },
    saveServerUrl: async () => undefined,
    openExternal: async () => undefined,
    startLoopback: startLoopbackListener,
    bringToFront: () => undefined,
    now: () => Date.now(),
    schedule,
    log: (m) => void logs.push(m),
  });
  flows.push(flow);
  return { flow, logs };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether the server's own file still holds the session: read, not changed, beside the running server. */
function sessionRowExists(token: string): boolean {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM sessions WHERE token_hash = ?').get(hashToken(token)) !== undefined;
  } finally {
    db.close();
  }
}

const signOutEntries = (credentials: ReturnType<typeof memoryKeychain>) => [...credentials.entries.keys()].filter((a) => a.startsWith('signout@'));

/** Signs in through the flow (keeping the session) and signs out while the server is stopped. */
async function signOutWhileServerIsDown(credentials: ReturnType<typeof memoryKeychain>, schedule: Schedule) {
  const { origin } = await start();
  const { flow, logs } = desktopFlow(origin, credentials, schedule);
  await flow.start();
  await flow.handle({ type: 'submitCredentials', username: PERSON.username, password: PERSON.password, keepSignedIn: true });
  await until('the kept session', () => flow.current.kind === 'signedIn' && flow.current.remembered);
  const state = flow.current;
  if (state.kind !== 'signedIn') throw new Error('not signed in');
  const { token } = state;
  expect(sessionRowExists(token)).toBe(true);

  await server?.stop('SIGTERM');
  await flow.handle({ type: 'signOut' });

  expect(flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'unconfirmed' });
  // The session is no longer kept as one, only as a sign-out to finish; the server still has it.
  expect(await credentials.sessionToken(origin)).toBeNull();
  expect(signOutEntries(credentials)).toHaveLength(1);
  expect(sessionRowExists(token)).toBe(true);
  expect(logs.join('\n')).not.toContain(token);
  return { flow, logs, token, origin };
}

describe('a sign-out the server could not hear', () => {
  it('is told again after a pause once the server is back: the session row ends and the keychain entry goes', async () => {
    const credentials = memoryKeychain();
    const timers = manualTimers();
    const { flow, logs, token, origin } = await signOutWhileServerIsDown(credentials, timers.schedule);

    // Still down: the attempt fails and the next pause is longer. (The flow's clock is the real one: a
    // pause is what is left of it when it is set, a millisecond or so short.)
    const [first, ...others] = timers.fire();
    expect(others).toEqual([]);
    expect(first).toBeCloseTo(5_000, -2);
    await until('the second pause', () => timers.waiting().length === 1);
    expect(timers.waiting()[0]).toBeCloseTo(10_000, -2);
    expect(signOutEntries(credentials)).toHaveLength(1);

    await start();
    timers.fire();
    await until('the keychain entry to go', () => signOutEntries(credentials).length === 0);

    expect(sessionRowExists(token)).toBe(false);
    expect(await createApiClient({ origin }).me(token)).toMatchObject({ ok: false, failure: { kind: 'api', code: 'unauthorized' } });
    expect(flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'confirmedLater' });
    expect(timers.waiting()).toEqual([]);
    expect(logs.join('\n')).not.toContain(token);
  });

  it('is told again at the next start: the session row ends and the keychain entry goes', async () => {
    const credentials = memoryKeychain();
    const { flow, token, origin } = await signOutWhileServerIsDown(credentials, manualTimers().schedule);
    flow.stop();

    await start();
    const next = desktopFlow(origin, credentials, manualTimers().schedule);
    await next.flow.start();
    await until('the keychain entry to go', () => signOutEntries(credentials).length === 0);

    expect(sessionRowExists(token)).toBe(false);
    expect(await createApiClient({ origin }).me(token)).toMatchObject({ ok: false, failure: { kind: 'api', code: 'unauthorized' } });
    // Nothing of the earlier session is restored.
    expect(next.flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: null });
  });

  it('is told again as soon as the server answers anything else, before the pause is over', async () => {
    const credentials = memoryKeychain();
    const timers = manualTimers();
    const { flow, token } = await signOutWhileServerIsDown(credentials, timers.schedule);

    await start();
    // The login form asks the server which ways in it offers, as its retry button does.
    await flow.handle({ type: 'reloadServerInfo' });
    await until('the keychain entry to go', () => signOutEntries(credentials).length === 0);

    expect(sessionRowExists(token)).toBe(false);
    expect(flow.view.flow).toMatchObject({ kind: 'signIn', signedOut: 'confirmedLater' });
    expect(timers.waiting()).toEqual([]);
  });
});
