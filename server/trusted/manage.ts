/** Seeing and ending trusted computers: by their user (`/me`) and by administrators (`/admin`), each change one unit. */
import type { TrustedComputer } from '../../shared/api/schemas.js';
import type { Grant } from '../auth/session-rules.js';
import type { Context } from '../context.js';
import { notFound } from '../refusal.js';
import type { TrustedComputerRow, UserRow } from '../store/rows.js';
import type { Tx, View } from '../store/store.js';
import { endTrustedComputers, type ChangedBy } from './endings.js';
import { isLive, publicTrustedComputer } from './trust.js';

/** The user's live trusted computers, newest first; `thisComputerHash` marks the one the request came from. */
export async function listTrustedComputers(ctx: Context, view: View, userId: string, days: number, thisComputerHash: string | undefined): Promise<TrustedComputer[]> {
  const now = ctx.clock.now();
  const rows = await view.trustedComputers.ofUser(userId);
  return rows.filter((row) => isLive(row, days, now)).map((row) => publicTrustedComputer(row, days, thisComputerHash));
}

const noSuchComputer = () => notFound('There is no trusted computer with that id.');

/** Ends one of the user's trusted computers (returned), or refuses with not_found when it is not theirs. */
export async function revokeTrustedComputer(tx: Tx, user: UserRow, id: string, by: ChangedBy, clientAddress: string | undefined): Promise<TrustedComputerRow> {
  const row = (await tx.trustedComputers.ofUser(user.id)).find((r) => r.id === id);
  if (row === undefined || !(await tx.trustedComputers.delete(user.id, id))) throw noSuchComputer();
  await tx.audit.record({ event: 'trusted_computer_revoked', userId: user.id, username: user.username, clientAddress, detail: { id, name: row.name, ...by } });
  return row;
}

/** DELETE /me/trusted-computers/{id}: the one that ended. */
export function revokeOwnTrustedComputer(ctx: Context, access: Grant, id: string, address: string): Promise<TrustedComputerRow> {
  return ctx.store.write(async (tx) => {
    const { user } = await access.recheck(tx);
    return revokeTrustedComputer(tx, user, id, { by: 'user' }, address);
  });
}

/** DELETE /me/trusted-computers: "forget all". */
export async function forgetOwnTrustedComputers(ctx: Context, access: Grant, address: string): Promise<void> {
  await ctx.store.write(async (tx) => {
    const { user } = await access.recheck(tx);
    await endTrustedComputers(tx, user, 'forget_all', { by: 'user' }, address);
  });
}
