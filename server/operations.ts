import type { AdminUser, SsoMode } from '../shared/api/schemas.js';
import type { Grant } from './auth/session-rules.js';
import { endUserSessions } from './auth/sessions.js';
import { isoTime } from './clock.js';
import type { Context } from './context.js';
import { hashSecret } from './crypto/passwords.js';
import { randomId } from './crypto/tokens.js';
import { ApiError, invalidRequest } from './http/api-error.js';
import { ssoAdministration } from './sso/sso-admin.js';
import type { EnvironmentSettings } from './store/settings.js';
import type { UserRow } from './store/users.js';

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly displayName?: string | undefined;
  readonly isAdmin?: boolean | undefined;
  readonly totpRequired?: boolean | undefined;
}

export type EnvironmentChange = Partial<EnvironmentSettings>;

export interface Actor {
  readonly userId?: string;
  readonly username?: string;
  readonly clientAddress?: string;
  /** An administrator's session, held to its rule inside each change (the operator at the console has none). */
  readonly access?: Grant;
}

const OPERATOR: Actor = { username: 'operator' };

/** SSO changes keep the acting administrator's own session when they end their account's others. */
const ssoActor = (actor: Actor) => ({ ...actor, keepSessionTokenHash: actor.access?.session.tokenHash });

/** Administration shared by the API and the operator command line. Each change is one write transaction. */
export function operations(ctx: Context) {
  const sso = ssoAdministration(ctx);
  const adminUser = (u: UserRow): AdminUser => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    isAdmin: u.isAdmin,
    disabled: u.disabled,
    totpRequired: u.totpRequired,
    sso: sso.modeOf(u.id),
    authenticatorCount: ctx.authenticators.countConfirmed(u.id),
    createdAt: isoTime(u.createdAt),
  });

  const mustFind = (id: string): UserRow => {
    const user = ctx.users.byId(id);
    if (user === undefined) throw new ApiError('not_found', 'There is no user with that id.');
    return user;
  };

  const audit = (actor: Actor, event: 'user_created' | 'user_updated' | 'totp_revoked' | 'setting_changed', detail: Readonly<Record<string, string | boolean | number>>) =>
    ctx.audit({ event, userId: actor.userId, username: actor.username, clientAddress: actor.clientAddress, detail });

  return {
    adminUser,
    sso,
    listUsers: (search = ''): readonly AdminUser[] => ctx.users.search(search.trim()).map(adminUser),

    async createUser(user: NewUser, actor: Actor = OPERATOR): Promise<AdminUser> {
      if (ctx.users.byUsername(user.username) !== undefined) throw invalidRequest({ username: 'is already taken' });
      const passwordHash = await hashSecret(user.password, ctx.config.argon2);
      return ctx.write(() => {
        actor.access?.recheck();
        // Checked again after the await: another request may have taken the name meanwhile.
        if (ctx.users.byUsername(user.username) !== undefined) throw invalidRequest({ username: 'is already taken' });
        const row = {
          id: randomId('usr'),
          username: user.username,
          displayName: user.displayName ?? user.username,
          passwordHash,
          isAdmin: user.isAdmin ?? false,
          totpRequired: user.totpRequired ?? false,
          createdAt: ctx.clock.now(),
        };
        ctx.users.insert(row);
        audit(actor, 'user_created', { user: row.username, isAdmin: row.isAdmin, totpRequired: row.totpRequired });
        return adminUser({ ...row, disabled: false });
      });
    },

    updateUser(
      id: string,
      change: { readonly totpRequired?: boolean | undefined; readonly disabled?: boolean | undefined; readonly sso?: SsoMode | undefined },
      actor: Actor = OPERATOR,
    ): AdminUser {
      return ctx.write(() => {
        actor.access?.recheck();
        const user = mustFind(id);
        if (change.disabled === true && actor.userId === id) throw invalidRequest({ disabled: 'you cannot disable your own account' });
        if (change.totpRequired !== undefined) ctx.users.setTotpRequired(id, change.totpRequired);
        if (change.disabled !== undefined) ctx.users.setDisabled(id, change.disabled);
        // Disabling ends everything at once; enabling revives nothing: the person signs in again.
        if (change.disabled === true) endUserSessions(ctx, id);
        if (change.sso !== undefined) sso.setUserMode(user, change.sso, ssoActor(actor));
        const detail: Record<string, string | boolean> = { user: user.username };
        if (change.totpRequired !== undefined) detail['totpRequired'] = change.totpRequired;
        if (change.disabled !== undefined) detail['disabled'] = change.disabled;
        if (change.sso !== undefined) detail['sso'] = change.sso;
        audit(actor, 'user_updated', detail);
        return adminUser(mustFind(id));
      });
    },

    /** For a lost phone: every authenticator (pending ones too) and recovery code goes, and with them every session and challenge. */
    revokeTotp(id: string, actor: Actor = OPERATOR): void {
      ctx.write(() => {
        actor.access?.recheck();
        const user = mustFind(id);
        const removed = ctx.authenticators.deleteAll(id);
        ctx.recoveryCodes.deleteAll(id);
        endUserSessions(ctx, id);
        audit(actor, 'totp_revoked', { user: user.username, authenticators: removed });
      });
    },

    environment: () => ctx.settings.environment(),

    setEnvironment(change: EnvironmentChange, actor: Actor = OPERATOR): EnvironmentSettings {
      return ctx.write(() => {
        actor.access?.recheck();
        const before = ctx.settings.environment();
        if (change.ssoRequiredForAll !== undefined) sso.beforeRequiredForAll(change.ssoRequiredForAll, ssoActor(actor));
        ctx.settings.update(change);
        const after = ctx.settings.environment();
        for (const key of Object.keys(change) as (keyof EnvironmentSettings)[]) {
          if (before[key] !== after[key]) audit(actor, 'setting_changed', { setting: key, value: after[key] });
        }
        return after;
      });
    },
  };
}
export type Operations = ReturnType<typeof operations>;
