import type { AdminUser, SsoMode, TrustedComputer } from '../shared/api/schemas.js';
import { replacePassword } from './auth/password-change.js';
import type { Grant } from './auth/session-rules.js';
import { endUserSessions } from './auth/sessions.js';
import { isoTime } from './clock.js';
import type { Context } from './context.js';
import { hashSecret } from './crypto/passwords.js';
import { randomId } from './crypto/tokens.js';
import { invalidRequest, notFound } from './refusal.js';
import { ssoAdministration } from './sso/sso-admin.js';
import type { EnvironmentSettings, UserRow } from './store/rows.js';
import type { Tx, View } from './store/store.js';
import { endTrustedComputers, recordEnded, type ChangedBy } from './trusted/endings.js';
import { listTrustedComputers, revokeTrustedComputer } from './trusted/manage.js';
import { DAY_MS } from './trusted/trust.js';

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

type AuditedChange = 'user_created' | 'user_updated' | 'totp_revoked' | 'setting_changed';

/** Who a change is audited as made by: an administrator through the API, or the operator at the console. */
const changedBy = (actor: Actor): ChangedBy => (actor.access === undefined ? { by: 'operator' } : { by: 'admin', admin: actor.username ?? '' });

/** SSO changes keep the acting administrator's own session when they end their account's others. */
const ssoActor = (actor: Actor) => ({ ...actor, keepSessionTokenHash: actor.access?.session.tokenHash });

