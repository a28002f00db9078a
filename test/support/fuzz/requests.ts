/**
 * Fuzz requests over every route of the server: the route's method or another, its path with odd
 * parameters and queries, odd headers, and a body that starts from a valid one and is bent (types,
 * sizes, unicode, prototype keys) or replaced by text that is not JSON at all. All drawn from a seeded
 * generator, so a run can be repeated exactly.
 */
import { chance, int, oddJsonText, oddKey, oddObject, oddString, oddValue, pick, PROTOTYPE_KEYS, type Random } from './values.js';

/** Which of the suite's sessions a request carries, resolved when it is sent. */
export type TokenRef = 'none' | 'full' | 'admin' | 'enrollment' | 'dead' | 'garbage';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query as sent: ASCII, percent-encoded where the case wants it. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly token: TokenRef;
  readonly cookie: boolean;
  readonly body: Buffer | undefined;
  readonly marker: string;
}

interface Route {
  readonly method: string;
  readonly path: string;
  readonly body?: (ids: Ids) => Record<string, unknown>;
}

/** Real ids to aim at, so some requests reach past the "not found". */
export interface Ids {
  readonly victim: string;
  readonly pending: string;
  readonly challenge: string;
}

const API_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health' },
  { method: 'GET', path: '/info' },
  { method: 'POST', path: '/auth/login', body: () => ({ username: 'fuzz-victim', password: 'fuzz-victim-password', trustedComputerToken: 'tc_fuzz' }) },
  { method: 'POST', path: '/auth/totp', body: (ids) => ({ challengeId: ids.challenge, code: '123456', trustComputer: { name: 'Fuzz', days: 30 } }) },
  { method: 'POST', path: '/auth/recovery', body: (ids) => ({ challengeId: ids.challenge, recoveryCode: 'ABCDE-FGHJK', offerTrust: true }) },
  { method: 'POST', path: '/auth/logout', body: () => ({}) },
  { method: 'GET', path: '/me' },
  { method: 'POST', path: '/me/authenticators', body: () => ({ name: 'Phone' }) },
  { method: 'POST', path: '/me/authenticators/:id/confirm', body: () => ({ code: '123456' }) },
  { method: 'DELETE', path: '/me/authenticators/:id' },
  { method: 'POST', path: '/me/recovery-codes', body: () => ({}) },
  { method: 'POST', path: '/me/trusted-computers', body: () => ({ grant: 'tg_fuzz', name: 'Fuzz', days: 30 }) },
  { method: 'DELETE', path: '/me/trusted-computers/:id' },
  { method: 'DELETE', path: '/me/trusted-computers' },
  { method: 'POST', path: '/me/password', body: () => ({ currentPassword: 'fuzz-victim-password', newPassword: 'fuzz-victim-password' }) },
  { method: 'GET', path: '/admin/users' },
  { method: 'POST', path: '/admin/users', body: () => ({ username: 'someone', password: 'long-enough-password', displayName: 'Someone', isAdmin: false, totpRequired: false }) },
  { method: 'PATCH', path: '/admin/users/:id', body: () => ({ totpRequired: false }) },
  { method: 'DELETE', path: '/admin/users/:id/authenticators' },
  { method: 'POST', path: '/admin/users/:id/password', body: () => ({ newPassword: 'fuzz-victim-password' }) },
  { method: 'GET', path: '/admin/users/:id/trusted-computers' },
  { method: 'DELETE', path: '/admin/users/:id/trusted-computers/trc_fuzz' },
  { method: 'DELETE', path: '/admin/users/:id/trusted-computers' },
  { method: 'GET', path: '/admin/environment' },
  { method: 'PATCH', path: '/admin/environment', body: () => ({ totpEnabled: true, trustedComputerDays: 30 }) },
  { method: 'GET', path: '/admin/audit' },
];

const SITE_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/' },
  { method: 'GET', path: '/signin' },
  { method: 'GET', path: '/enroll' },
  { method: 'GET', path: '/settings' },
  { method: 'GET', path: '/admin' },
  { method: 'GET', path: '/web/csrf' },
  { method: 'GET', path: '/assets/app.js' },
  { method: 'GET', path: '/assets/:id' },
];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const QUERY_KEYS = ['search', 'limit', 'username', ...PROTOTYPE_KEYS, 'a[]', 'a[b]', 'constructor[prototype][isAdmin]', '__proto__[isAdmin]'] as const;

/** Percent-encodes everything outside the unreserved set (and, sometimes, breaks the encoding). */
function encode(random: Random, text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, 'x')); // a lone surrogate cannot be encoded
  }
  return chance(random, 0.1) ? `${encoded}${pick(random, ['%', '%Z', '%ZZ', '%E0%A4%A', '%00', '%2e%2e', '%2f..%2f'])}` : encoded;
}

function oddParam(random: Random, ids: Ids, marker: string): string {
  switch (int(random, 5)) {
    case 0:
      return pick(random, [ids.victim, ids.pending]);
    case 1:
      return `${marker}${'x'.repeat(pick(random, [1, 120, 128, 129, 2049, 9000]))}`;
    case 2:
      return pick(random, ['..', '.', '', `${marker}%2F..`, `..%2f${marker}`]);
    default:
      return encode(random, oddString(random, marker));
  }
}

