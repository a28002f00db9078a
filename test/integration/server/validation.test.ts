/**
 * Bad input on every route: unknown fields, wrong types (no coercion), missing fields, malformed JSON,
 * non-JSON content types, oversized bodies, bad path and query parameters. Each gets 400 invalid_request
 * with `error.fields` naming the offending field (`body` for the body as a whole), never a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse, PendingAuthenticator } from '../../../shared/api/schemas.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { apiClient, describeCall, fails, ok, type ApiClient, type CallOptions, type CallResult, type Method } from '../../support/http-client.js';
import { adminToken, challengeFor, createTotpUser, RELAXED_THROTTLE, signIn, uniqueUsername, type TotpUser } from '../../support/totp.js';

/** 400 invalid_request naming `field` in error.fields (or any field when `field` is undefined). */
function invalid(res: CallResult, field?: string): void {
  const error = fails(res, 400, 'invalid_request');
  const fields = Object.keys(error.fields ?? {});
  if (field === undefined) {
    if (fields.length === 0) throw new Error(`invalid_request without fields: ${describeCall(res)}`);
  } else if (!fields.includes(field)) {
    throw new Error(`expected error.fields to name "${field}": ${describeCall(res)}`);
  }
  expect(res.text).not.toMatch(/\.ts:\d+|node_modules|\n\s+at /);
}

interface BodyRoute {
  readonly method: Method;
  readonly path: () => string;
  readonly token: () => string | undefined;
  /** A body that passes validation (sent once, to show the 400s below are about the change). */
  readonly valid: () => Readonly<Record<string, unknown>>;
  /** Field -> a value of the wrong JSON type. */
  readonly wrongTypes: Readonly<Record<string, unknown>>;
  readonly required: readonly string[];
  /** Field -> values of the right type that break the field's rules. */
  readonly badValues?: Readonly<Record<string, readonly unknown[]>>;
}

const OVERSIZED = 'x'.repeat(17 * 1024);

