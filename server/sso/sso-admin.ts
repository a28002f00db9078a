/**
 * Administration of single sign-on, shared by the admin API and the operator command line: per-user
 * mode, the requirement for everyone, providers added to the database, and linked identities.
 *
 * Invariant: a change that takes a way of signing in away from an account (its password, when SSO
 * becomes required; SSO, when its mode becomes off) ends that account's sessions, pending challenges
 * and unexchanged SSO result codes in the same transaction as the change. The acting administrator's
 * own session is kept, as when one removes one's own authenticator.
 */
import type { SsoMode } from '../../shared/api/schemas.js';
import { endUserSessions } from '../auth/sessions.js';
import type { Context } from '../context.js';
import { sql } from '../db/statements.js';
import { invalidRequest } from '../http/api-error.js';
import type { UserRow } from '../store/users.js';
import { sealCredential, type Credential } from './credentials.js';
import { identitiesStore, type IdentityRow } from './identities-store.js';
import { providerRegistry } from './provider-registry.js';
import type { SsoProviderSettings } from './provider-settings.js';
import { providersStore } from './providers-store.js';
import { resultsStore } from './results-store.js';
import { mustUseSso, ssoPermitted } from './sso-policy.js';
import { transactionsStore } from './transactions-store.js';
import { userModesStore } from './user-modes-store.js';

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
  const modes = userModesStore(ctx.db);
  const identities = identitiesStore(ctx.db);
  const registry = providerRegistry(ctx);
  const results = resultsStore(ctx.db);

  const endEverything = (userId: string, actor: SsoActor): void => {
    endUserSessions(ctx, userId, actor.keepSessionTokenHash);
    results.deleteForUser(userId);
  };
  const noProvider = (): boolean => registry.list().length === 0;
  const by = (actor: SsoActor) => ({ userId: actor.userId, username: actor.username, clientAddress: actor.clientAddress });

  return {
    modeOf: (userId: string): SsoMode => modes.of(userId),
    identitiesOf: (userId: string): readonly IdentityRow[] => identities.ofUser(userId),

    /** Call inside the caller's write transaction. */
    setUserMode(user: UserRow, mode: SsoMode, actor: SsoActor): void {
      if (mode === 'required' && noProvider()) throw invalidRequest({ sso: 'no identity provider is configured' });
      const requiredForAll = ctx.settings.environment().ssoRequiredForAll;
      const before = modes.of(user.id);
      modes.set(user.id, mode);
      if (takesAWayAway({ mode: before, requiredForAll }, { mode, requiredForAll })) endEverything(user.id, actor);
    },

    /** Call inside the caller's write transaction, before the setting is stored. */
    beforeRequiredForAll(value: boolean, actor: SsoActor): void {
      if (!value || ctx.settings.environment().ssoRequiredForAll) return;
      if (noProvider()) throw invalidRequest({ ssoRequiredForAll: 'no identity provider is configured' });
      const userIds = (sql(ctx.db, 'SELECT id FROM users').all() as { id: string }[]).map((r) => r.id);
      for (const id of userIds) {
        const mode = modes.of(id);
        if (takesAWayAway({ mode, requiredForAll: false }, { mode, requiredForAll: true })) endEverything(id, actor);
      }
    },

    addProvider(settings: SsoProviderSettings, credential: Credential, actor: SsoActor): void {
      if (ctx.config.sso.providers.some((p) => p.id === settings.id)) {
        throw invalidRequest({ id: 'is already used by a provider in the settings file' });
      }
      const added = providersStore(ctx.db).insert({
        ...settings,
        credentialCiphertext: sealCredential(ctx.key, settings.id, credential),
        createdAt: ctx.clock.now(),
      });
      if (!added) throw invalidRequest({ id: 'is already used by another identity provider' });
      ctx.audit({ event: 'sso_provider_added', ...by(actor), detail: { provider: settings.id, issuer: settings.issuer } });
    },

    /** Sign-ins under way through it end with it; sessions already issued stay until they end. */
    removeProvider(id: string, actor: SsoActor): boolean {
      const removed = ctx.write(() => {
        if (!providersStore(ctx.db).delete(id)) return false;
        transactionsStore(ctx.db).deleteForProvider(id);
        results.deleteForProvider(id);
        return true;
      });
      if (removed) ctx.audit({ event: 'sso_provider_removed', ...by(actor), detail: { provider: id } });
      return removed;
    },

    /** The account's identity at that provider's issuer is forgotten: the next sign-in links by the naming claim again. */
    unlink(user: UserRow, issuer: string, actor: SsoActor): boolean {
      const removed = identities.unlink(user.id, issuer);
      if (removed) ctx.audit({ event: 'sso_identity_unlinked', ...by(actor), detail: { user: user.username, issuer } });
      return removed;
    },
  };
}
export type SsoAdministration = ReturnType<typeof ssoAdministration>;
