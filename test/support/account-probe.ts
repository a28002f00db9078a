/**
 * Looking at an account from the outside after a race, the way its owner or an attacker could: does a
 * token still work, how many authenticators does the account have, and in what order did changes
 * commit (the audit trail is written in the same transaction as each decision, so its order is the
 * commit order).
 */
import { AdminUsersResponse, AuditResponse, type AuditEvent } from '../../shared/api/schemas.js';
import { apiClient, ok, type ApiClient, type CallResult } from './http-client.js';
import type { TestServer } from './test-server.js';

export interface AccountProbe {
  readonly api: ApiClient;
  /** Whether the server still honours the token (an enrollment session answers 403 on /me, a dead one 401). */
  works(token: string): Promise<boolean>;
  authenticatorCount(userId: string, username: string): Promise<number>;
  /** Audit events, oldest first, of the last `limit` committed changes. */
  audit(limit?: number): Promise<readonly AuditEvent[]>;
}

export function accountProbe(server: TestServer, adminToken: string): AccountProbe {
  const api = apiClient(server.api);
  return {
    api,
    works: async (token) => {
      const res = await api.get('/me', { token });
      if (res.status !== 200 && res.status !== 401 && res.status !== 403) throw new Error(`GET /me answered ${res.status}`);
      return res.status !== 401;
    },
    authenticatorCount: async (userId, username) => {
      const listed = ok(await api.get(`/admin/users?search=${encodeURIComponent(username)}`, { token: adminToken }), 200, AdminUsersResponse);
      const found = listed.users.find((u) => u.id === userId);
      if (found === undefined) throw new Error(`${username} is not listed`);
      return found.authenticatorCount;
    },
    audit: async (limit = 200) =>
      [...ok(await api.get(`/admin/audit?limit=${limit}`, { token: adminToken }), 200, AuditResponse).events].sort((a, b) => a.id - b.id),
  };
}

/** The id of the last audit event that matches, or undefined. */
export function lastEvent(events: readonly AuditEvent[], match: (e: AuditEvent) => boolean): number | undefined {
  return events.filter(match).at(-1)?.id;
}

/** Every session token an answer hands out (full or enrollment), so a test can check each is dead. */
export function tokensIn(res: CallResult): readonly string[] {
  if (res.status < 200 || res.status >= 300 || typeof res.body !== 'object' || res.body === null) return [];
  const body = res.body as Record<string, unknown>;
  return ['session', 'enrollmentSession'].flatMap((field) => {
    const session = body[field] as { token?: unknown } | undefined;
    return typeof session?.token === 'string' ? [session.token] : [];
  });
}