describe('validation', () => {
  let server: TestServer;
  let api: ApiClient;
  let admin: string;
  let user: TotpUser;
  let challengeId: string;
  let pendingId: string;

  beforeAll(async () => {
    server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await server.setEnvironment({ totpEnabled: true });
    api = apiClient(server.api);
    admin = await adminToken(server);
    user = await createTotpUser(server);
    challengeId = (await challengeFor(server, user.username, user.password)).id;
    pendingId = ok(await api.post('/me/authenticators', { token: user.token, body: { name: 'Pending one' } }), 201, PendingAuthenticator).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const send = (route: BodyRoute, options: CallOptions): Promise<CallResult> => {
    const token = route.token();
    return api.call(route.method, route.path(), token === undefined ? options : { ...options, token });
  };

  const badCodes: readonly unknown[] = ['12345', '1234567', '12345a', ' 123456', '123 456', '123-456', '', '١٢٣٤٥٦', '１２３４５６'];

  const routes: Readonly<Record<string, BodyRoute>> = {
    'POST /auth/login': {
      method: 'POST',
      path: () => '/auth/login',
      token: () => undefined,
      valid: () => ({ username: 'somebody', password: 'some-password' }),
      wrongTypes: { username: 123, password: ['x'] },
      required: ['username', 'password'],
      badValues: { username: ['', 'u'.repeat(257)], password: ['', 'p'.repeat(1025)] },
    },
    'POST /auth/totp': {
      method: 'POST',
      path: () => '/auth/totp',
      token: () => undefined,
      valid: () => ({ challengeId, code: '000000' }),
      wrongTypes: { challengeId: 5, code: 123456 },
      required: ['challengeId', 'code'],
      badValues: { code: badCodes, challengeId: ['', '../../etc/passwd', 'c'.repeat(129)] },
    },
    'POST /auth/recovery': {
      method: 'POST',
      path: () => '/auth/recovery',
      token: () => undefined,
      valid: () => ({ challengeId, recoveryCode: 'AAAAA-AAAAA' }),
      wrongTypes: { challengeId: null, recoveryCode: 12345 },
      required: ['challengeId', 'recoveryCode'],
      badValues: { recoveryCode: ['', 'R'.repeat(65)], challengeId: ['has space'] },
    },
    'POST /me/authenticators': {
      method: 'POST',
      path: () => '/me/authenticators',
      token: () => user.token,
      valid: () => ({ name: `Valid ${uniqueUsername('n')}` }),
      wrongTypes: { name: true },
      required: ['name'],
      badValues: { name: ['', 'n'.repeat(65)] },
    },
    'POST /me/authenticators/{id}/confirm': {
      method: 'POST',
      path: () => `/me/authenticators/${pendingId}/confirm`,
      token: () => user.token,
      valid: () => ({ code: '000000' }),
      wrongTypes: { code: 123456 },
      required: ['code'],
      badValues: { code: badCodes },
    },
    'POST /admin/users': {
      method: 'POST',
      path: () => '/admin/users',
      token: () => admin,
      valid: () => ({ username: uniqueUsername('valid'), password: 'long-enough-password' }),
      wrongTypes: { username: 1, password: 2, displayName: 3, isAdmin: 'true', totpRequired: 'yes' },
      required: ['username', 'password'],
      badValues: {
        username: ['', 'has space', '-leading-dash', 'u'.repeat(65)],
        password: ['short', 'p'.repeat(1025)],
        displayName: ['', 'd'.repeat(129)],
      },
    },
    'PATCH /admin/users/{id}': {
      method: 'PATCH',
      path: () => `/admin/users/${user.id}`,
      token: () => admin,
      valid: () => ({ totpRequired: false }),
      wrongTypes: { disabled: 'false', totpRequired: 1 },
      required: [],
    },
    'PATCH /admin/environment': {
      method: 'PATCH',
      path: () => '/admin/environment',
      token: () => admin,
      valid: () => ({ totpEnabled: true }),
      wrongTypes: { totpEnabled: 'true', totpRequiredForAll: 0 },
      required: [],
    },
  };

  for (const [name, route] of Object.entries(routes)) {
    describe(name, () => {
      it('a valid body passes validation (control)', async () => {
        const res = await send(route, { body: route.valid() });
        expect(res.status, describeCall(res)).not.toBe(400);
        expect(res.status, describeCall(res)).toBeLessThan(500);
      });

      it('an unknown field: 400 naming it', async () => {
        invalid(await send(route, { body: { ...route.valid(), extra: 1 } }), 'extra');
      });

      for (const [field, value] of Object.entries(route.wrongTypes)) {
        it(`a wrong type for ${field} (${JSON.stringify(value)}): 400 naming it, no coercion`, async () => {
          invalid(await send(route, { body: { ...route.valid(), [field]: value } }), field);
        });
      }

      for (const field of route.required) {
        it(`missing ${field}: 400 naming it`, async () => {
          const body = Object.fromEntries(Object.entries(route.valid()).filter(([key]) => key !== field));
          invalid(await send(route, { body }), field);
        });
      }

      for (const [field, values] of Object.entries(route.badValues ?? {})) {
        it(`values that break the rules of ${field}: 400 naming it`, async () => {
          for (const value of values) invalid(await send(route, { body: { ...route.valid(), [field]: value } }), field);
        });
      }

      if (route.required.length === 0) {
        it('an empty object: 400', async () => {
          invalid(await send(route, { body: {} }));
        });
      }

      it('malformed JSON: 400 naming body', async () => {
        invalid(await send(route, { rawBody: '{"username": "a", ' }), 'body');
        invalid(await send(route, { rawBody: "{'single': 'quotes'}" }), 'body');
      });

      it('JSON that is not an object (null, array, string, number): 400', async () => {
        for (const raw of ['null', '[]', '"text"', '42', 'true']) invalid(await send(route, { rawBody: raw }));
      });

      it('an empty body or no body: 400', async () => {
        invalid(await send(route, { rawBody: '' }));
        invalid(await send(route, {}));
      });

      it('a non-JSON content type: 400', async () => {
        const text = JSON.stringify(route.valid());
        invalid(await send(route, { rawBody: text, headers: { 'content-type': 'text/plain' } }));
        invalid(await send(route, { rawBody: 'a=b&c=d', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
      });

      it('an oversized body (> 16 KiB): 400 naming body', async () => {
        invalid(await send(route, { body: { ...route.valid(), padding: OVERSIZED } }), 'body');
      });

      it('a __proto__ key: 400, and nothing is polluted', async () => {
        const res = await send(route, { rawBody: `{"__proto__": {"isAdmin": true}, ${JSON.stringify(route.valid()).slice(1)}` });
        invalid(res);
      });
    });
  }

  describe('JSON with a charset parameter is still JSON', () => {
    it('POST /auth/login with application/json; charset=utf-8 is validated normally', async () => {
      const res = await api.post('/auth/login', {
        rawBody: JSON.stringify({ username: user.username, password: user.password }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      expect(res.status, describeCall(res)).toBe(200);
    });
  });

  describe('path parameters', () => {
    const idRoutes: readonly (readonly [Method, (id: string) => string, () => CallOptions])[] = [
      ['DELETE', (id) => `/me/authenticators/${id}`, () => ({ token: user.token })],
      ['POST', (id) => `/me/authenticators/${id}/confirm`, () => ({ token: user.token, body: { code: '123456' } })],
      ['PATCH', (id) => `/admin/users/${id}`, () => ({ token: admin, body: { disabled: false } })],
      ['DELETE', (id) => `/admin/users/${id}/authenticators`, () => ({ token: admin })],
    ];
    for (const [method, path, options] of idRoutes) {
      const name = `${method} ${path('{id}')}`;
      it(`${name}: an id with characters outside [A-Za-z0-9_-] is 400 naming id`, async () => {
        for (const id of ['has.dot', 'semi;colon', "quote'", 'sp ace']) {
          invalid(await api.call(method, path(encodeURIComponent(id)), options()), 'id');
        }
      });
      it(`${name}: an id longer than 128 characters is 400 naming id`, async () => {
        invalid(await api.call(method, path('x'.repeat(129)), options()), 'id');
      });
      it(`${name}: a well-formed id of 120 characters that does not exist is 404 not_found`, async () => {
        fails(await api.call(method, path('x'.repeat(120)), options()), 404, 'not_found');
      });
    }
  });

  describe('query parameters', () => {
    it('GET /admin/users: a search longer than 64 is 400 naming search; an unknown parameter is 400 naming it', async () => {
      invalid(await api.get(`/admin/users?search=${'s'.repeat(65)}`, { token: admin }), 'search');
      invalid(await api.get('/admin/users?extra=1', { token: admin }), 'extra');
    });
    it('a prototype key in the query is refused naming it, and pollutes nothing', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        invalid(await api.get(`/admin/users?${key}=x`, { token: admin }), key);
        invalid(await api.get(`/admin/audit?${key}[isAdmin]=1`, { token: admin }));
      }
      invalid(await api.get('/admin/users?__proto__=x&search=a', { token: admin }), '__proto__');
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    });
    it('GET /admin/audit: a bad limit is 400 naming limit; an unknown parameter is 400 naming it', async () => {
      for (const limit of ['abc', '-1', '1.5', '99999', '']) invalid(await api.get(`/admin/audit?limit=${limit}`, { token: admin }), 'limit');
      invalid(await api.get(`/admin/audit?username=${'u'.repeat(257)}`, { token: admin }), 'username');
      invalid(await api.get('/admin/audit?extra=1', { token: admin }), 'extra');
    });
  });

  describe('routes without a body', () => {
    const bodyless: readonly (readonly [Method, string, () => Promise<string>])[] = [
      ['POST', '/auth/logout', async () => (await signIn(server, user)).token],
      ['POST', '/me/recovery-codes', () => Promise.resolve(user.token)],
    ];
    const cases: readonly (readonly [string, CallOptions, string])[] = [
      ['a body with a field', { body: { extra: 1 } }, 'extra'],
      ['malformed JSON', { rawBody: '{"extra": ' }, 'body'],
      ['an oversized body', { body: { padding: OVERSIZED } }, 'body'],
    ];
    for (const [method, path, token] of bodyless) {
      for (const [what, options, field] of cases) {
        it(`${method} ${path} with ${what}: 400 naming ${field}, and nothing happens`, async () => {
          const t = await token();
          invalid(await api.call(method, path, { ...options, token: t }), field);
          // The token still works: the request did not log out.
          ok(await api.get('/me', { token: t }), 200, MeResponse);
        });
      }
    }

    // Some HTTP libraries label an empty POST (axios: form-encoded); an empty body carries no field, so its type does not matter.
    const emptyTypes = ['application/x-www-form-urlencoded', 'application/json', 'text/plain; charset=utf-8'];
    for (const type of emptyTypes) {
      it(`POST /auth/logout with an empty body labelled ${type}: 204, and the token is dead`, async () => {
        const t = (await signIn(server, user)).token;
        const res = await api.post('/auth/logout', { token: t, rawBody: '', headers: { 'content-type': type } });
        expect(res.status, describeCall(res)).toBe(204);
        fails(await api.get('/me', { token: t }), 401, 'unauthorized');
      });
    }
    it('POST /auth/logout with a form-encoded body that is not empty: 400 naming body, and nothing happens', async () => {
      const t = (await signIn(server, user)).token;
      invalid(await api.post('/auth/logout', { token: t, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 'body');
      ok(await api.get('/me', { token: t }), 200, MeResponse);
    });
    it('DELETE /me/authenticators/{id} with an empty body labelled form-encoded: 204, and the authenticator is gone', async () => {
      const owner = await createTotpUser(server);
      const res = await api.delete(`/me/authenticators/${owner.authenticatorId}`, {
        token: owner.token,
        rawBody: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status, describeCall(res)).toBe(204);
      expect(ok(await api.get('/me', { token: owner.token }), 200, MeResponse).totp.authenticators).toEqual([]);
    });

    const deletes: readonly (readonly [string, () => Promise<{ readonly path: string; readonly token: string; readonly owner: TotpUser }>])[] = [
      ['DELETE /me/authenticators/{id}', async () => {
        const owner = await createTotpUser(server);
        return { path: `/me/authenticators/${owner.authenticatorId}`, token: owner.token, owner };
      }],
      ['DELETE /admin/users/{id}/authenticators', async () => {
        const owner = await createTotpUser(server);
        return { path: `/admin/users/${owner.id}/authenticators`, token: admin, owner };
      }],
    ];
    for (const [name, prepare] of deletes) {
      for (const [what, options, field] of cases) {
        it(`${name} with ${what}: 400 naming ${field}, and nothing is removed`, async () => {
          const { path, token, owner } = await prepare();
          invalid(await api.delete(path, { ...options, token }), field);
          const me = ok(await api.get('/me', { token: owner.token }), 200, MeResponse);
          expect(me.totp.authenticators.map((a) => a.id)).toEqual([owner.authenticatorId]);
        });
      }
    }

    it('GET routes never answer 5xx to odd input', async () => {
      const odd: readonly [string, CallOptions][] = [
        ['/me', { token: user.token, headers: { 'content-type': 'application/json' } }],
        ['/health?x=%00%ff', {}],
        ['/info?environment[]=1', {}],
        ['/admin/environment', { token: admin, headers: { authorization: `Bearer ${'A'.repeat(5000)}` } }],
      ];
      for (const [path, options] of odd) {
        const res = await api.get(path, options);
        expect(res.status, describeCall(res)).toBeLessThan(500);
      }
    });
  });
});
