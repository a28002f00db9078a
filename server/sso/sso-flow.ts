/**
 * The SSO sign-in, from the start URL to a session:
 *   start     the browser arrives from the desktop app or a page; a transaction is stored and the
 *             browser is sent to the provider (code flow, PKCE, state, nonce);
 *   callback  the provider sends the browser back; the transaction is spent (once), the code is
 *             exchanged, the ID token validated and the identity resolved to an account; then either a
 *             cookie session (browser pages) or a one-time result code for the app's loopback redirect;
 *   exchange  the desktop app trades the result code and its PKCE verifier for a session.
 * No step asks for a TOTP code: the provider did its own authentication.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { AuthenticatedResponse, Session, SsoCallbackQuery, SsoExchangeRequest } from '../../shared/api/schemas.js';
import type { Static } from 'typebox';
import { issueSession } from '../auth/sessions.js';
import { recordSsoSuccess } from '../auth/throttle.js';
import type { Context } from '../context.js';
import { hashSecret } from '../crypto/passwords.js';
import { open, seal } from '../crypto/secret-box.js';
import { hashToken, randomToken } from '../crypto/tokens.js';
import { Refusal } from '../refusal.js';
import type { ReturnTo, SsoTransactionRow } from '../store/rows.js';
import { mayCreate, resolveAccount } from './account-link.js';
import type { Credential } from './credentials.js';
import { failureOf, type OidcClients, type ProviderChecks, type VerifiedIdentity } from './oidc-client.js';
import { callbackPath } from './provider-settings.js';
import type { ProviderRegistry, SsoProvider } from './provider-registry.js';
import { SsoFailure } from './sso-failure.js';
import { RESULT_TTL_SECONDS, TRANSACTION_TTL_SECONDS } from './sso-lifetimes.js';
import { mayCompleteSso } from './sso-policy.js';

export interface SsoDeps {
  readonly registry: ProviderRegistry;
  readonly clients: OidcClients;
}

/** Where the browser goes next, and what it carries. */
export type FlowEnd =
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'browser_session'; readonly session: Session; readonly next: string };

const checksAad = (stateHash: string): string => `stepgate/sso-transaction/v1/${stateHash}`;

const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Carries a failure back to where the sign-in started: the app's loopback redirect, or the sign-in page. */
export function failureLocation(returnTo: ReturnTo | undefined, failure: SsoFailure): string {
  if (returnTo?.kind === 'desktop') {
    const url = new URL(returnTo.redirectUri);
    url.searchParams.set('error', failure.code);
    url.searchParams.set('reason', failure.reason);
    url.searchParams.set('state', returnTo.state);
    return url.href;
  }
  const params = new URLSearchParams({ sso_error: failure.code, reason: failure.reason });
  if (returnTo !== undefined) params.set('next', returnTo.next);
  return `/signin?${params.toString()}`;
}

