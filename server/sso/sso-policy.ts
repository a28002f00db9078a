/** Who may, and who must, sign in through an identity provider. */
import type { SsoMode } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import type { UserRow } from '../store/users.js';
import { userModesStore } from './user-modes-store.js';

/** Password sign-in is refused: the account's own requirement, or everyone's unless the account opted out. */
export const mustUseSso = (mode: SsoMode, requiredForAll: boolean): boolean => mode === 'required' || (requiredForAll && mode !== 'off');

/** SSO sign-in is refused only for accounts whose mode is off. */
export const ssoPermitted = (mode: SsoMode): boolean => mode !== 'off';

export function passwordRefused(ctx: Context, user: UserRow): boolean {
  return mustUseSso(userModesStore(ctx.db).of(user.id), ctx.settings.environment().ssoRequiredForAll);
}

/** Can this account complete an SSO sign-in now? Read inside the transaction that issues the session. */
export function mayCompleteSso(ctx: Context, userId: string): { readonly user: UserRow } | { readonly refused: 'unknown' | 'disabled' | 'sso_off' } {
  const user = ctx.users.byId(userId);
  if (user === undefined) return { refused: 'unknown' };
  if (user.disabled) return { refused: 'disabled' };
  if (!ssoPermitted(userModesStore(ctx.db).of(user.id))) return { refused: 'sso_off' };
  return { user };
}
