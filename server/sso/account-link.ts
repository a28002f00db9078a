/**
 * Which Stepgate account an identity at a provider signs in to. Once an identity (issuer + subject)
 * is linked, it always means that account: a later change of the naming claim (a renamed person, a
 * reused e-mail address) never moves it to another one. Runs inside the unit that issues the session
 * or result code, so two first sign-ins of the same identity link it once.
 *
 * A claim never links an identity to an account that already exists: a provider lets its users edit
 * `preferred_username` and `name`, and a claim that folds to an account's name (full-width "ＡＤＭＩＮ"
 * to "admin") is no proof of owning it. Only the operator's `sso link` joins an existing account to an
 * identity; a first sign-in only ever links an account it creates itself.
 */
import Value from 'typebox/value';
import { DisplayName, Username } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { randomId } from '../crypto/tokens.js';
import { usernameKey } from '../store/rows.js';
import type { Tx, View } from '../store/store.js';
import type { VerifiedIdentity } from './oidc-client.js';
import type { SsoProviderSettings } from './provider-settings.js';
import { SsoFailure } from './sso-failure.js';

export type Resolution =
  | { readonly kind: 'linked'; readonly userId: string; readonly claimChanged: boolean }
  | { readonly kind: 'created'; readonly userId: string; readonly username: string };

/** The naming claim's value, or why it cannot name an account. */
export function namingClaim(provider: SsoProviderSettings, claims: Readonly<Record<string, unknown>>): string {
  const value = claims[provider.usernameClaim];
  if (typeof value !== 'string' || value.trim() === '') throw new SsoFailure('sso_unknown_user', 'claim_missing');
  // An address names someone only when the provider says it verified it: absent (or anything but true) is unverified.
  if (provider.usernameClaim === 'email' && claims['email_verified'] !== true) throw new SsoFailure('sso_unknown_user', 'email_unverified');
  return value.trim();
}

/** Whether a first sign-in may have to create an account (so the caller prepares a password hash before the unit). */
export async function mayCreate(view: View, provider: SsoProviderSettings, identity: VerifiedIdentity): Promise<boolean> {
  return provider.unknownUsers === 'create' && (await view.sso.identities.find(identity.issuer, identity.subject)) === undefined;
}

/**
 * Call inside a unit of work. `unusableHash` is an Argon2 hash of a random secret nobody knows, for an
 * account created here: it has no password anyone can type, and failing it takes Argon2's time.
 */
export async function resolveAccount(ctx: Context, tx: Tx, provider: SsoProviderSettings, identity: VerifiedIdentity, unusableHash: string | undefined): Promise<Resolution> {
  const identities = tx.sso.identities;
  const now = ctx.clock.now();
  const linked = await identities.find(identity.issuer, identity.subject);
  if (linked !== undefined) {
    const claim = identity.claims[provider.usernameClaim];
    const username = (await tx.users.byId(linked.userId))?.username ?? '';
    return { kind: 'linked', userId: linked.userId, claimChanged: typeof claim === 'string' && usernameKey(claim.trim()) !== usernameKey(username) };
  }
  const name = namingClaim(provider, identity.claims);
  const link = (userId: string) => identities.link({ issuer: identity.issuer, subject: identity.subject, userId, providerId: provider.id, linkedAt: now });

  const existing = await tx.users.byUsername(name);
  if (existing !== undefined) {
    const account = { id: existing.id, username: existing.username };
    const detail = { subject: identity.subject };
    // Linked to an identity here or at another provider: refused until `sso unlink`, whatever the claim says.
    if ((await identities.ofUser(existing.id)).length > 0) throw new SsoFailure('sso_account_conflict', 'linked_elsewhere', account, detail);
    // The name (or a look-alike that folds to it) is only a claim: the operator links it, or nobody does.
    throw new SsoFailure('sso_link_required', 'not_linked', account, detail);
  }
  if (provider.unknownUsers === 'refuse') throw new SsoFailure('sso_unknown_user', 'not_found');
  if (!Value.Check(Username, name)) throw new SsoFailure('sso_unknown_user', 'claim_invalid');
  if (unusableHash === undefined) throw new SsoFailure('sso_unknown_user', 'not_found');

  const displayName = typeof identity.claims['name'] === 'string' ? identity.claims['name'].trim().slice(0, 128) : '';
  const id = randomId('usr');
  await tx.users.insert({
    id,
    username: name,
    displayName: Value.Check(DisplayName, displayName) ? displayName : name,
    passwordHash: unusableHash,
    isAdmin: false,
    totpRequired: false,
    createdAt: now,
  });
  // It has no password anyone knows: the provider is its way in.
  await tx.sso.modes.set(id, 'required');
  await link(id);
  return { kind: 'created', userId: id, username: name };
}
