/**
 * A Stepgate test server connected to a real test identity provider, and Chromium to sign in there.
 * Each connection is one client registered at the provider and one provider added to Stepgate with
 * `sso add`'s own operation (its credential sealed in the database).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import type { ClientMetadata } from 'oidc-provider';
import type { ConfigOverrides } from '../../../server/config.js';
import { callbackPath, DEFAULT_SCOPES, type SsoProviderSettings } from '../../../server/sso/provider-settings.js';
import type { Credential } from '../../../server/sso/credentials.js';
import { providerRegistry } from '../../../server/sso/provider-registry.js';
import type { LinkOutcome } from '../../../server/sso/sso-admin.js';
import { call, type CallResult } from '../http-client.js';
import { startTestServer, type TestServer } from '../test-server.js';
import { RELAXED_THROTTLE } from '../totp.js';
import { launchChromium, signInAtProvider } from './browser.js';
import { startLoopbackApp, type LoopbackApp } from './loopback-app.js';
import { startTestProvider, type ProviderAccount, type TestProvider, type TestProviderOptions } from './test-provider.js';

export interface Connection {
  readonly id: string;
  readonly clientAuth?: SsoProviderSettings['clientAuth'];
  readonly unknownUsers?: SsoProviderSettings['unknownUsers'];
  readonly usernameClaim?: string;
  readonly displayName?: string;
  /** Registered at a second provider (another issuer) instead of the first. */
  readonly atSecondIssuer?: boolean;
}

export interface SsoSetup {
  readonly server: TestServer;
  readonly provider: TestProvider;
  /** The second provider, when a connection asked for one. */
  readonly secondProvider: TestProvider | undefined;
  /** A fresh browser profile: no provider session, no Stepgate cookies. */
  newContext(): Promise<BrowserContext>;
  startUrl(providerId: string, query?: string): string;
  close(): Promise<void>;
}

export interface SetupOptions {
  readonly connections: readonly Connection[];
  readonly provider?: Omit<TestProviderOptions, 'clients'>;
  readonly config?: ConfigOverrides;
}

export async function startSsoSetup(options: SetupOptions): Promise<SsoSetup> {
  const server = await startTestServer({ config: { throttle: RELAXED_THROTTLE, ...options.config } });
  const credentials = new Map<string, Credential>();
  const clientOf = (c: Connection): ClientMetadata => {
    const base: ClientMetadata = {
      client_id: `stepgate-${c.id}`,
      redirect_uris: [`${server.url}${callbackPath(c.id)}`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    };
    if (c.clientAuth === 'private_key_jwt') {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      credentials.set(c.id, { kind: 'private_key', pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() });
      return { ...base, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'stepgate-1' }] } } as ClientMetadata;
    }
    const secret = randomBytes(24).toString('base64url');
    credentials.set(c.id, { kind: 'client_secret', secret });
    return { ...base, client_secret: secret, token_endpoint_auth_method: c.clientAuth ?? 'client_secret_basic' } as ClientMetadata;
  };
  const clients = options.connections.filter((c) => c.atSecondIssuer !== true).map(clientOf);
  const secondClients = options.connections.filter((c) => c.atSecondIssuer === true).map(clientOf);
  const provider = await startTestProvider({ ...options.provider, clients });
  const secondProvider = secondClients.length === 0 ? undefined : await startTestProvider({ ...options.provider, clients: secondClients, name: 'the second provider' });
  for (const c of options.connections) {
    const credential = credentials.get(c.id);
    if (credential === undefined) throw new Error('no credential');
    await server.operations.sso.addProvider(
      {
        id: c.id,
        displayName: c.displayName ?? `Test IdP ${c.id}`,
        issuer: (c.atSecondIssuer === true ? secondProvider : provider)?.issuer ?? '',
        clientId: `stepgate-${c.id}`,
        clientAuth: c.clientAuth ?? 'client_secret_basic',
        keyId: c.clientAuth === 'private_key_jwt' ? 'stepgate-1' : undefined,
        scopes: DEFAULT_SCOPES,
        usernameClaim: c.usernameClaim ?? 'preferred_username',
        unknownUsers: c.unknownUsers ?? 'refuse',
      },
      credential,
      {},
    );
  }
  // Launched on first use: suites that never sign in at the provider do not pay for a browser.
  let browser: Promise<Browser> | undefined;
  const theBrowser = () => (browser ??= launchChromium());
  return {
    server,
    provider,
    secondProvider,
    newContext: async () => (await theBrowser()).newContext(),
    startUrl: (id, query) => `${server.api}/auth/sso/${id}/start${query === undefined || query === '' ? '' : `?${query}`}`,
    close: async () => {
      if (browser !== undefined) await (await browser).close();
      await provider.close();
      await secondProvider?.close();
      await server.close();
    },
  };
}

