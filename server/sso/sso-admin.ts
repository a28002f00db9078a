/**
 * Administration of single sign-on, shared by the admin API and the operator command line: per-user
 * mode, the requirement for everyone, providers added to the database, and linked identities.
 *
 * Invariant: a change that takes a way of signing in away from an account (its password, when SSO
 * becomes required; SSO, when its mode becomes off) ends that account's sessions, pending challenges
 * and unexchanged SSO result codes in the same unit of work as the change. The acting administrator's
 * own session is kept, as when one removes one's own authenticator.
 */
import type { SsoMode } from '../../shared/api/schemas.js';
import { endUserSessions } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { invalidRequest } from '../refusal.js';
import type { SsoIdentityRow, UserRow } from '../store/rows.js';
import type { Tx } from '../store/store.js';
import { sealCredential, type Credential } from './credentials.js';
import { providerRegistry } from './provider-registry.js';
import type { SsoProviderSettings } from './provider-settings.js';
import { mustUseSso, ssoPermitted } from './sso-policy.js';

/** How an operator's link ended: made, or why not (nothing changed). */
export type LinkOutcome = 'linked' | 'already_linked' | 'identity_taken' | 'account_linked_at_issuer' | 'no_account';

export interface SsoActor {
  readonly userId?: string | undefined;
  readonly username?: string | undefined;
  readonly clientAddress?: string | undefined;
  /** The acting administrator's session, kept when their own account's ways in change. */
  readonly keepSessionTokenHash?: string | undefined;
}

/** Does going from `before` to `after` take a way of signing in away? */
export function takesAWayAway(before: { mode: SsoMode; requiredForAll: boolean }, after: { mode: SsoMode; requiredForAll: boolean }): boolean {
  const passwordLost = !mustUseSso(before.mode, before.requiredForAll) && mustUseSso(after.mode, after.requiredForAll);
  const ssoLost = ssoPermitted(before.mode) && !ssoPermitted(after.mode);
  return passwordLost || ssoLost;
}

export function ssoAdministration(ctx: Context) {
  const registry = providerRegistry(ctx);

  const endEverything = async (tx: Tx, userId: string, actor: SsoActor): Promise<void> => {
    await endUserSessions(tx, userId, actor.keepSessionTokenHash);
    await tx.sso.results.deleteForUser(userId);
  };
  const noProvider = async (tx: Tx): Promise<boolean> => (await registry.list(tx)).length === 0;
  const by = (actor: SsoActor) => ({ userId: actor.userId, username: actor.username, clientAddress: actor.clientAddress });

  return {
    modeOf: (userId: string): Promise<SsoMode> => ctx.store.read((view) => view.sso.modes.of(userId)),
    identitiesOf: (userId: string): Promise<readonly SsoIdentityRow[]> => ctx.store.read((view) => view.sso.identities.ofUser(userId)),

    /** Part of the caller's unit of work. */
    async setUserMode(tx: Tx, user: UserRow, mode: SsoMode, actor: SsoActor): Promise<void> {
      if (mode === 'required' && (await noProvider(tx))) throw invalidRequest({ sso: 'no identity provider is configured' });
      const requiredForAll = (await tx.settings.environment()).ssoRequiredForAll;
      const before = await tx.sso.modes.of(user.id);
      await tx.sso.modes.set(user.id, mode);
      if (takesAWayAway({ mode: before, requiredForAll }, { mode, requiredForAll })) await endEverything(tx, user.id, actor);
    },

    /** Part of the caller's unit of work, before the setting is stored. */
    async beforeRequiredForAll(tx: Tx, value: boolean, actor: SsoActor): Promise<void> {
      if (!value || (await tx.settings.environment()).ssoRequiredForAll) return;
      if (await noProvider(tx)) throw invalidRequest({ ssoRequiredForAll: 'no identity provider is configured' });
      for (const id of await tx.users.ids()) {
        const mode = await tx.sso.modes.of(id);
        if (takesAWayAway({ mode, requiredForAll: false }, { mode, requiredForAll: true })) await endEverything(tx, id, actor);
      }
    },

    addProvider(settings: SsoProviderSettings, credential: Credential, actor: SsoActor): Promise<void> {
      if (ctx.config.sso.providers.some((p) => p.id === settings.id)) {
        throw invalidRequest({ id: 'is already used by a provider in the settings file' });
      }
      const credentialCiphertext = sealCredential(ctx.key, settings.id, credential);
      return ctx.store.write(async (tx) => {
        if (!(await tx.sso.providers.insert({ ...settings, credentialCiphertext, createdAt: ctx.clock.now() }))) {
          throw invalidRequest({ id: 'is already used by another identity provider' });
        }
        await tx.audit.record({ event: 'sso_provider_added', ...by(actor), detail: { provider: settings.id, issuer: settings.issuer } });
      });
    },

    /** Sign-ins under way through it end with it; sessions already issued stay until they end. */
    removeProvider(id: string, actor: SsoActor): Promise<boolean> {
      return ctx.store.write(async (tx) => {
        if (!(await tx.sso.providers.delete(id))) return false;
        await tx.sso.transactions.deleteForProvider(id);
        await tx.sso.results.deleteForProvider(id);
        await tx.audit.record({ event: 'sso_provider_removed', ...by(actor), detail: { provider: id } });
        return true;
      });
    },

    /**
     * The operator's explicit link of an existing account to an identity (issuer + subject): the one way
     * an account that exists gets an identity, administrators' included. Decided in one unit of work, so
     * a first sign-in of that identity racing it either finds the link or leaves nothing behind.
     */
    link(user: UserRow, provider: Pick<SsoProviderSettings, 'id' | 'issuer'>, subject: string, actor: SsoActor): Promise<LinkOutcome> {
      return ctx.store.write(async (tx): Promise<LinkOutcome> => {
        const identities = tx.sso.identities;
        if ((await tx.users.byId(user.id)) === undefined) return 'no_account';
        const taken = await identities.find(provider.issuer, subject);
        if (taken !== undefined) return taken.userId === user.id ? 'already_linked' : 'identity_taken';
        if ((await identities.ofUserAt(user.id, provider.issuer)) !== undefined) return 'account_linked_at_issuer';
        const now = ctx.clock.now();
        if (!(await identities.link({ issuer: provider.issuer, subject, userId: user.id, providerId: provider.id, linkedAt: now }))) return 'identity_taken';
        await tx.audit.record({ event: 'sso_identity_linked', ...by(actor), detail: { user: user.username, provider: provider.id, issuer: provider.issuer, via: 'operator' } });
        return 'linked';
      });
    },

    /** The account's identity at that provider's issuer is forgotten; only `link` joins it to one again. */
    unlink(user: UserRow, issuer: string, actor: SsoActor): Promise<boolean> {
      return ctx.store.write(async (tx) => {
        const removed = await tx.sso.identities.unlink(user.id, issuer);
        if (removed) await tx.audit.record({ event: 'sso_identity_unlinked', ...by(actor), detail: { user: user.username, issuer } });
        return removed;
      });
    },
  };
}
export type SsoAdministration = ReturnType<typeof ssoAdministration>;
