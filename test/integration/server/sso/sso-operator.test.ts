/**
 * The operator's side of SSO: providers declared in the `serve --config` file (secrets in files only
 * their owner can read) and added with `npm run server -- sso ...` (the secret read from standard input
 * and sealed in the database), and the refusals that keep a misconfigured server from starting.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfoResponse } from '../../../../shared/api/schemas.js';
import { UsageError } from '../../../../server/cli/args.js';
import { DEMO_ACCOUNTS, DEMO_IDENTITY, ensureDemoEnvironment, linkDemoIdentity } from '../../../../server/cli/demo.js';
import { makeConfig } from '../../../../server/config.js';
import { openData, startServer } from '../../../../server/server.js';
import { runSsoCommand, type SsoCommandInput } from '../../../../server/sso/sso-command.js';
import type { SsoProviderFileEntry } from '../../../../server/sso/provider-settings.js';
import { apiClient, ok } from '../../../support/http-client.js';
import { startTestProvider, type TestProvider } from '../../../support/sso/test-provider.js';
import { startTestServer } from '../../../support/test-server.js';

const SECRET = 'the-client-secret-0123456789';
const NO_OPTIONS = { issuer: undefined, clientId: undefined, authMethod: undefined, privateKeyFile: undefined, keyId: undefined, scopes: undefined, usernameClaim: undefined, unknownUsers: undefined };

describe('SSO for the operator', () => {
  let dir: string;
  let provider: TestProvider;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stepgate-sso-operator-'));
    provider = await startTestProvider({ clients: [] });
  });
  afterAll(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const secretFile = (name: string, mode: number): string => {
    const path = join(dir, name);
    writeFileSync(path, `${SECRET}\n`);
    chmodSync(path, mode);
    return path;
  };
  const fileEntry = (clientSecretFile: string): SsoProviderFileEntry => ({
    id: 'corp',
    displayName: 'Corp Login',
    issuer: provider.issuer,
    clientId: 'stepgate-corp',
    clientSecretFile,
  });

  describe('providers in the settings file', () => {
    it('are offered in /info and send the browser to the provider', async () => {
      const server = await startTestServer({ config: { sso: { providers: [fileEntry(secretFile('corp.secret', 0o600))] } } });
      try {
        const api = apiClient(server.api);
        expect(ok(await api.get('/info'), 200, InfoResponse).sso.providers).toEqual([
          { id: 'corp', displayName: 'Corp Login', startUrl: `${server.api}/auth/sso/corp/start` },
        ]);
        const start = await api.get('/auth/sso/corp/start');
        expect(start.status).toBe(302);
        expect(String(start.headers.location)).toMatch(new RegExp(`^${provider.issuer}/auth\\?`));
      } finally {
        await server.close();
      }
    });

    it('stop the server when the secret file can be read by others', async () => {
      const path = secretFile('open.secret', 0o644);
      await expect(startTestServer({ config: { sso: { providers: [fileEntry(path)] } } })).rejects.toThrow(
        new RegExp(`identity provider corp cannot be read: ${path} can be read by other users .*chmod 600`),
      );
    });

    it('stop the server when the secret file is missing', async () => {
      await expect(startTestServer({ config: { sso: { providers: [fileEntry(join(dir, 'absent.secret'))] } } })).rejects.toThrow(/identity provider corp cannot be read/);
    });

    it('stop the server when the same id was also added with sso add', async () => {
      const data = mkdtempSync(join(tmpdir(), 'stepgate-sso-both-'));
      try {
        const opened = await openData(makeConfig(data));
        await opened.operations.sso.addProvider({ ...fileEntry(''), clientAuth: 'client_secret_basic', keyId: undefined, scopes: ['openid'], usernameClaim: 'preferred_username', unknownUsers: 'refuse' }, { kind: 'client_secret', secret: SECRET }, {});
        await opened.store.close();
        const config = makeConfig(data, { port: 0, sso: { providers: [fileEntry(secretFile('both.secret', 0o600))] } });
        await expect(startServer(config)).rejects.toThrow(/corp is configured both in the settings file and with "sso add"/);
      } finally {
        rmSync(data, { recursive: true, force: true });
      }
    });
  });

  describe('npm run server -- sso', () => {
    const cli = (args: readonly string[], input = '') =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { input, encoding: 'utf8', env: { ...process.env, STEPGATE_ENCRYPTION_KEY: '' } });

    it('adds a provider with the secret from standard input, seals it, and never prints it', () => {
      const data = join(dir, 'cli-data');
      const added = cli(['sso', 'add', 'corp', '--issuer', 'https://login.example.test/tenant/v2.0', '--client-id', 'app-123', '--display-name', 'Corp Login', '--data', data], `${SECRET}\n`);
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(added.stdout).toContain('Register this redirect URI at the provider: http://127.0.0.1:4000/api/v1/auth/sso/corp/callback');

      const shown = cli(['sso', 'show', 'corp', '--data', data]);
      expect(shown.status).toBe(0);
      expect(shown.stdout).toContain('credential: sealed in the database');
      expect(shown.stdout).toContain('issuer: https://login.example.test/tenant/v2.0');
      expect(shown.stdout + shown.stderr).not.toContain(SECRET);
      for (const file of readdirSync(data)) expect(readFileSync(join(data, file)).includes(SECRET), file).toBe(false);
    });

    it('refuses an issuer that is not https, naming the option, with the usage exit code', () => {
      const refused = cli(['sso', 'add', 'corp', '--issuer', 'http://idp.example.com', '--client-id', 'x', '--display-name', 'X', '--data', join(dir, 'cli-bad')], `${SECRET}\n`);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^--issuer must be an https URL/);
    });
  });

  it('the demo server links its demo user to the demo provider’s account, once per issuer', async () => {
    const config = makeConfig(join(dir, 'demo'), { argon2: { memoryCost: 4096, timeCost: 1, parallelism: 1 }, sso: { providers: [{ ...fileEntry(secretFile('demo.secret', 0o600)), id: DEMO_IDENTITY.providerId }] } });
    const demo = await openData(config);
    try {
      await ensureDemoEnvironment(demo.context, demo.operations);
      await linkDemoIdentity(demo.context, demo.operations);
      await linkDemoIdentity(demo.context, demo.operations);
      const identities = await demo.store.read(async (view) => view.sso.identities.ofUser((await view.users.byUsername(DEMO_ACCOUNTS.totp.username))?.id ?? ''));
      expect(identities).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: DEMO_IDENTITY.subject, providerId: DEMO_IDENTITY.providerId })]);
    } finally {
      await demo.store.close();
    }
  });

  describe('sso commands on an open data folder', () => {
    let data: Awaited<ReturnType<typeof openData>>;
    let lines: string[];
    beforeAll(async () => {
      data = await openData(makeConfig(join(dir, 'in-process'), { sso: { providers: [fileEntry(secretFile('listed.secret', 0o600))] } }));
    });
    afterAll(async () => {
      await data.store.close();
    });
    const run = (sub: string, rest: readonly string[], options: Partial<SsoCommandInput['options']> = {}, input: Partial<SsoCommandInput> = {}) => {
      lines = [];
      return runSsoCommand(
        { sub, rest, options: { ...NO_OPTIONS, ...options }, displayName: undefined, configFile: 'stepgate.json', readSecret: async () => SECRET, print: (l) => lines.push(l), ...input },
        data.context,
        data.operations,
      );
    };

    it('lists providers from both places and refuses to remove one the settings file declares', async () => {
      await run('add', ['okta'], { issuer: 'https://acme.okta.com', clientId: 'okta-client', unknownUsers: 'create' }, { displayName: 'Okta' });
      await run('list', []);
      expect(lines).toEqual([`corp  Corp Login  ${provider.issuer}  (settings file)`, 'okta  Okta  https://acme.okta.com  (database)']);
      await expect(run('remove', ['corp'])).rejects.toThrow(/declared in the settings file/);
      await run('remove', ['okta']);
      await expect(run('remove', ['okta'])).rejects.toThrow(/no identity provider okta/);
    });

    it('checks every option of sso add and takes none elsewhere', async () => {
      const add = (options: Partial<SsoCommandInput['options']>, input: Partial<SsoCommandInput> = { displayName: 'X' }) =>
        run('add', ['x'], { issuer: 'https://idp.example.com', clientId: 'c', ...options }, input);
      await expect(add({ scopes: 'profile email' })).rejects.toThrow(/--scopes must include openid/);
      await expect(add({ unknownUsers: 'maybe' })).rejects.toThrow(/--unknown-users must be refuse or create/);
      await expect(add({ authMethod: 'private_key_jwt' })).rejects.toThrow(/--auth-method must be client_secret_basic or client_secret_post/);
      await expect(add({ keyId: 'k1' })).rejects.toThrow(/--key-id goes with --private-key-file/);
      await expect(add({ usernameClaim: 'has space' })).rejects.toThrow(/--username-claim must be a claim name/);
      await expect(add({ privateKeyFile: secretFile('not-a-key.pem', 0o600) })).rejects.toThrow(/--private-key-file: the private key is not a PEM private key/);
      await expect(add({}, { displayName: undefined })).rejects.toThrow(/--display-name is required/);
      await expect(add({}, { displayName: 'X', readSecret: async () => '  ' })).rejects.toThrow(/client secret .* is empty/);
      await expect(add({})).resolves.toBeUndefined();
      await expect(run('add', ['x'], { issuer: 'https://idp.example.com', clientId: 'c' }, { displayName: 'X' })).rejects.toThrow(/already an identity provider x/);
      await expect(run('list', [], { issuer: 'https://idp.example.com' })).rejects.toThrow(UsageError);
    });

    it('sets an account’s mode, and says when there is no linked identity to forget', async () => {
      const user = await data.operations.createUser({ username: 'operated', password: 'long-enough-password' });
      await run('user', [user.username, 'required']);
      expect(await data.operations.sso.modeOf(user.id)).toBe('required');
      await expect(run('user', [user.username, 'sometimes'])).rejects.toThrow(/allowed, required or off/);
      await expect(run('unlink', [user.username, 'corp'])).rejects.toThrow(/has no identity linked/);
    });

    it('links an account to an identity once, refuses what would re-point one, and unlinks it', async () => {
      const owner = await data.operations.createUser({ username: 'linked-owner', password: 'long-enough-password', isAdmin: true });
      const other = await data.operations.createUser({ username: 'linked-other', password: 'long-enough-password' });
      const identities = (userId: string) => data.store.read((view) => view.sso.identities.ofUser(userId));
      await expect(run('link', [owner.username, 'corp'])).rejects.toThrow(/Usage: sso add/);
      await expect(run('link', [owner.username, 'nowhere', 'sub-1'])).rejects.toThrow(/no identity provider nowhere/);
      await expect(run('link', [owner.username, 'corp', 'has space'])).rejects.toThrow(/SUBJECT must be the identity's sub claim/);
      await expect(run('link', ['nobody-here', 'corp', 'sub-1'])).rejects.toThrow(/There is no user nobody-here/);

      await run('link', [owner.username, 'corp', 'sub-1']);
      expect(lines).toEqual([`linked-owner is linked to the identity sub-1 at ${provider.issuer}; it signs in through corp from now on.`]);
      expect(await identities(owner.id)).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: 'sub-1', providerId: 'corp' })]);
      await run('link', [owner.username, 'corp', 'sub-1']);
      expect(lines).toEqual([`linked-owner is already linked to the identity sub-1 at ${provider.issuer}.`]);
      await expect(run('link', [other.username, 'corp', 'sub-1'])).rejects.toThrow(/linked to another account/);
      await expect(run('link', [owner.username, 'corp', 'sub-2'])).rejects.toThrow(/already linked to another identity .* sso unlink linked-owner corp first/);
      expect(await identities(other.id)).toEqual([]);

      await run('unlink', [owner.username, 'corp']);
      expect(await identities(owner.id)).toEqual([]);
      await run('link', [owner.username, 'corp', 'sub-2']);
      expect(await identities(owner.id)).toEqual([expect.objectContaining({ subject: 'sub-2' })]);
    });
  });
});