function oddQuery(random: Random, marker: string): string {
  if (chance(random, 0.6)) return '';
  const pairs = Array.from({ length: 1 + int(random, 3) }, () => {
    const key = chance(random, 0.7) ? pick(random, QUERY_KEYS) : encode(random, oddKey(random, marker));
    return `${key}=${encode(random, oddString(random, marker))}`;
  });
  return `?${pairs.join('&')}`;
}

function oddPath(random: Random, route: Route, ids: Ids, marker: string): string {
  const prefix = API_ROUTES.includes(route) ? '/api/v1' : '';
  let path = `${prefix}${route.path.replace(':id', () => oddParam(random, ids, marker))}`;
  switch (int(random, 9)) {
    case 0:
      path = `${path}/`;
      break;
    case 1:
      path = path.replace('/api/v1', pick(random, ['/API/V1', '/api//v1', '//api/v1', '/api/v1/.', '/api/v1%2f', '/api/v2']));
      break;
    case 2:
      path = `${path}/${encode(random, oddString(random, marker))}`;
      break;
    case 3:
      path = `${prefix}/${encode(random, oddString(random, marker))}`;
      break;
    default:
      break;
  }
  return `${path}${oddQuery(random, marker)}`;
}

function oddHeaders(random: Random, marker: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (hasBody || chance(random, 0.1)) {
    headers['content-type'] = chance(random, 0.7)
      ? 'application/json'
      : pick(random, ['application/json; charset=utf-8', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/JSON', 'application/json, text/plain', `application/${marker}`, '']);
  }
  if (chance(random, 0.1)) headers['authorization'] = pick(random, [`Bearer ${marker}`, 'Bearer ', `Basic ${marker}`, `Bearer ${'A'.repeat(201)}`, 'bearer sgs_abcdefghijklmnop', `Bearer sgs_${marker}!`]);
  if (chance(random, 0.1)) headers['x-stepgate-session'] = pick(random, ['cookie', marker, '']);
  if (chance(random, 0.1)) headers['x-csrf-token'] = pick(random, [marker, '', 'x'.repeat(43)]);
  if (chance(random, 0.1)) headers['cookie'] = pick(random, [`stepgate_session=${marker}`, `stepgate_csrf=${marker}; stepgate_session=sgs_${marker}`, `a=${'b'.repeat(3000)}`, '=;;=', `__proto__=${marker}`]);
  if (chance(random, 0.05)) headers['content-encoding'] = pick(random, ['gzip', 'br', marker]);
  if (chance(random, 0.05)) headers['range'] = pick(random, ['bytes=0-0', 'bytes=99999-', `bytes=${marker}`, 'bytes=0-1,2-3,4-5']);
  if (chance(random, 0.05)) headers['if-match'] = pick(random, [`"${marker}"`, '*']);
  if (chance(random, 0.05)) headers['if-unmodified-since'] = pick(random, ['Mon, 01 Jan 1990 00:00:00 GMT', marker]);
  if (chance(random, 0.05)) headers['x-forwarded-for'] = pick(random, ['10.0.0.1', marker, '1.1.1.1, 2.2.2.2']);
  if (chance(random, 0.05)) headers['accept'] = pick(random, ['text/html', '*/*', marker]);
  if (chance(random, 0.05)) headers['origin'] = pick(random, ['https://evil.example', 'null', marker]);
  return headers;
}

function oddBody(random: Random, route: Route, ids: Ids, marker: string): Buffer | undefined {
  const template = route.body?.(ids);
  if (template === undefined && chance(random, 0.8)) return undefined;
  switch (int(random, 9)) {
    case 0:
      return Buffer.from(oddJsonText(random, marker), 'utf8');
    case 1:
      return Buffer.concat([Buffer.from(`{"name": "${marker}`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    case 2:
      return Buffer.from(JSON.stringify({ ...template, padding: 'p'.repeat(17 * 1024) }));
    case 3:
      return Buffer.from(JSON.stringify(oddValue(random, marker)), 'utf8');
    default: {
      const body = new Map<string, unknown>(Object.entries(template ?? {}));
      for (let i = 0; i <= int(random, 2); i += 1) {
        const keys = [...body.keys()];
        const action = int(random, 3);
        if (action === 0 && keys.length > 0) body.set(pick(random, keys), oddValue(random, marker));
        else if (action === 1 && keys.length > 0) body.delete(pick(random, keys));
        else for (const [key, value] of Object.entries(oddObject(random, marker))) body.set(key, value);
      }
      // fromEntries keeps a key such as __proto__ as a key of its own.
      return Buffer.from(JSON.stringify(Object.fromEntries(body)), 'utf8');
    }
  }
}

const TOKENS: readonly TokenRef[] = ['none', 'full', 'admin', 'admin', 'enrollment', 'dead', 'garbage'];

export function fuzzRequest(random: Random, ids: Ids, index: number): FuzzRequest {
  const marker = `zqx${index.toString(36)}fz`;
  const route = chance(random, 0.85) ? pick(random, API_ROUTES) : pick(random, SITE_ROUTES);
  const method = chance(random, 0.85) ? route.method : pick(random, METHODS);
  const body = method === 'GET' || method === 'HEAD' ? undefined : oddBody(random, route, ids, marker);
  return {
    method,
    path: oddPath(random, route, ids, marker),
    headers: oddHeaders(random, marker, body !== undefined),
    token: pick(random, TOKENS),
    cookie: chance(random, 0.1),
    body,
    marker,
  };
}
