/**
 * A real OpenID Provider for the SSO tests: the certified `oidc-provider` package on loopback (port 0),
 * with test accounts and its own sign-in and consent pages for a browser to fill in.
 *
 * It listens on 127.0.0.2 while Stepgate listens on 127.0.0.1: different sites to the browser, so the
 * provider's redirect back is a cross-site navigation, as with a real identity provider.
 *
 * `tamperTokens` is the one stand-in: when set, the token endpoint's answer passes through it before it
 * leaves, so a test can send an ID token that the real provider would never issue (wrong nonce, wrong
 * audience, a foreign signature). Everything else is the real provider.
 */
import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';

export const PROVIDER_HOST = '127.0.0.2';

export interface ProviderAccount {
  readonly login: string;
  readonly password: string;
  readonly sub: string;
  /** Claims beside `sub`, e.g. preferred_username, email, name; changeable while the provider runs. */
  claims: Record<string, unknown>;
}

export type TokenBody = Record<string, unknown>;

export interface TestProviderOptions {
  readonly clients: readonly ClientMetadata[];
  /** Claims in the ID token (as Entra ID, Okta and Keycloak send them), or only from UserInfo (spec default). */
  readonly claimsInIdToken?: boolean;
  readonly idTokenTtlSeconds?: number;
  readonly tamperTokens?: (body: TokenBody) => Promise<TokenBody>;
}

export interface TestProvider {
  readonly issuer: string;
  readonly accounts: Map<string, ProviderAccount>;
  /** The provider's ID token signing key (private), so a stand-in can sign exactly as it would. */
  readonly signingKey: JsonWebKey & { readonly kid: string };
  addAccount(account: ProviderAccount): ProviderAccount;
  close(): Promise<void>;
}

/** A fresh RS256 key as a private JWK with a key id. */
export function rsaSigningKey(kid = `key-${randomBytes(4).toString('hex')}`): JsonWebKey & { readonly kid: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, PROVIDER_HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const front = createServer();
  const port = await listen(front);
  const issuer = `http://${PROVIDER_HOST}:${port}`;
  const accounts = new Map<string, ProviderAccount>();
  const signingKey = rsaSigningKey();

  const configuration: Configuration = {
    clients: [...options.clients],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true, methods: ['S256'] },
    ttl: { IdToken: options.idTokenTtlSeconds ?? 3600, AccessToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: (_ctx, sub) => {
      const account = [...accounts.values()].find((a) => a.sub === sub);
      return account && { accountId: sub, claims: () => ({ sub, ...account.claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  const handle = provider.callback();

  const loginPage = (uid: string, problem = '') =>
    page(
      'Sign in to the test identity provider',
      `${problem === '' ? '' : `<p role="alert">${escapeHtml(problem)}</p>`}
      <form method="post" action="/interaction/${uid}/login">
        <label>Username <input name="login" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
      </form>
      <p><a href="/interaction/${uid}/abort">Cancel</a></p>`,
    );
  const consentPage = (uid: string, client: string) =>
    page(
      `Allow ${client} to know who you are?`,
      `<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>
      <p><a href="/interaction/${uid}/abort">Cancel</a></p>`,
    );

  /** The provider's interaction pages: the host application's job in oidc-provider. */
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    };
    switch (action) {
      case undefined:
        return details.prompt.name === 'login' ? send(200, loginPage(uid)) : send(200, consentPage(uid, String(details.params['client_id'])));
      case 'login': {
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        const account = accounts.get(form.get('login') ?? '');
        if (account === undefined || account.password !== form.get('password')) return send(401, loginPage(uid, 'Wrong username or password.'));
        await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
        return;
      }
      case 'confirm': {
        await readBody(req);
        const { prompt, params, session, grantId } = details;
        const grant = grantId === undefined ? new provider.Grant({ accountId: session?.accountId ?? '', clientId: String(params['client_id']) }) : await provider.Grant.find(grantId);
        if (grant === undefined) throw new Error('grant not found');
        const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
        if (missing.missingOIDCScope !== undefined) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims !== undefined) grant.addOIDCClaims(missing.missingOIDCClaims);
        await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
        return;
      }
      case 'abort':
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person cancelled.' }, { mergeWithLastSubmission: false });
        return;
      default:
        send(404, page('Not found', ''));
    }
  }

  // The stand-in's way to the real token endpoint: the same provider on a second, private port.
  let inner: { server: Server; port: number } | undefined;
  if (options.tamperTokens !== undefined) {
    const server = createServer((req, res) => void handle(req, res));
    inner = { server, port: await listen(server) };
  }
  const tamperedToken = async (req: IncomingMessage, res: ServerResponse, tamper: (body: TokenBody) => Promise<TokenBody>, target: number) => {
    const body = await readBody(req);
    const upstream = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const forward = httpRequest({ host: PROVIDER_HOST, port: target, method: 'POST', path: req.url, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 500, text: Buffer.concat(chunks).toString('utf8') }));
        answer.on('error', reject);
      });
      forward.on('error', reject);
      forward.end(body);
    });
    const text = upstream.status === 200 ? JSON.stringify(await tamper(JSON.parse(upstream.text) as TokenBody)) : upstream.text;
    res.writeHead(upstream.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
  };

  front.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([^/]+)(?:\/([a-z]+))?$/.exec(url.pathname);
    const work =
      match !== null
        ? interaction(req, res, match[1] ?? '', match[2])
        : req.method === 'POST' && url.pathname === '/token' && options.tamperTokens !== undefined && inner !== undefined
          ? tamperedToken(req, res, options.tamperTokens, inner.port)
          : Promise.resolve(handle(req, res));
    work.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`test provider error: ${(error as Error).message}`);
    });
  });

  return {
    issuer,
    accounts,
    signingKey,
    addAccount(account) {
      accounts.set(account.login, account);
      return account;
    },
    close: async () => {
      await close(front);
      if (inner !== undefined) await close(inner.server);
    },
  };
}
