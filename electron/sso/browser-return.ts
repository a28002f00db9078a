/**
 * What a request to the app's loopback listener is (RFC 8252 section 7.3, docs/sso.md section 2): the
 * browser coming back from this sign-in, or something to refuse and keep waiting. Pure, so every rule
 * is tested on its own; loopback-listener.ts carries out the answer.
 */
import { isSsoFlowErrorCode, type SsoFlowErrorCode } from '../../shared/api/errors.js';
import { isSameState } from './pkce.js';

export interface Expected {
  /** Exactly `127.0.0.1:PORT`: any other Host is a page of another site reaching us (DNS rebinding) or a proxy. */
  readonly host: string;
  readonly path: string;
  readonly state: string;
}

/** How the sign-in ended, as the browser brought it back. */
export type BrowserReturn =
  | { readonly kind: 'code'; readonly code: string }
  /** `code` is null for an error code this app does not know (a newer server). */
  | { readonly kind: 'error'; readonly code: SsoFlowErrorCode | null; readonly reason: string | null }
  /** Our state, but neither a usable result code nor an error: not what the server sends. */
  | { readonly kind: 'malformed' };

export type Arrival =
  | { readonly kind: 'return'; readonly value: BrowserReturn }
  | { readonly kind: 'refused'; readonly status: 400 | 404 | 405; readonly why: 'host' | 'method' | 'path' | 'state' };

/** The result code's shape as the exchange accepts it. */
const RESULT_CODE = /^[A-Za-z0-9_-]{1,128}$/;
const ONCE = ['state', 'code', 'error', 'reason'] as const;

export function readArrival(method: string | undefined, host: string | undefined, target: string | undefined, expected: Expected): Arrival {
  if (host === undefined || host.toLowerCase() !== expected.host) return { kind: 'refused', status: 400, why: 'host' };
  // The raw request target, before any URL parser folds "/x/../" or percent-encoding into the path.
  const raw = target ?? '';
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  if (path !== expected.path) return { kind: 'refused', status: 404, why: 'path' };
  if (method !== 'GET') return { kind: 'refused', status: 405, why: 'method' };
  const query = new URLSearchParams(queryAt < 0 ? '' : raw.slice(queryAt + 1));
  // A parameter given twice could be read one way here and another way elsewhere: not ours.
  if (ONCE.some((name) => query.getAll(name).length > 1)) return { kind: 'refused', status: 400, why: 'state' };
  const state = query.get('state');
  if (state === null || !isSameState(state, expected.state)) return { kind: 'refused', status: 400, why: 'state' };
  const code = query.get('code');
  const error = query.get('error');
  if (error !== null && code === null) {
    return { kind: 'return', value: { kind: 'error', code: isSsoFlowErrorCode(error) ? error : null, reason: query.get('reason') } };
  }
  if (code !== null && error === null && RESULT_CODE.test(code)) return { kind: 'return', value: { kind: 'code', code } };
  return { kind: 'return', value: { kind: 'malformed' } };
}
