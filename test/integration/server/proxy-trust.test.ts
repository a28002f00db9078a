/**
 * Behind reverse proxies (`--trust-proxy`): the client address the throttles and the audit trail use is the
 * one the last trusted proxy saw. A client writes whatever it likes into X-Forwarded-For, and a proxy that
 * appends keeps it in front of the address it saw itself, so only the entries the named proxies added are
 * believed. The proxies here are loopback addresses (127/8 all reaches the server), the clients documentation
 * addresses carried in X-Forwarded-For.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticatedResponse } from '../../../shared/api/schemas.js';
import { TrustedProxiesError } from '../../../server/http/trusted-proxies.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { auditEventsWithAddresses } from '../../support/audit-trail.js';
import { call, fails, ok, type CallResult } from '../../support/http-client.js';
import { createUser } from '../../support/totp.js';

const PROXY = '127.0.40.1';
const UNNAMED_HOP = '127.0.40.3';
const DIRECT_CLIENT = '127.0.40.2';
const ATTACKER = '203.0.113.66';
const VICTIM = '198.51.100.7';

/** A password sign-in reaching the server from `peer` with `forwardedFor` as X-Forwarded-For. */
function loginVia(server: TestServer, peer: string, forwardedFor: string, username: string, password: string): Promise<CallResult> {
  return call('POST', `${server.api}/auth/login`, {
    body: { username, password },
    localAddress: peer,
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

describe('client address behind trusted proxies', () => {
  let server: TestServer;
  beforeAll(async () => {
    // The outer proxy is named by its address, the inner ones by their range.
    server = await startTestServer({ config: { trustProxy: [PROXY, '127.0.41.0/24'] } });
  });
  afterAll(async () => {
    await server.close();
  });

  /** The client addresses of `username`'s failed sign-ins in the audit trail. */
  async function failedFrom(username: string): Promise<readonly (string | null)[]> {
    return (await auditEventsWithAddresses(server, username)).filter((e) => e.event === 'login_failed').map((e) => e.clientAddress);
  }

  it('a client claiming another address through an appending proxy is counted at its own: the user at the claimed one signs in', async () => {
    const user = await createUser(server);
    // The attacker writes the victim's address; the proxy appends the address it saw.
    const forged = `${VICTIM}, ${ATTACKER}`;
    for (let i = 0; i < 4; i += 1) fails(await loginVia(server, PROXY, forged, user.username, `guess-${i}`), 401, 'invalid_credentials');
    fails(await loginVia(server, PROXY, forged, user.username, 'guess-4'), 429, 'too_many_attempts');
    expect(await failedFrom(user.username)).toEqual(Array(5).fill(ATTACKER));
    ok(await loginVia(server, PROXY, VICTIM, user.username, user.password), 200, AuthenticatedResponse);
  });

  it('through a chain of trusted proxies, the address the outermost one saw; an entry no named proxy wrote ends the chain', async () => {
    // Client -> PROXY (appends ATTACKER) -> an inner proxy in the named range (appends PROXY) -> server.
    const user = await createUser(server);
    fails(await loginVia(server, '127.0.41.7', `${VICTIM}, ${ATTACKER}, ${PROXY}`, user.username, 'wrong'), 401, 'invalid_credentials');
    expect(await failedFrom(user.username)).toEqual([ATTACKER]);
    const other = await createUser(server);
    fails(await loginVia(server, '127.0.41.7', `${VICTIM}, ${ATTACKER}, ${UNNAMED_HOP}`, other.username, 'wrong'), 401, 'invalid_credentials');
    expect(await failedFrom(other.username)).toEqual([UNNAMED_HOP]);
  });

  it('a peer that is not a named proxy is counted at its own address, whatever X-Forwarded-For says', async () => {
    const user = await createUser(server);
    fails(await loginVia(server, DIRECT_CLIENT, VICTIM, user.username, 'wrong'), 401, 'invalid_credentials');
    expect(await failedFrom(user.username)).toEqual([DIRECT_CLIENT]);
  });
});

describe('a proxy list that cannot be read', () => {
  it('stops the server before it listens, naming the entry', async () => {
    await expect(startTestServer({ config: { trustProxy: ['10.0.0.5', 'proxy.example.org'] } })).rejects.toThrow(
      new TrustedProxiesError('trustProxy: "proxy.example.org" is not an IP address, a CIDR range such as 10.0.0.0/8, or one of loopback, linklocal, uniquelocal'),
    );
  });
});

describe('without --trust-proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('X-Forwarded-For counts for nothing: five forged failures lock the sender, not the address it names', async () => {
    const user = await createUser(server);
    for (let i = 0; i < 5; i += 1) await loginVia(server, DIRECT_CLIENT, VICTIM, user.username, `guess-${i}`);
    fails(await loginVia(server, DIRECT_CLIENT, '192.0.2.1', user.username, user.password), 429, 'too_many_attempts');
    ok(await loginVia(server, '127.0.40.4', VICTIM, user.username, user.password), 200, AuthenticatedResponse);
  });
});
