/**
 * The flow under test with everything around it that is not the server: a scripted API that answers
 * when the test says so, keytar in memory under the real keychain store, and the real loopback
 * listener for browser sign-ins.
 */
import type { ApiClient } from '../../../../electron/api/api-client.js';
import type { ApiResult } from '../../../../electron/api/api-result.js';
import type { CredentialStore } from '../../../../electron/keychain/credential-store.js';
import { keychainStore, type Keytar } from '../../../../electron/keychain/keytar-store.js';
import { SignInFlow, type SignInFlowDeps } from '../../../../electron/signin/sign-in-flow.js';
import type { Schedule } from '../../../../electron/signin/sign-out-retries.js';
import { startLoopbackListener } from '../../../../electron/sso/loopback-listener.js';
import type { InfoResponse } from '../../../../shared/api/schemas.js';
import { NOW } from './fixtures.js';

/**
 * The server side of these tests answers only when the test says so, so the order of answers and
 * of the person's actions is the test's to choose. The flow's ordering rules are what is tested;
 * the real server is exercised end to end in test/e2e.
 */
interface Pending {
  readonly method: string;
  readonly body: unknown;
  resolve(result: ApiResult<unknown>): void;
}

export function scriptedApi(serverInfo: InfoResponse = info) {
  const calls: Pending[] = [];
  const pending = <T>(method: string, body: unknown): Promise<ApiResult<T>> =>
    new Promise((resolve) => calls.push({ method, body, resolve: resolve as (r: ApiResult<unknown>) => void }));
  const api: ApiClient = {
    origin: 'https://id.example.com',
    info: () => Promise.resolve({ ok: true, value: serverInfo }),
    login: (body) => pending('login', body),
    verifyTotp: (body) => pending('verifyTotp', body),
    verifyRecoveryCode: (body) => pending('verifyRecoveryCode', body),
    exchangeSsoResult: (body) => pending('exchangeSsoResult', body),
    me: (token) => pending('me', { token }),
    logout: (token) => pending('logout', { token }),
    handoff: (token, next) => pending('handoff', { token, next }),
  };
  /** Answers the oldest open call of `method`, once the flow has made it (it may read the keychain first). */
  const answer = async (method: string, result: ApiResult<unknown>) => {
    let index = calls.findIndex((c) => c.method === method);
    for (let turn = 0; index < 0 && turn < 5; turn++) {
      await settle();
      index = calls.findIndex((c) => c.method === method);
    }
    if (index < 0) throw new Error(`no open ${method} call`);
    const [call] = calls.splice(index, 1);
    call?.resolve(result);
    await settle();
  };
  return { api, calls, answer };
}

export const info: InfoResponse = {
  environment: 'Acme',
  totp: { enabled: true },
  enrollmentUrl: 'https://id.example.com/enroll',
  settingsUrl: 'https://id.example.com/settings',
  sso: { enabled: false },
};

/** Timers the test fires: the pauses between attempts are the flow's, when they end is the test's. */
export function manualTimers() {
  const due: { readonly delayMs: number; run: (() => void) | null }[] = [];
  const schedule: Schedule = (delayMs, run) => {
    const timer = { delayMs, run: run as (() => void) | null };
    due.push(timer);
    return () => void (timer.run = null);
  };
  const fire = () => {
    const pending = due.splice(0).filter((t) => t.run !== null);
    for (const timer of pending) timer.run?.();
    return pending.map((t) => t.delayMs);
  };
  return { schedule, fire, waiting: () => due.filter((t) => t.run !== null).map((t) => t.delayMs) };
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * keytar in memory: the real store (keychainStore) runs on it, and every write is recorded.
 * `setPassword` can be made to fail, as a keyring without a Secret Service does, or to wait.
 */
function memoryKeytar(options: { readonly failWrites?: boolean; readonly holdWrites?: Promise<void> } = {}) {
  const entries = new Map<string, string>();
  const writes: string[] = [];
  const keytar: Keytar = {
    getPassword: async (_service, account) => entries.get(account) ?? null,
    setPassword: async (_service, account, password) => {
      writes.push(`set ${account}`);
      await options.holdWrites;
      if (options.failWrites === true) throw new Error('no Secret Service');
      entries.set(account, password);
    },
    deletePassword: async (_service, account) => {
      writes.push(`delete ${account}`);
      return entries.delete(account);
    },
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
  return { keytar, entries, writes };
}

export function memoryKeychain(options: Parameters<typeof memoryKeytar>[0] = {}): CredentialStore & { readonly entries: Map<string, string>; readonly writes: string[] } {
  const { keytar, entries, writes } = memoryKeytar(options);
  return Object.assign(keychainStore(keytar, 'test'), { entries, writes });
}

export function setup(
  overrides: Partial<SignInFlowDeps> & { readonly credentials?: ReturnType<typeof memoryKeychain>; readonly serverInfo?: InfoResponse } = {},
) {
  const { serverInfo, ...deps } = overrides;
  const scripted = scriptedApi(serverInfo);
  let broughtToFront = 0;
  const opened: string[] = [];
  const logs: string[] = [];
  let now = NOW;
  const credentials = overrides.credentials ?? memoryKeychain();
  const flow = new SignInFlow({
    apiFor: () => scripted.api,
    credentials,
    server: { url: 'https://id.example.com', locked: false },
    allowKeepSignedIn: true,
    allowTrustedComputer: true,
    trustedComputerDays: null,
    computerName: 'Linux - build-07',
    allowPasswordSignIn: true,
    ssoProvider: null,
    extraExternalOrigins: [],
    helpUrl: null,
    app: { language: 'en', version: '1.2.3' },
    saveServerUrl: async () => undefined,
    openExternal: async (url) => void opened.push(url),
    startLoopback: startLoopbackListener,
    bringToFront: () => void (broughtToFront += 1),
    now: () => now,
    log: (m) => void logs.push(m),
    ...deps,
  });
  return {
    flow,
    ...scripted,
    opened,
    logs,
    credentials,
    advance: (ms: number) => (now += ms),
    broughtToFront: () => broughtToFront,
  };
}

