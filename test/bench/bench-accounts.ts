/**
 * The benchmark's accounts, set up the way people set theirs up: an administrator creates each user over
 * the API, the user signs in with the password, adds an authenticator and confirms it with a code; then
 * password sign-ins open the challenges the runs answer. Nothing is written behind the server's back and
 * no limit is lifted: the server runs with `--config` values inside their documented ranges.
 */
import { Secret, TOTP } from 'otpauth';

export const PERIOD_MS = 30_000;

export interface BenchAccount {
  readonly username: string;
  readonly password: string;
  /** Base32, as the server showed it at enrollment. */
  readonly secret: string;
  /** The time step of the code that confirmed the authenticator: only later steps sign in. */
  readonly confirmedStep: number;
  /** Challenge ids from password sign-ins, not yet answered. */
  readonly challenges: string[];
}

export const stepOf = (ms: number): number => Math.floor(ms / PERIOD_MS);

export function codeAt(secret: string, step: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: step * PERIOD_MS });
}

/** A six-digit code that matches none of the steps the server accepts around `step`. */
export function wrongCode(secret: string, step: number): string {
  const accepted = new Set([-1, 0, 1].map((d) => codeAt(secret, step + d)));
  for (let n = 0; ; n += 1) {
    const candidate = String((Number(codeAt(secret, step)) + 500_000 + n) % 1_000_000).padStart(6, '0');
    if (!accepted.has(candidate)) return candidate;
  }
}

export async function postJson(url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

async function expectOk(url: string, body: unknown, status: number, token?: string): Promise<Record<string, unknown>> {
  const result = await postJson(url, body, token);
  if (result.status !== status) throw new Error(`${url} answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Runs `task` for every item, `concurrency` at a time. */
export async function inParallel<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function signInToken(api: string, username: string, password: string): Promise<string> {
  const body = await expectOk(`${api}/auth/login`, { username, password }, 200);
  const session = body['session'] as { token?: string } | undefined;
  if (body['status'] !== 'authenticated' || session?.token === undefined) throw new Error(`${username} did not get a session: ${String(body['status'])}`);
  return session.token;
}

/** `count` users with one confirmed authenticator each, made through the API by `adminToken`. */
export async function createAccounts(api: string, adminToken: string, prefix: string, count: number, concurrency = 8): Promise<BenchAccount[]> {
  const accounts: BenchAccount[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const username = `${prefix}${i}`;
      const password = `${username}-password`;
      await expectOk(`${api}/admin/users`, { username, password }, 201, adminToken);
      const token = await signInToken(api, username, password);
      const pending = await expectOk(`${api}/me/authenticators`, { name: 'Bench phone' }, 201, token);
      const secret = String(pending['secret']);
      const confirmedStep = stepOf(Date.now());
      await expectOk(`${api}/me/authenticators/${String(pending['id'])}/confirm`, { code: codeAt(secret, confirmedStep) }, 200, token);
      accounts.push({ username, password, secret, confirmedStep, challenges: [] });
    },
  );
  return accounts;
}

/** `perAccount` password sign-ins for each account, each giving a challenge. */
export async function openChallenges(api: string, accounts: readonly BenchAccount[], perAccount: number, concurrency = 8): Promise<void> {
  const jobs = accounts.flatMap((account) => Array.from({ length: perAccount }, () => account));
  await inParallel(jobs, concurrency, async (account) => {
    const body = await expectOk(`${api}/auth/login`, { username: account.username, password: account.password }, 200);
    const challenge = body['challenge'] as { id?: string } | undefined;
    if (challenge?.id === undefined) throw new Error(`${account.username} got no challenge: ${String(body['status'])}`);
    account.challenges.push(challenge.id);
  });
}
