/**
 * The pages' API client: the same /api/v1 endpoints as the desktop, authenticated by the HttpOnly
 * session cookie. Every request carries the CSRF token and asks for sessions to go into the cookie,
 * so the page's script never holds a session token.
 */
import type { ApiErrorCode } from '../../../shared/api/errors.js';
import { isApiErrorCode } from '../../../shared/api/errors.js';

export type Failure =
  | {
      readonly kind: 'api';
      readonly status: number;
      readonly code: ApiErrorCode;
      readonly attemptsRemaining?: number;
      readonly retryAfter?: number;
      readonly fields?: Readonly<Record<string, string>>;
      readonly reason?: string;
    }
  | { readonly kind: 'network' }
  | { readonly kind: 'unexpected'; readonly status: number };

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

let csrfToken: Promise<string> | undefined;

async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/web/csrf', { credentials: 'same-origin', cache: 'no-store' });
  const body = (await res.json()) as { token?: unknown };
  if (typeof body.token !== 'string') throw new Error('no CSRF token');
  return body.token;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function failureOf(status: number, body: unknown): Failure {
  const error = isRecord(body) && isRecord(body['error']) ? body['error'] : undefined;
  if (error === undefined || !isApiErrorCode(error['code'])) return { kind: 'unexpected', status };
  const number = (key: string) => (typeof error[key] === 'number' ? { [key]: error[key] } : {});
  const fields = isRecord(error['fields']) ? { fields: error['fields'] as Readonly<Record<string, string>> } : {};
  const reason = typeof error['reason'] === 'string' ? { reason: error['reason'] } : {};
  return { kind: 'api', status, code: error['code'], ...number('attemptsRemaining'), ...number('retryAfter'), ...fields, ...reason };
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<Result<T>> {
  try {
    csrfToken ??= fetchCsrfToken();
    const headers: Record<string, string> = {
      accept: 'application/json',
      'x-csrf-token': await csrfToken,
      'x-stepgate-session': 'cookie',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    return res.ok ? { ok: true, value: parsed as T } : { ok: false, failure: failureOf(res.status, parsed) };
  } catch {
    csrfToken = undefined;
    return { ok: false, failure: { kind: 'network' } };
  }
}

export const isCode = (failure: Failure, code: ApiErrorCode): boolean => failure.kind === 'api' && failure.code === code;
