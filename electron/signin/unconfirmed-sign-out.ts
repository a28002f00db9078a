/**
 * A sign-out the server has not confirmed (it could not be reached, failed or timed out): this
 * computer has already forgotten the session, but the server honours its token until told, so the
 * token is kept for one purpose, telling the server again, with growing pauses, until the server
 * says the session is over or the session would have ended anyway. Pure: times come in with events.
 */
import { assertNever } from '../../shared/util/assert-never.js';
import type { ApiResult } from '../api/api-result.js';
import type { UnconfirmedSignOut } from '../keychain/credential-store.js';

export type SignOutRetry =
  /** Told again at `retryAt`, or sooner when the server answers something else. */
  | { readonly kind: 'waiting'; readonly signOut: UnconfirmedSignOut; readonly failures: number; readonly retryAt: number }
  | { readonly kind: 'sending'; readonly signOut: UnconfirmedSignOut; readonly failures: number }
  /** Nothing left to do: the token is deleted. */
  | { readonly kind: 'over'; readonly signOut: UnconfirmedSignOut; readonly how: 'confirmed' | 'alreadyEnded' | 'expired' };

export type SignOutRetryEvent =
  | { readonly type: 'due' }
  /** The server answered another request: it is back, so waiting longer helps nobody. */
  | { readonly type: 'serverBack' }
  | { readonly type: 'answered'; readonly result: ApiResult<null>; readonly now: number };

/** The first pause after a failed sign-out, doubled after each further failure up to the longest. */
export const FIRST_RETRY_MS = 5_000;
export const LONGEST_RETRY_MS = 10 * 60_000;
/** A session outlives its stated end by this much before it is given up on, for a computer clock that runs early. */
const EXPIRY_MARGIN_MS = 60 * 60_000;

export function retryDelayMs(failures: number, retryAfterSeconds: number | undefined): number {
  const backoff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 16)));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

/** How the server answered a sign-out: the session is over, or it may still be honoured. */
export function signOutAnswer(result: ApiResult<null>): 'confirmed' | 'alreadyEnded' | 'notConfirmed' {
  if (result.ok) return 'confirmed';
  const { failure } = result;
  switch (failure.kind) {
    case 'api':
      // 401: the token is already dead (expired, revoked, signed out elsewhere). Any other refusal leaves it alive.
      return failure.code === 'unauthorized' ? 'alreadyEnded' : 'notConfirmed';
    case 'unreachable':
    case 'proxyAuth':
    case 'timeout':
    case 'tls':
    case 'unexpected':
      return 'notConfirmed';
    default:
      return assertNever(failure);
  }
}

const isExpired = (signOut: UnconfirmedSignOut, now: number) => now >= signOut.expiresAt + EXPIRY_MARGIN_MS;

/** A sign-out found kept from an earlier run, or just refused: sent again at once, unless its session is over anyway. */
export function retryFor(signOut: UnconfirmedSignOut, now: number, failures = 0, retryAt = now): SignOutRetry {
  return isExpired(signOut, now) ? { kind: 'over', signOut, how: 'expired' } : { kind: 'waiting', signOut, failures, retryAt };
}

export function nextRetry(retry: SignOutRetry, event: SignOutRetryEvent): SignOutRetry {
  switch (event.type) {
    case 'due':
    case 'serverBack':
      return retry.kind === 'waiting' ? { kind: 'sending', signOut: retry.signOut, failures: retry.failures } : retry;
    case 'answered': {
      if (retry.kind !== 'sending') return retry;
      const answer = signOutAnswer(event.result);
      switch (answer) {
        case 'confirmed':
        case 'alreadyEnded':
          return { kind: 'over', signOut: retry.signOut, how: answer };
        case 'notConfirmed': {
          const failures = retry.failures + 1;
          const retryAfter = event.result.ok ? undefined : event.result.failure.kind === 'api' ? event.result.failure.retryAfter : undefined;
          return retryFor(retry.signOut, event.now, failures, event.now + retryDelayMs(failures, retryAfter));
        }
        default:
          return assertNever(answer);
      }
    }
    default:
      return assertNever(event);
  }
}