let accounts = 0;
/** An account at the provider (the first unless said otherwise) whose naming claim is `username`. */
export function providerAccount(setup: SsoSetup, username: string, claims: Record<string, unknown> = {}, at: TestProvider = setup.provider): ProviderAccount {
  accounts += 1;
  return at.addAccount({
    login: `idp-${accounts}-${username}`,
    password: `idp-pw-${randomBytes(6).toString('hex')}`,
    sub: `sub-${randomBytes(8).toString('hex')}`,
    claims: { preferred_username: username, name: `Person ${username}`, email: `${username}@example.test`, email_verified: true, ...claims },
  });
}

/** The operator's `sso link` of an existing Stepgate account to an identity at a provider. */
export async function operatorLink(setup: SsoSetup, providerId: string, userId: string, subject: string): Promise<LinkOutcome> {
  const ctx = setup.server.context;
  const { user, provider } = await ctx.store.read(async (view) => ({ user: await view.users.byId(userId), provider: await providerRegistry(ctx).find(view, providerId) }));
  if (user === undefined || provider === undefined) throw new Error(`no user ${userId} or no provider ${providerId}`);
  return setup.server.operations.sso.link(user, provider, subject, {});
}

/**
 * An account at the provider that names the Stepgate account `user` and is linked to it by the operator:
 * how an account that existed before its identity comes to sign in through the provider.
 */
export async function linkedAccount(setup: SsoSetup, providerId: string, user: { readonly id: string; readonly username: string }, claims: Record<string, unknown> = {}): Promise<ProviderAccount> {
  const account = providerAccount(setup, user.username, claims);
  if ((await operatorLink(setup, providerId, user.id, account.sub)) !== 'linked') throw new Error(`${user.username} could not be linked`);
  return account;
}

/**
 * The desktop path end to end in Chromium: the app's start URL, the provider's pages, the callback,
 * and the browser arriving at the app's loopback listener. Returns what arrived there.
 */
export async function desktopSignIn(setup: SsoSetup, providerId: string, account: ProviderAccount): Promise<{ app: LoopbackApp; arrival: URLSearchParams }> {
  const app = await startLoopbackApp();
  const context = await setup.newContext();
  try {
    const page = await context.newPage();
    await page.goto(setup.startUrl(providerId, app.startQuery()));
    await signInAtProvider(page, account);
    const arrival = await app.arrival;
    await page.getByText('You can close this tab').waitFor();
    return { app, arrival };
  } finally {
    await context.close();
    await app.close();
  }
}

export function exchange(setup: SsoSetup, code: string, codeVerifier: string): Promise<CallResult> {
  return call('POST', `${setup.server.api}/auth/sso/exchange`, { body: { code, codeVerifier } });
}

/** A start made by the test itself: the redirect to the provider and the browser-binding cookie it sets. */
export async function startByHand(setup: SsoSetup, providerId: string, query: string): Promise<{ res: CallResult; location: string; binding: string }> {
  const res = await call('GET', setup.startUrl(providerId, query));
  const cookies = [res.headers['set-cookie'] ?? []].flat();
  const binding = cookies.map((c) => /^stepgate_sso=([^;]+)/.exec(c)?.[1]).find((v) => v !== undefined) ?? '';
  return { res, location: String(res.headers.location ?? ''), binding };
}

/**
 * Signs in at the provider in Chromium from a start made by hand, and returns the callback URL the
 * provider sent the browser to. The browser lacks the start's binding cookie, so Stepgate refuses its
 * request without spending anything: the answer is still unused, for the test to deliver.
 */
export async function providerAnswer(setup: SsoSetup, authorizationUrl: string, account: ProviderAccount): Promise<URL> {
  const context = await setup.newContext();
  try {
    const page = await context.newPage();
    const stepgate = new URL(setup.server.url).host;
    const answer = page.waitForRequest((request) => {
      const url = new URL(request.url());
      return url.host === stepgate && url.pathname.endsWith('/callback');
    });
    await page.goto(authorizationUrl);
    await signInAtProvider(page, account);
    return new URL((await answer).url());
  } finally {
    await context.close();
  }
}

/** The browser's request to the callback, made by the test with the binding cookie it chooses. */
export function callback(url: URL | string, binding: string | undefined): Promise<CallResult> {
  return call('GET', String(url), binding === undefined ? {} : { headers: { cookie: `stepgate_sso=${binding}` } });
}

/** Where a redirect answer sends the browser, with its query. */
export function redirectedTo(res: CallResult): URL {
  if (res.status !== 302) throw new Error(`expected a redirect, got ${res.status} ${res.text.slice(0, 300)}`);
  return new URL(String(res.headers.location), 'http://stepgate.invalid');
}

/** One provider, `idp`, shown as `displayName`, with two-factor authentication on: what the UI specs sign in through. */
export async function startOneProviderSetup(displayName: string): Promise<SsoSetup> {
  const setup = await startSsoSetup({ connections: [{ id: 'idp', displayName }] });
  await setup.server.setEnvironment({ totpEnabled: true });
  return setup;
}
