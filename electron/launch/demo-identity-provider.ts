/**
 * `npm start`'s demo identity provider: the same real OpenID provider the tests sign in at
 * (`oidc-provider`, a development dependency), on 127.0.0.1, with one account that names the demo
 * user "demo" (the one with an authenticator), so the "Sign in with Demo Identity Provider" button
 * signs in without a verification code. Stepgate learns of it from a settings file written for this
 * run, its client secret in a file beside it that only this user can read; nothing is kept.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDENTITY } from '../../server/cli/demo.js';
import { startTestProvider, type TestProvider } from '../../test/support/sso/test-provider.js';

export const DEMO_PROVIDER = { id: DEMO_IDENTITY.providerId, displayName: 'Demo Identity Provider' } as const;
export const DEMO_PROVIDER_ACCOUNT = { login: 'demo', password: 'demo-idp-password' } as const;
const CLIENT_ID = 'stepgate-demo';

export interface DemoIdentityProvider {
  readonly issuer: string;
  /** The `--config` file for the demo server. */
  readonly configFile: string;
  /** Registers Stepgate's callback once the server has said where it listens. */
  connect(stepgateOrigin: string): void;
  /** What to tell the person, printed after the server's own lines. */
  readonly instructions: string;
  close(): Promise<void>;
}

/**
 * The provider library warns on stderr that it runs with development-only keys, storage and pages:
 * true, and the reason it is a demo, but not something the person trying the demo should act on. Those
 * lines are left out while it runs; the instructions say it once, plainly. Returns the undo.
 */
function quietDevelopmentWarnings(): () => void {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING')) return;
    warn(...args);
  };
  return () => {
    console.warn = warn;
  };
}

export async function startDemoIdentityProvider(): Promise<DemoIdentityProvider> {
  const restoreWarnings = quietDevelopmentWarnings();
  const secret = randomBytes(24).toString('base64url');
  let connect: (origin: string) => void = () => undefined;
  const clients = new Promise<readonly [{ client_id: string; client_secret: string; redirect_uris: string[] }]>((resolve) => {
    connect = (origin) =>
      resolve([{ client_id: CLIENT_ID, client_secret: secret, redirect_uris: [`${origin}/api/v1/auth/sso/${DEMO_PROVIDER.id}/callback`] }]);
  });
  const provider: TestProvider = await startTestProvider({ clients, host: '127.0.0.1', name: 'the Demo Identity Provider' });
  provider.addAccount({
    ...DEMO_PROVIDER_ACCOUNT,
    sub: DEMO_IDENTITY.subject,
    claims: { preferred_username: 'demo', name: 'Demo User', email: 'demo@example.test', email_verified: true },
  });

  const dir = mkdtempSync(join(tmpdir(), 'stepgate-demo-idp-'));
  writeFileSync(join(dir, 'demo-idp.secret'), secret, { mode: 0o600 });
  const configFile = join(dir, 'demo-settings.json');
  const settings = {
    sso: { providers: [{ ...DEMO_PROVIDER, issuer: provider.issuer, clientId: CLIENT_ID, clientSecretFile: 'demo-idp.secret' }] },
  };
  writeFileSync(configFile, JSON.stringify(settings, null, 2), { mode: 0o600 });

  return {
    issuer: provider.issuer,
    configFile,
    connect,
    instructions: [
      `Single sign-on: "Sign in with ${DEMO_PROVIDER.displayName}" opens ${provider.issuer} in your browser;`,
      `  sign in there as ${DEMO_PROVIDER_ACCOUNT.login} / ${DEMO_PROVIDER_ACCOUNT.password}: you come back as "demo", with no verification code.`,
      '  (It is a development identity provider that keeps nothing: for this demo only.)',
      '',
    ].join('\n'),
    close: async () => {
      await provider.close();
      rmSync(dir, { recursive: true, force: true });
      restoreWarnings();
    },
  };
}
