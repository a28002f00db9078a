/**
 * One account's audit trail as an administrator reads it (GET /admin/audit), oldest first: each event's
 * name with its details beside it. The specs read it to check what a sign-in or sign-out did on the
 * server, not only what the window said.
 */
import { AuditResponse, type AuditEvent } from '../../shared/api/schemas.js';
import { apiClient, ok } from './http-client.js';
import type { TestServer } from './test-server.js';
import { adminToken } from './totp.js';

export type AuditEntry = Readonly<Record<string, string | number | boolean>> & { readonly event: string };

/** The events as the API answers them (client address among them), oldest first. */
export async function auditEventsWithAddresses(server: TestServer, username: string): Promise<readonly AuditEvent[]> {
  const admin = await adminToken(server);
  const api = apiClient(server.api);
  const audit = ok(await api.get(`/admin/audit?username=${encodeURIComponent(username)}&limit=1000`, { token: admin }), 200, AuditResponse);
  await api.post('/auth/logout', { token: admin });
  return [...audit.events].sort((a, b) => a.id - b.id);
}

export async function auditTrailOf(server: TestServer, username: string): Promise<readonly AuditEntry[]> {
  return (await auditEventsWithAddresses(server, username)).map((e) => ({ ...e.detail, event: e.event }));
}

/** How many `event`s the trail holds. */
export const auditedCount = async (server: TestServer, username: string, event: string): Promise<number> =>
  (await auditEventsWithAddresses(server, username)).filter((e) => e.event === event).length;

/** Only the events' names, oldest first. */
export const auditEventsOf = async (server: TestServer, username: string): Promise<readonly string[]> =>
  (await auditTrailOf(server, username)).map((e) => e.event);
