import QRCode from 'qrcode';
import { TOTP, Secret } from 'otpauth';
import type { Context } from '../context.js';
import { open } from '../crypto/secret-box.js';
import { addConfirmedAuthenticator } from '../enrollment/enrollment.js';
import { replaceRecoveryCodes } from '../enrollment/recovery.js';
import type { Operations } from '../operations.js';
import { providerRegistry } from '../sso/provider-registry.js';
import { secretAad } from '../store/rows.js';
import { base32, newSecret, otpauthUri } from '../totp/totp.js';

/** Well-known local demo accounts; the demo server listens on loopback only. */
export const DEMO_ACCOUNTS = {
  admin: { username: 'admin', password: 'admin-demo-password', displayName: 'Demo Administrator' },
  totp: { username: 'demo', password: 'demo-password', displayName: 'Demo User' },
  enroll: { username: 'newcomer', password: 'newcomer-password', displayName: 'New Colleague' },
  plain: { username: 'plain', password: 'plain-password', displayName: 'No Two-Factor' },
} as const;
const DEMO_AUTHENTICATOR = 'Demo authenticator';
/** The demo offers "don't ask for a code on this computer", for a month. */
export const DEMO_TRUSTED_COMPUTER_DAYS = 30;

/**
 * `npm start`'s demo identity provider (provider id and the `sub` of its one account): an existing
 * account gets an identity only by an operator's link, so the demo server makes that link itself.
 */
export const DEMO_IDENTITY = { providerId: 'demo', subject: 'demo-identity-1' } as const;

/** Links the demo user to the demo identity provider's account, when that provider is configured (its issuer changes per run). */
export async function linkDemoIdentity(ctx: Context, ops: Operations): Promise<void> {
  const registry = providerRegistry(ctx);
  const { user, provider } = await ctx.store.read(async (view) => ({
    user: await view.users.byUsername(DEMO_ACCOUNTS.totp.username),
    provider: await registry.find(view, DEMO_IDENTITY.providerId),
  }));
  if (user === undefined || provider === undefined) return;
  await ops.sso.link(user, provider, DEMO_IDENTITY.subject, {});
}

/** Creates the demo environment if the data folder has no users yet; returns first-run recovery codes. */
export async function ensureDemoEnvironment(ctx: Context, ops: Operations): Promise<readonly string[] | undefined> {
  if ((await ctx.store.read((view) => view.users.byUsername(DEMO_ACCOUNTS.admin.username))) !== undefined) return undefined;
  await ops.setEnvironment({ name: 'Stepgate Demo', totpEnabled: true, totpRequiredForAll: false, trustedComputerDays: DEMO_TRUSTED_COMPUTER_DAYS });
  await ops.createUser({ ...DEMO_ACCOUNTS.admin, isAdmin: true });
  const demo = await ops.createUser({ ...DEMO_ACCOUNTS.totp, totpRequired: true });
  await ops.createUser({ ...DEMO_ACCOUNTS.enroll, totpRequired: true });
  await ops.createUser(DEMO_ACCOUNTS.plain);

  await addConfirmedAuthenticator(ctx, demo.id, DEMO_AUTHENTICATOR, newSecret());
  return replaceRecoveryCodes(ctx, demo.id);
}

/** The operator's view of the demo authenticator, so the printout can show its QR code on every start. */
export async function demoSecret(ctx: Context): Promise<{ readonly secret: Buffer; readonly issuer: string } | undefined> {
  return ctx.store.read(async (view) => {
    const user = await view.users.byUsername(DEMO_ACCOUNTS.totp.username);
    const authenticator = user && (await view.authenticators.confirmed(user.id)).find((a) => a.name === DEMO_AUTHENTICATOR);
    if (user === undefined || authenticator === undefined) return undefined;
    return { secret: open(ctx.key, authenticator.secretCiphertext, secretAad(user.id, authenticator.id)), issuer: (await view.settings.environment()).name };
  });
}

export async function demoInstructions(ctx: Context, origin: string, recoveryCodes: readonly string[] | undefined): Promise<string> {
  const a = DEMO_ACCOUNTS;
  const lines = [
    '',
    `Stepgate demo server: ${origin}   (data: ${ctx.config.dataDir})`,
    '',
    'Accounts (username / password):',
    `  ${a.totp.username} / ${a.totp.password}         two-factor with the demo authenticator below`,
    `  ${a.enroll.username} / ${a.enroll.password}   two-factor required, no authenticator yet (set-up happens in the browser)`,
    `  ${a.plain.username} / ${a.plain.password}        no two-factor`,
    `  ${a.admin.username} / ${a.admin.password}  administrator`,
    '',
    'Add an account to this demo (the password is asked for; without --data it goes to another data folder):',
    `  npm run server -- user create USERNAME --data "${ctx.config.dataDir}"`,
    '',
  ];
  const demo = await demoSecret(ctx);
  if (demo !== undefined) {
    const { secret } = demo;
    const uri = otpauthUri(secret, demo.issuer, a.totp.username);
    const code = new TOTP({ secret: new Secret({ buffer: new Uint8Array(secret).buffer }) }).generate({ timestamp: ctx.clock.now() });
    lines.push(
      `Scan this with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, ...) to get codes for "${a.totp.username}":`,
      await QRCode.toString(uri, { type: 'terminal', small: true }),
      `  or add it by hand with the key ${base32(secret).replace(/(.{4})/g, '$1 ').trim()}`,
      `  otpauth URI: ${uri}`,
      `  (the code right now is ${code}; it changes every 30 seconds)`,
      '',
    );
    secret.fill(0);
  }
  if (recoveryCodes !== undefined) {
    lines.push(`Recovery codes for "${a.totp.username}", shown this once: ${recoveryCodes.join('  ')}`, '');
  }
  lines.push(
    `In the browser: ${origin}/signin (set-up for "${a.enroll.username}" happens there), two-factor settings at ${origin}/settings,`,
    `administration at ${origin}/admin.`,
    '',
  );
  lines.push(`Sign in with the desktop app (npm run preview -- --server ${origin} serves it to a browser), or try the API:`);
  lines.push(`  curl -s ${origin}/api/v1/auth/login -H 'content-type: application/json' -d '{"username":"${a.totp.username}","password":"${a.totp.password}"}'`);
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