export function ssoFlow(ctx: Context, deps: SsoDeps) {
  const entry = (event: 'sso_started' | 'sso_cancelled' | 'sso_failed', address: string, detail: Record<string, string>, user?: { readonly id: string; readonly username: string }) =>
    ({ event, userId: user?.id, username: user?.username, clientAddress: address, detail }) as const;

  /** The failure is written to the audit trail (committed) before the browser is told. */
  const failed = async (returnTo: ReturnTo | undefined, failure: SsoFailure, address: string, provider: string, user?: { readonly id: string; readonly username: string }): Promise<FlowEnd> => {
    const written =
      failure.code === 'sso_cancelled'
        ? entry('sso_cancelled', address, { provider }, user)
        : entry('sso_failed', address, { ...failure.detail, provider, code: failure.code, reason: failure.reason }, user);
    await ctx.store.write((tx) => tx.audit.record(written));
    return { kind: 'redirect', location: failureLocation(returnTo, failure) };
  };

  const credentialOf = (provider: SsoProvider): Credential => {
    try {
      return deps.registry.credential(provider);
    } catch {
      throw new SsoFailure('sso_provider_error', 'configuration');
    }
  };

  return {
    /** The browser is at the start URL; returns where to send it and the binding cookie's value. */
    async start(provider: SsoProvider, returnTo: ReturnTo, address: string): Promise<FlowEnd & { readonly binding?: string }> {
      const now = ctx.clock.now();
      const state = randomToken('sst');
      const checks: ProviderChecks = { codeVerifier: oidc.randomPKCECodeVerifier(), nonce: oidc.randomNonce() };
      let url: URL;
      try {
        url = await deps.clients.authorizationUrl(provider, credentialOf(provider), {
          redirectUri: `${ctx.origin()}${callbackPath(provider.id)}`,
          state,
          nonce: checks.nonce,
          codeChallenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        });
      } catch (error) {
        return failed(returnTo, failureOf(error), address, provider.id);
      }
      const binding = randomToken('ssb');
      const stateHash = hashToken(state);
      const sealedChecks = seal(ctx.key, Buffer.from(JSON.stringify(checks), 'utf8'), checksAad(stateHash));
      await ctx.store.write(async (tx) => {
        await tx.sso.transactions.deleteExpired(now);
        await tx.sso.transactions.insert({
          stateHash,
          providerId: provider.id,
          bindingHash: hashToken(binding),
          sealedChecks,
          returnTo,
          createdAt: now,
          expiresAt: now + TRANSACTION_TTL_SECONDS * 1000,
        });
        await tx.audit.record(entry('sso_started', address, { provider: provider.id, client: returnTo.kind }));
      });
      return { kind: 'redirect', location: url.href, binding };
    },

    /** The provider sent the browser back. `rawQuery` is the query exactly as received, for the library to check. */
    async callback(providerId: string, query: Static<typeof SsoCallbackQuery>, rawQuery: string, binding: string | undefined, address: string): Promise<FlowEnd> {
      const now = ctx.clock.now();
      const stateHash = query.state === undefined ? undefined : hashToken(query.state);
      const found = stateHash === undefined ? undefined : await ctx.store.read((view) => view.sso.transactions.find(stateHash));
      if (found === undefined) return failed(undefined, new SsoFailure('sso_state_invalid', 'unknown_state'), address, providerId);
      // From a browser that did not start it: nothing is spent, and nothing about the sign-in is revealed.
      if (binding === undefined || !sameText(hashToken(binding), found.bindingHash)) {
        return failed(undefined, new SsoFailure('sso_state_invalid', 'other_browser'), address, providerId);
      }
      // Spent (and committed) before anything else is checked: a replayed or racing answer finds nothing.
      const transaction = await ctx.store.write((tx) => tx.sso.transactions.take(found.stateHash));
      if (transaction === undefined) return failed(undefined, new SsoFailure('sso_state_invalid', 'unknown_state'), address, providerId);
      const { returnTo } = transaction;
      if (transaction.providerId !== providerId) return failed(returnTo, new SsoFailure('sso_state_invalid', 'other_provider'), address, providerId);
      if (transaction.expiresAt <= now) return failed(returnTo, new SsoFailure('sso_expired', 'timeout'), address, providerId);
      if (query.error !== undefined) {
        const failure = query.error === 'access_denied' ? new SsoFailure('sso_cancelled', 'access_denied') : new SsoFailure('sso_provider_error', 'authorization_error');
        return failed(returnTo, failure, address, providerId);
      }
      const provider = await ctx.store.read((view) => deps.registry.find(view, providerId));
      if (provider === undefined) return failed(returnTo, new SsoFailure('sso_state_invalid', 'provider_removed'), address, providerId);

      const checks = JSON.parse(open(ctx.key, transaction.sealedChecks, checksAad(transaction.stateHash)).toString('utf8')) as ProviderChecks;
      const callbackUrl = new URL(`${ctx.origin()}${callbackPath(providerId)}?${rawQuery}`);
      let identity: VerifiedIdentity;
      try {
        identity = await deps.clients.complete(provider, credentialOf(provider), callbackUrl, query.state ?? '', checks);
      } catch (error) {
        return failed(returnTo, failureOf(error), address, providerId);
      }
      const creates = await ctx.store.read((view) => mayCreate(view, provider, identity));
      const unusableHash = creates ? await hashSecret(randomToken('unusable'), ctx.config.argon2) : undefined;
      return finish(transaction, provider, identity, unusableHash, address);
    },

    /** POST /auth/sso/exchange: the result code is spent by a conditional delete, and the session issued in the same unit of work. */
    async exchange(request: SsoExchangeRequest, address: string): Promise<Static<typeof AuthenticatedResponse>> {
      type Outcome =
        | { readonly kind: 'ok'; readonly session: Session }
        | { readonly kind: 'invalid' }
        | { readonly kind: 'not_allowed' };
      const verifierChallenge = s256(request.codeVerifier);
      const outcome = await ctx.store.write(async (tx): Promise<Outcome> => {
        const row = await tx.sso.results.take(hashToken(request.code), ctx.clock.now());
        if (row === undefined) {
          await tx.audit.record({ event: 'sso_result_rejected', clientAddress: address, detail: { reason: 'unknown' } });
          return { kind: 'invalid' };
        }
        const user = await tx.users.byId(row.userId);
        const subject = { userId: row.userId, username: user?.username, clientAddress: address };
        if (!sameText(verifierChallenge, row.codeChallenge)) {
          await tx.audit.record({ event: 'sso_result_rejected', ...subject, detail: { provider: row.providerId, reason: 'verifier' } });
          return { kind: 'invalid' };
        }
        if ((await deps.registry.find(tx, row.providerId)) === undefined) {
          await tx.audit.record({ event: 'sso_result_rejected', ...subject, detail: { provider: row.providerId, reason: 'provider_removed' } });
          return { kind: 'invalid' };
        }
        const permit = await mayCompleteSso(tx, row.userId);
        if ('refused' in permit) {
          await tx.audit.record({ event: 'sso_failed', ...subject, detail: { provider: row.providerId, code: 'sso_not_allowed', reason: permit.refused } });
          return { kind: 'not_allowed' };
        }
        await recordSsoSuccess(tx, permit.user.username);
        await tx.audit.record({ event: 'login_succeeded', ...subject, detail: { method: 'sso', provider: row.providerId } });
        return { kind: 'ok', session: await issueSession(ctx, tx, permit.user, 'full') };
      });
      // Thrown after the commit, so the spent code stays spent.
      switch (outcome.kind) {
        case 'ok':
          return { status: 'authenticated', session: outcome.session };
        case 'invalid':
          throw new Refusal('sso_result_invalid', 'This sign-in result is unknown, used or expired, or does not belong to this app. Start again.');
        case 'not_allowed':
          throw new Refusal('sso_not_allowed', 'This account may not sign in with single sign-on. Ask your administrator.');
      }
    },
  };

  /**
   * One unit of work: resolve the account, re-read that it may sign in, then the session or the result
   * code. A refusal rolls everything back (no link is left behind) and is reported after.
   */
  async function finish(transaction: SsoTransactionRow, provider: SsoProvider, identity: VerifiedIdentity, unusableHash: string | undefined, address: string): Promise<FlowEnd> {
    const { returnTo } = transaction;
    const code = randomToken('ssr');
    try {
      return await ctx.store.write(async (tx): Promise<FlowEnd> => {
        const resolution = await resolveAccount(ctx, tx, provider, identity, unusableHash);
        const permit = await mayCompleteSso(tx, resolution.userId);
        if ('refused' in permit) {
          const found = await tx.users.byId(resolution.userId);
          throw new SsoFailure('sso_not_allowed', permit.refused, found && { id: found.id, username: found.username });
        }
        const user = permit.user;
        const subject = { userId: user.id, username: user.username, clientAddress: address };
        switch (resolution.kind) {
          case 'created':
            await tx.audit.record({ event: 'user_created', ...subject, detail: { user: user.username, via: 'sso', provider: provider.id } });
            await tx.audit.record({ event: 'sso_identity_linked', ...subject, detail: { provider: provider.id, issuer: identity.issuer } });
            break;
          case 'linked':
            if (resolution.claimChanged) await tx.audit.record({ event: 'sso_claim_changed', ...subject, detail: { provider: provider.id, claim: provider.usernameClaim } });
            break;
        }
        const now = ctx.clock.now();
        await tx.sso.identities.touch(identity.issuer, identity.subject, now);

        switch (returnTo.kind) {
          case 'desktop': {
            await tx.sso.results.deleteExpired(now);
            await tx.sso.results.insert({ codeHash: hashToken(code), userId: user.id, providerId: provider.id, codeChallenge: returnTo.codeChallenge, now, expiresAt: now + RESULT_TTL_SECONDS * 1000 });
            await tx.audit.record({ event: 'sso_result_issued', ...subject, detail: { provider: provider.id } });
            const url = new URL(returnTo.redirectUri);
            url.searchParams.set('code', code);
            url.searchParams.set('state', returnTo.state);
            return { kind: 'redirect', location: url.href };
          }
          case 'browser':
            await recordSsoSuccess(tx, user.username);
            await tx.audit.record({ event: 'login_succeeded', ...subject, detail: { method: 'sso', provider: provider.id } });
            return { kind: 'browser_session', session: await issueSession(ctx, tx, user, 'full'), next: returnTo.next };
        }
      });
    } catch (error) {
      if (error instanceof SsoFailure) return await failed(returnTo, error, address, provider.id, error.account);
      throw error;
    }
  }
}
export type SsoFlow = ReturnType<typeof ssoFlow>;
