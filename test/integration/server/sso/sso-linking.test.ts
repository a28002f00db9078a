/**
 * Which account an identity at a provider may sign in to, on both stores: a claim never links an
 * existing account (a look-alike name, the exact name, an e-mail address the provider did not say it
 * verified), an account linked at one provider is not re-linked by another's claim, and the operator's
 * `sso link` is the way an existing account gets an identity. Real sign-ins at the real test provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUsersResponse, AuditResponse, AuthenticatedResponse } from '../../../../shared/api/schemas.js';
import { apiClient, ok, type ApiClient } from '../../../support/http-client.js';
import { signInAtProvider } from '../../../support/sso/browser.js';
import { startLoopbackApp } from '../../../support/sso/loopback-app.js';
import {
  callback,
  desktopSignIn,
  exchange,
  linkedAccount,
  operatorLink,
  providerAccount,
  providerAnswer,
  redirectedTo,
  startByHand,
  startSsoSetup,
  type SsoSetup,
} from '../../../support/sso/sso-setup.js';
import type { ProviderAccount } from '../../../support/sso/test-provider.js';
import { adminToken, createTotpUser, createUser, uniqueUsername } from '../../../support/totp.js';

describe('linking identities to accounts', () => {
  let setup: SsoSetup;
  let api: ApiClient;
  let admin: string;
  beforeAll(async () => {
    setup = await startSsoSetup({
      connections: [
        { id: 'idp' },
        { id: 'idp-create', unknownUsers: 'create' },
        { id: 'idp-email', usernameClaim: 'email' },
        { id: 'idp-email-create', usernameClaim: 'email', unknownUsers: 'create' },
        { id: 'idp2', atSecondIssuer: true },
      ],
    });
    await setup.server.setEnvironment({ totpEnabled: true });
    api = apiClient(setup.server.api);
    admin = await adminToken(setup.server);
  });
  afterAll(async () => {
    await setup.close();
  });

  const identitiesOf = (userId: string) => setup.server.context.store.read((view) => view.sso.identities.ofUser(userId));
  const eventsOf = async (username: string): Promise<readonly Readonly<Record<string, string | undefined>>[]> =>
    ok(await api.get(`/admin/audit?username=${encodeURIComponent(username)}&limit=100`, { token: admin }), 200, AuditResponse).events.map((e) => ({ event: e.event, ...e.detail }));
  /** A desktop sign-in through `providerId` that must end with a session; returns the account it signed in to. */
  const signsInAs = async (providerId: string, account: ProviderAccount): Promise<string> => {
    const { app, arrival } = await desktopSignIn(setup, providerId, account);
    expect(arrival.get('error'), `refused with ${arrival.get('error') ?? ''} (${arrival.get('reason') ?? ''})`).toBeNull();
    return ok(await exchange(setup, arrival.get('code') ?? '', app.codeVerifier), 200, AuthenticatedResponse).session.user.id;
  };
  /** A desktop sign-in that must end without a result code; returns how it was refused. */
  const refused = async (providerId: string, account: ProviderAccount): Promise<{ error: string | null; reason: string | null }> => {
    const { arrival } = await desktopSignIn(setup, providerId, account);
    expect(arrival.get('code')).toBeNull();
    return { error: arrival.get('error'), reason: arrival.get('reason') };
  };

  describe('a claim never links an existing account', () => {
    it('a full-width look-alike of "admin" gets no session as the administrator, in the app or in the pages', async () => {
      const administrator = await createTotpUser(setup.server, { username: 'admin', isAdmin: true });
      const impostor = providerAccount(setup, 'ＡＤＭＩＮ');

      expect(await refused('idp', impostor)).toEqual({ error: 'sso_link_required', reason: 'not_linked' });

      const context = await setup.newContext();
      try {
        const page = await context.newPage();
        await page.goto(setup.startUrl('idp', 'next=%2Fadmin'));
        await signInAtProvider(page, impostor);
        await page.waitForURL((url) => url.pathname === '/signin', { timeout: 10_000 });
        expect(new URL(page.url()).searchParams.get('sso_error')).toBe('sso_link_required');
        expect((await context.cookies(setup.server.url)).map((c) => c.name)).not.toContain('stepgate_session');
        expect(await page.evaluate(async () => (await fetch('/api/v1/admin/users')).status)).toBe(401);
      } finally {
        await context.close();
      }

      expect(await identitiesOf(administrator.id)).toEqual([]);
      const attempts = (await eventsOf('admin')).filter((e) => e.event === 'sso_failed');
      expect(attempts).toHaveLength(2);
      for (const attempt of attempts) expect(attempt).toMatchObject({ code: 'sso_link_required', reason: 'not_linked', provider: 'idp', subject: impostor.sub });
    });

    it('the exact name does not link either, until the operator links the identity the audit trail names', async () => {
      const bob = await createTotpUser(setup.server);
      const account = providerAccount(setup, bob.username);
      expect(await refused('idp', account)).toEqual({ error: 'sso_link_required', reason: 'not_linked' });
      expect(await identitiesOf(bob.id)).toEqual([]);

      // The operator reads the identity from the refusal and links it: from then on it is bob's.
      const attempt = (await eventsOf(bob.username)).find((e) => e.event === 'sso_failed' && e.code === 'sso_link_required');
      expect(attempt?.subject).toBe(account.sub);
      expect(await operatorLink(setup, 'idp', bob.id, attempt?.subject ?? '')).toBe('linked');
      expect(await signsInAs('idp', account)).toBe(bob.id);
      expect(await identitiesOf(bob.id)).toEqual([expect.objectContaining({ issuer: setup.provider.issuer, subject: account.sub, providerId: 'idp' })]);
    });

    it('a provider that creates accounts creates none over an existing one, and still creates new ones', async () => {
      const existing = await createUser(setup.server);
      expect(await refused('idp-create', providerAccount(setup, existing.username.toUpperCase()))).toEqual({ error: 'sso_link_required', reason: 'not_linked' });
      expect(await identitiesOf(existing.id)).toEqual([]);

      const username = uniqueUsername('fresh');
      const created = await signsInAs('idp-create', providerAccount(setup, username));
      const listed = ok(await api.get(`/admin/users?search=${username}`, { token: admin }), 200, AdminUsersResponse).users;
      expect(listed).toEqual([expect.objectContaining({ id: created, username, isAdmin: false, sso: 'required' })]);
    });
  });

  describe('e-mail addresses', () => {
    const mailUser = () => createUser(setup.server, { username: `${uniqueUsername('mail')}@x.test` });

    it('an address without email_verified names nobody, as one marked unverified', async () => {
      const bob = await mailUser();
      for (const verified of [{ email_verified: undefined }, { email_verified: false }, { email_verified: 'true' }]) {
        const account = providerAccount(setup, 'whoever', { email: bob.username, ...verified });
        expect(await refused('idp-email', account)).toEqual({ error: 'sso_unknown_user', reason: 'email_unverified' });
      }
      expect(await identitiesOf(bob.id)).toEqual([]);
    });

    it('nor does it create an account', async () => {
      const address = `${uniqueUsername('unverified')}@x.test`;
      const account = providerAccount(setup, 'whoever', { email: address, email_verified: undefined });
      expect(await refused('idp-email-create', account)).toEqual({ error: 'sso_unknown_user', reason: 'email_unverified' });
      expect(ok(await api.get(`/admin/users?search=${address}`, { token: admin }), 200, AdminUsersResponse).users).toEqual([]);
    });

    it('a verified address of an existing account still needs the operator’s link', async () => {
      const bob = await mailUser();
      const account = providerAccount(setup, 'whoever', { email: bob.username, email_verified: true });
      expect(await refused('idp-email', account)).toEqual({ error: 'sso_link_required', reason: 'not_linked' });
      expect(await operatorLink(setup, 'idp-email', bob.id, account.sub)).toBe('linked');
      expect(await signsInAs('idp-email', account)).toBe(bob.id);
    });
  });

  describe('an account already linked', () => {
    it('keeps a linked identity on its account when the naming claim later names another account', async () => {
      const alice = await createUser(setup.server);
      const bob = await createUser(setup.server);
      const account = await linkedAccount(setup, 'idp', alice);
      expect(await signsInAs('idp', account)).toBe(alice.id);

      account.claims = { ...account.claims, preferred_username: bob.username };
      expect(await signsInAs('idp', account)).toBe(alice.id);
      expect(await eventsOf(alice.username)).toContainEqual(expect.objectContaining({ event: 'sso_claim_changed', claim: 'preferred_username' }));
    });

    it('is not re-linked by a second provider’s identity naming it; the operator may link that one too', async () => {
      const carol = await createUser(setup.server);
      expect(await signsInAs('idp', await linkedAccount(setup, 'idp', carol))).toBe(carol.id);
      const second = setup.secondProvider;
      if (second === undefined) throw new Error('no second provider');

      const elsewhere = providerAccount(setup, carol.username, {}, second);
      expect(await refused('idp2', elsewhere)).toEqual({ error: 'sso_account_conflict', reason: 'linked_elsewhere' });
      expect((await identitiesOf(carol.id)).map((i) => i.issuer)).toEqual([setup.provider.issuer]);
      expect(await eventsOf(carol.username)).toContainEqual(expect.objectContaining({ event: 'sso_failed', code: 'sso_account_conflict', provider: 'idp2', subject: elsewhere.sub }));

      // Carol's own account at the second provider, linked on purpose, is another way in.
      expect(await operatorLink(setup, 'idp2', carol.id, elsewhere.sub)).toBe('linked');
      expect(await signsInAs('idp2', elsewhere)).toBe(carol.id);
      expect((await identitiesOf(carol.id)).map((i) => i.issuer).sort()).toEqual([setup.provider.issuer, second.issuer].sort());
    });

    it('refuses another identity at the same provider until sso unlink, and even then only the operator links it', async () => {
      const carol = await createUser(setup.server);
      const original = await linkedAccount(setup, 'idp', carol);
      const replacement = providerAccount(setup, carol.username);
      expect(await refused('idp', replacement)).toEqual({ error: 'sso_account_conflict', reason: 'linked_elsewhere' });
      expect(await operatorLink(setup, 'idp', carol.id, replacement.sub)).toBe('account_linked_at_issuer');

      const row = await setup.server.context.store.read((view) => view.users.byId(carol.id));
      if (row === undefined) throw new Error('carol is gone');
      expect(await setup.server.operations.sso.unlink(row, setup.provider.issuer, {})).toBe(true);
      expect(await refused('idp', replacement)).toEqual({ error: 'sso_link_required', reason: 'not_linked' });
      expect(await operatorLink(setup, 'idp', carol.id, replacement.sub)).toBe('linked');
      expect(await signsInAs('idp', replacement)).toBe(carol.id);
      // The old identity is now the stranger.
      expect(await refused('idp', original)).toEqual({ error: 'sso_account_conflict', reason: 'linked_elsewhere' });
    });

    it('a first sign-in racing the operator’s link either finds the link or is refused, and the identity is linked once', async () => {
      for (const linkStartsFirst of [true, false]) {
        const frank = await createUser(setup.server);
        const account = providerAccount(setup, frank.username);
        const app = await startLoopbackApp();
        await app.close();
        const { location, binding } = await startByHand(setup, 'idp', app.startQuery());
        const answer = await providerAnswer(setup, location, account);
        const link = () => operatorLink(setup, 'idp', frank.id, account.sub);
        const deliver = () => callback(answer, binding);
        const [linked, delivered] = linkStartsFirst
          ? await Promise.all([link(), deliver()])
          : await Promise.all([deliver(), link()]).then(([d, l]) => [l, d] as const);
        expect(linked).toBe('linked');
        const back = redirectedTo(delivered);
        const code = back.searchParams.get('code');
        if (code === null) expect(back.searchParams.get('error')).toBe('sso_link_required');
        else expect(ok(await exchange(setup, code, app.codeVerifier), 200, AuthenticatedResponse).session.user.id).toBe(frank.id);
        expect(await identitiesOf(frank.id)).toEqual([expect.objectContaining({ subject: account.sub })]);
        expect(await signsInAs('idp', account)).toBe(frank.id);
      }
    });

    it('an identity linked to one account is not linked to another', async () => {
      const dave = await createUser(setup.server);
      const erin = await createUser(setup.server);
      const account = await linkedAccount(setup, 'idp', dave);
      expect(await operatorLink(setup, 'idp', erin.id, account.sub)).toBe('identity_taken');
      expect(await operatorLink(setup, 'idp', dave.id, account.sub)).toBe('already_linked');
      expect(await identitiesOf(erin.id)).toEqual([]);
      expect(await signsInAs('idp', account)).toBe(dave.id);
    });
  });
});
