/**
 * Runs the unconfirmed sign-outs (unconfirmed-sign-out.ts): keeps each token in the keychain while
 * it waits (in memory only where there is no keychain), tells the server again when a pause is over,
 * when the server answers another request, and at the next start, and deletes the token once the
 * server has ended the session. Never logs a token.
 */
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiClient } from '../api/api-client.js';
import type { ApiResult } from '../api/api-result.js';
import type { CredentialStore, UnconfirmedSignOut } from '../keychain/credential-store.js';
import { nextRetry, retryFor, type SignOutRetry, type SignOutRetryEvent } from './unconfirmed-sign-out.js';

/** Runs `run` after `delayMs`; the function returned cancels it. */
export type Schedule = (delayMs: number, run: () => void) => () => void;

/** A timer that does not keep the process alive: a pending retry must not hold up quitting. */
export const scheduleTimer: Schedule = (delayMs, run) => {
  const timer = setTimeout(run, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};

export interface SignOutRetriesDeps {
  readonly apiFor: (serverUrl: string) => ApiClient;
  readonly credentials: CredentialStore;
  /**
   * Policy allows keeping sessions in the keychain. Where it does not, a live token must not rest there
   * either, so unconfirmed sign-outs are retried only while the app runs, and any kept earlier are
   * deleted (after one more attempt).
   */
  readonly keep: boolean;
  readonly now: () => number;
  readonly log: (message: string) => void;
  readonly schedule: Schedule;
  /** The server has now ended a session this computer signed out of earlier. */
  readonly onEnded: (serverUrl: string) => void;
}

interface Entry {
  retry: SignOutRetry;
  cancel: (() => void) | null;
}

export class SignOutRetries {
  /** By token: each session is told once at a time. */
  private readonly entries = new Map<string, Entry>();
  private stopped = false;

  constructor(private readonly deps: SignOutRetriesDeps) {}

  /** Tells the server again about every sign-out an earlier run could not finish. */
  async resume(): Promise<void> {
    const kept = await this.deps.credentials.unconfirmedSignOuts();
    if (kept.length > 0) this.deps.log(`${kept.length} earlier sign-out(s) not yet confirmed by the server: telling it again`);
    if (!this.deps.keep) await Promise.all(kept.map((signOut) => this.deps.credentials.forgetUnconfirmedSignOut(signOut.serverUrl, signOut.token)));
    await Promise.all(kept.map((signOut) => this.track(signOut.token, retryFor(signOut, this.deps.now()))));
  }

  /** A sign-out the server did not confirm just now (`result`): kept, and told again after the first pause. */
  async add(signOut: UnconfirmedSignOut, result: ApiResult<null>): Promise<void> {
    if (!this.deps.keep) this.deps.log('policy does not allow keeping sessions: the unconfirmed sign-out is retried only while the app runs');
    else if (!(await this.deps.credentials.rememberUnconfirmedSignOut(signOut))) {
      this.deps.log('the keychain did not keep the unconfirmed sign-out: it is retried only while the app runs');
    }
    await this.track(signOut.token, nextRetry({ kind: 'sending', signOut, failures: 0 }, { type: 'answered', result, now: this.deps.now() }));
  }

  /** The server at `serverUrl` answered: every sign-out waiting for it is sent now. */
  serverAnswered(serverUrl: string): void {
    for (const [token, entry] of this.entries) {
      if (entry.retry.signOut.serverUrl === serverUrl) void this.apply(token, { type: 'serverBack' });
    }
  }

  /** Whether any sign-out for `serverUrl` is still waiting for the server. */
  pendingFor(serverUrl: string): boolean {
    return [...this.entries.values()].some((entry) => entry.retry.signOut.serverUrl === serverUrl);
  }

  /** Cancels every pause; what is kept in the keychain is retried at the next start. */
  stop(): void {
    this.stopped = true;
    for (const entry of this.entries.values()) entry.cancel?.();
    this.entries.clear();
  }

  private async track(token: string, retry: SignOutRetry): Promise<void> {
    if (this.stopped || this.entries.has(token)) return;
    this.entries.set(token, { retry, cancel: null });
    await this.enter(token, retry);
  }

  private async apply(token: string, event: SignOutRetryEvent): Promise<void> {
    const entry = this.entries.get(token);
    if (entry === undefined) return;
    const next = nextRetry(entry.retry, event);
    if (next !== entry.retry) await this.enter(token, next);
  }

  /** Does what the new state asks: wait, send, or delete the token. */
  private async enter(token: string, retry: SignOutRetry): Promise<void> {
    const entry = this.entries.get(token);
    if (entry === undefined || this.stopped) return;
    entry.cancel?.();
    entry.cancel = null;
    entry.retry = retry;
    switch (retry.kind) {
      case 'waiting':
        entry.cancel = this.deps.schedule(Math.max(0, retry.retryAt - this.deps.now()), () => void this.apply(token, { type: 'due' }));
        return;
      case 'sending': {
        const result = await this.deps.apiFor(retry.signOut.serverUrl).logout(token);
        if (!result.ok) this.deps.log(`an earlier sign-out is still not confirmed by the server: ${result.failure.kind === 'api' ? result.failure.code : result.failure.kind}`);
        await this.apply(token, { type: 'answered', result, now: this.deps.now() });
        return;
      }
      case 'over':
        this.entries.delete(token);
        await this.deps.credentials.forgetUnconfirmedSignOut(retry.signOut.serverUrl, token);
        this.deps.log(
          retry.how === 'expired' ? 'gave up an earlier sign-out: its session has ended by itself' : 'the server has now ended the session of an earlier sign-out',
        );
        if (retry.how !== 'expired') this.deps.onEnded(retry.signOut.serverUrl);
        return;
      default:
        assertNever(retry);
    }
  }
}
