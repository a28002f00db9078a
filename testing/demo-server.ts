/**
 * The reference server with the demo environment `npm start` shows, for teams without a server of
 * their own: its own SQLite file in a temporary folder, on loopback, on a free port, with the real
 * clock. Besides the well-known demo accounts it makes fresh ones, so that tests never share a
 * time step's code (a server accepts each code once).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, demoSecret, ensureDemoEnvironment } from '../server/cli/demo.js';
import { makeConfig } from '../server/config.js';
import { addConfirmedAuthenticator } from '../server/enrollment/enrollment.js';
import { replaceRecoveryCodes } from '../server/enrollment/recovery.js';
import { startServer } from '../server/server.js';
import { newSecret, otpauthUri } from '../server/totp/totp.js';
import { packageRoot } from './package-root.js';
import { Authenticator } from './totp.js';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
}

/** An account with an authenticator: its otpauth URI (what the QR code holds), codes from it, and its recovery codes. */
export interface DemoAccountWithCode extends DemoAccount {
  readonly otpauthUri: string;
  /** Shared by every user of this account in the process, so no two of them get the same time step's code. */
  readonly authenticator: Authenticator;
  readonly recoveryCodes: readonly string[];
}

export type DemoAccountKind = 'withCode' | 'needsSetUp' | 'noCode';

export interface DemoServer {
  /** The server's origin, e.g. http://127.0.0.1:41234: what the app is pointed at. */
  readonly url: string;
  /** The demo environment's own accounts, as `npm start` prints them. */
  readonly accounts: {
    /** "demo": two-factor with the demo authenticator. */
    readonly withCode: DemoAccountWithCode;
    /** "newcomer": two-factor required, no authenticator yet (the app sends them to the browser). */
    readonly needsSetUp: DemoAccount;
    /** "plain": no two-factor authentication. */
    readonly noCode: DemoAccount;
  };
  /** A new account of that kind, with a name no other account has. */
  newAccount(kind: 'withCode'): Promise<DemoAccountWithCode>;
  newAccount(kind: 'needsSetUp' | 'noCode'): Promise<DemoAccount>;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (the default): a free port. */
  readonly port?: number;
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'stepgate-demo-'));
  const webDir = join(packageRoot(), 'dist', 'web');
  const config = makeConfig(dataDir, { host: '127.0.0.1', port: options.port ?? 0, ...(existsSync(webDir) ? { webDir } : {}) });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { context: ctx, operations: ops } = server;
  const demoCodes = (await ensureDemoEnvironment(ctx, ops)) ?? [];
  const demoAuthenticator = await demoSecret(ctx);
  if (demoAuthenticator === undefined) throw new Error('the demo environment has no demo authenticator');
  const environmentName = demoAuthenticator.issuer;

  const withAuthenticator = (account: DemoAccount, secret: Buffer, recoveryCodes: readonly string[]): DemoAccountWithCode => {
    const uri = otpauthUri(secret, environmentName, account.username);
    secret.fill(0);
    return { ...account, otpauthUri: uri, authenticator: new Authenticator(uri), recoveryCodes };
  };

  async function newAccount(kind: DemoAccountKind): Promise<DemoAccount | DemoAccountWithCode> {
    const username = uniqueName(kind === 'withCode' ? 'coded' : kind === 'needsSetUp' ? 'newcomer' : 'plain');
    const account = { username, password: `${username}-password`, displayName: `Tester ${username}` };
    const user = await ops.createUser({ ...account, totpRequired: kind !== 'noCode' });
    if (kind !== 'withCode') return account;
    const secret = newSecret();
    await addConfirmedAuthenticator(ctx, user.id, 'Test authenticator', secret);
    return withAuthenticator(account, secret, (await replaceRecoveryCodes(ctx, user.id)) ?? []);
  }

  return {
    url: server.origin,
    accounts: {
      withCode: withAuthenticator(DEMO_ACCOUNTS.totp, demoAuthenticator.secret, demoCodes),
      needsSetUp: DEMO_ACCOUNTS.enroll,
      noCode: DEMO_ACCOUNTS.plain,
    },
    newAccount: newAccount as DemoServer['newAccount'],
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