/** Administration shared by the API and the operator command line. Each change is one unit of work. */
export function operations(ctx: Context) {
  const sso = ssoAdministration(ctx);
  const adminUser = async (view: View, u: UserRow, days?: number): Promise<AdminUser> => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    isAdmin: u.isAdmin,
    disabled: u.disabled,
    totpRequired: u.totpRequired,
    sso: await view.sso.modes.of(u.id),
    authenticatorCount: await view.authenticators.countConfirmed(u.id),
    trustedComputers: await view.trustedComputers.countLive(
      u.id,
      ctx.clock.now(),
      (days ?? (await view.settings.environment()).trustedComputerDays) * DAY_MS,
    ),
    createdAt: isoTime(u.createdAt),
  });

  const mustFind = async (view: View, id: string): Promise<UserRow> => {
    const user = await view.users.byId(id);
    if (user === undefined) throw notFound('There is no user with that id.');
    return user;
  };

  const audit = (tx: Tx, actor: Actor, event: AuditedChange, detail: Readonly<Record<string, string | boolean | number>>) =>
    tx.audit.record({ event, userId: actor.userId, username: actor.username, clientAddress: actor.clientAddress, detail });

  return {
    sso,
    listUsers: (search = ''): Promise<readonly AdminUser[]> =>
      ctx.store.read(async (view) => {
        const users = await view.users.search(search.trim());
        const { trustedComputerDays } = await view.settings.environment();
        const listed: AdminUser[] = [];
        for (const user of users) listed.push(await adminUser(view, user, trustedComputerDays));
        return listed;
      }),

    async createUser(user: NewUser, actor: Actor = OPERATOR): Promise<AdminUser> {
      if ((await ctx.store.read((view) => view.users.byUsername(user.username))) !== undefined) throw invalidRequest({ username: 'is already taken' });
      const passwordHash = await hashSecret(user.password, ctx.config.argon2);
      return ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        // Checked again after the await: another request may have taken the name meanwhile.
        if ((await tx.users.byUsername(user.username)) !== undefined) throw invalidRequest({ username: 'is already taken' });
        const row = {
          id: randomId('usr'),
          username: user.username,
          displayName: user.displayName ?? user.username,
          passwordHash,
          isAdmin: user.isAdmin ?? false,
          totpRequired: user.totpRequired ?? false,
          createdAt: ctx.clock.now(),
        };
        await tx.users.insert(row);
        await audit(tx, actor, 'user_created', { user: row.username, isAdmin: row.isAdmin, totpRequired: row.totpRequired });
        return adminUser(tx, { ...row, disabled: false }, 0);
      });
    },

    updateUser(
      id: string,
      change: { readonly totpRequired?: boolean | undefined; readonly disabled?: boolean | undefined; readonly sso?: SsoMode | undefined },
      actor: Actor = OPERATOR,
    ): Promise<AdminUser> {
      return ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        const user = await mustFind(tx, id);
        if (change.disabled === true && actor.userId === id) throw invalidRequest({ disabled: 'you cannot disable your own account' });
        if (change.totpRequired !== undefined) await tx.users.setTotpRequired(id, change.totpRequired);
        if (change.disabled !== undefined) await tx.users.setDisabled(id, change.disabled);
        // Disabling ends everything at once; enabling revives nothing: the person signs in again.
        if (change.disabled === true) {
          await endUserSessions(tx, id);
          await endTrustedComputers(tx, user, 'user_disabled', changedBy(actor), actor.clientAddress);
        }
        if (change.sso !== undefined) await sso.setUserMode(tx, user, change.sso, ssoActor(actor));
        const detail: Record<string, string | boolean> = { user: user.username };
        if (change.totpRequired !== undefined) detail['totpRequired'] = change.totpRequired;
        if (change.disabled !== undefined) detail['disabled'] = change.disabled;
        if (change.sso !== undefined) detail['sso'] = change.sso;
        await audit(tx, actor, 'user_updated', detail);
        return adminUser(tx, await mustFind(tx, id));
      });
    },

    /** For a lost phone: every authenticator (pending ones too) and recovery code goes, and with them every session and challenge. */
    async revokeTotp(id: string, actor: Actor = OPERATOR): Promise<void> {
      await ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        const user = await mustFind(tx, id);
        const removed = await tx.authenticators.deleteAll(id);
        await tx.recoveryCodes.deleteAll(id);
        await endUserSessions(tx, id);
        await audit(tx, actor, 'totp_revoked', { user: user.username, authenticators: removed });
        await endTrustedComputers(tx, user, 'totp_revoked', changedBy(actor), actor.clientAddress);
      });
    },

    /** A new password set for the user (who forgot theirs): every session, challenge and trusted computer of the account ends. */
    async setPassword(id: string, newPassword: string, actor: Actor = OPERATOR): Promise<void> {
      await ctx.store.read((view) => mustFind(view, id));
      const passwordHash = await hashSecret(newPassword, ctx.config.argon2);
      await ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        const user = await mustFind(tx, id);
        // An administrator setting their own keeps the session they did it from.
        const keep = actor.userId === id ? actor.access?.session.tokenHash : undefined;
        await replacePassword(tx, user, passwordHash, changedBy(actor), actor.clientAddress, keep);
      });
    },

    /** The user's live trusted computers, newest first. */
    trustedComputers: (id: string, actor: Actor = OPERATOR, thisComputerHash?: string): Promise<TrustedComputer[]> =>
      ctx.store.read(async (view) => {
        await actor.access?.recheck(view);
        const user = await mustFind(view, id);
        return listTrustedComputers(ctx, view, user.id, (await view.settings.environment()).trustedComputerDays, thisComputerHash);
      }),

    async revokeTrustedComputer(id: string, computerId: string, actor: Actor = OPERATOR): Promise<void> {
      await ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        await revokeTrustedComputer(tx, await mustFind(tx, id), computerId, changedBy(actor), actor.clientAddress);
      });
    },

    async forgetTrustedComputers(id: string, actor: Actor = OPERATOR): Promise<void> {
      await ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        await endTrustedComputers(tx, await mustFind(tx, id), 'forget_all', changedBy(actor), actor.clientAddress);
      });
    },

    environment: (): Promise<EnvironmentSettings> => ctx.store.read((view) => view.settings.environment()),

    setEnvironment(change: EnvironmentChange, actor: Actor = OPERATOR): Promise<EnvironmentSettings> {
      return ctx.store.write(async (tx) => {
        await actor.access?.recheck(tx);
        const before = await tx.settings.environment();
        if (change.ssoRequiredForAll !== undefined) await sso.beforeRequiredForAll(tx, change.ssoRequiredForAll, ssoActor(actor));
        await tx.settings.update(change);
        const after = await tx.settings.environment();
        // Turned off, every trusted computer of the environment ends, in the unit that turns them off.
        if (change.trustedComputerDays === 0) {
          const ended = await tx.trustedComputers.deleteAll();
          if (ended > 0 || before.trustedComputerDays > 0) {
            await recordEnded(tx, { userId: actor.userId, username: actor.username, clientAddress: actor.clientAddress }, 'turned_off', ended, changedBy(actor));
          }
        }
        for (const key of Object.keys(change) as (keyof EnvironmentSettings)[]) {
          if (before[key] !== after[key]) await audit(tx, actor, 'setting_changed', { setting: key, value: after[key] });
        }
        return after;
      });
    },
  };
}
export type Operations = ReturnType<typeof operations>;
