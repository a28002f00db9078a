/**
 * `npm run server -- sso ...`: identity providers kept in the database (the client secret read from
 * standard input and sealed, never taken from the command line), per-user modes and linked identities.
 */
import Value from 'typebox/value';
import { Type, type TSchema } from 'typebox';
import { SsoMode, SsoProviderId, Username } from '../../shared/api/schemas.js';
import type { SsoOptions } from '../cli/args.js';
import { UsageError } from '../cli/args.js';
import type { Context } from '../context.js';
import type { Operations } from '../operations.js';
import type { View } from '../store/store.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { importSigningKey, readSecretFile, type Credential } from './credentials.js';
import { providerRegistry, type SsoProvider } from './provider-registry.js';
import {
  callbackPath,
  ClaimName,
  ClientId,
  DEFAULT_SCOPES,
  DEFAULT_USERNAME_CLAIM,
  DisplayName,
  issuerProblem,
  KeyId,
  ScopeToken,
  scopesProblem,
  type ClientAuthMethod,
  type SsoProviderSettings,
  type UnknownUserPolicy,
} from './provider-settings.js';

export interface SsoCommandInput {
  readonly sub: string | undefined;
  readonly rest: readonly string[];
  readonly options: SsoOptions;
  readonly displayName: string | undefined;
  /** Where the settings file came from, for messages about providers declared there. */
  readonly configFile: string | undefined;
  readonly readSecret: () => Promise<string>;
  readonly print: (line: string) => void;
}

export const SSO_USAGE = 'Usage: sso add ID --issuer URL --client-id ID --display-name NAME ..., sso list, sso show ID, sso remove ID, sso user USERNAME allowed|required|off, sso link USERNAME PROVIDER-ID SUBJECT, sso unlink USERNAME PROVIDER-ID';

/** OpenID Connect's `sub`: at most 255 ASCII characters (Core 2), printable here, as the audit trail shows it. */
const Subject = Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' });

function checked<S extends TSchema>(schema: S, value: string | undefined, option: string, rule: string): string {
  if (value === undefined) throw new UsageError(`${option} is required`);
  if (!Value.Check(schema, value)) throw new UsageError(`${option} ${rule}, not "${value}"`);
  return value;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined, option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be ${values.join(' or ')}, not "${value}"`);
}

async function providerToAdd(input: SsoCommandInput, id: string): Promise<{ settings: SsoProviderSettings; credential: Credential }> {
  const o = input.options;
  const issuer = o.issuer;
  if (issuer === undefined) throw new UsageError('--issuer is required');
  const issuerIssue = issuer.length > 512 ? 'must be at most 512 characters' : issuerProblem(issuer);
  if (issuerIssue !== undefined) throw new UsageError(`--issuer ${issuerIssue}`);
  const scopes = o.scopes === undefined ? DEFAULT_SCOPES : o.scopes.split(/[\s,]+/).filter((s) => s !== '');
  for (const scope of scopes) checked(ScopeToken, scope, '--scopes', 'holds a scope that is not allowed');
  const scopeIssue = scopesProblem(scopes);
  if (scopeIssue !== undefined) throw new UsageError(`--scopes ${scopeIssue}`);

  const keyFile = o.privateKeyFile;
  const clientAuth: ClientAuthMethod =
    keyFile === undefined ? oneOf(['client_secret_basic', 'client_secret_post'], o.authMethod, '--auth-method', 'client_secret_basic') : 'private_key_jwt';
  if (keyFile !== undefined && o.authMethod !== undefined && o.authMethod !== 'private_key_jwt') {
    throw new UsageError('--auth-method must be private_key_jwt (or left out) with --private-key-file');
  }
  if (keyFile === undefined && o.keyId !== undefined) throw new UsageError('--key-id goes with --private-key-file');

  const settings: SsoProviderSettings = {
    id,
    displayName: checked(DisplayName, input.displayName, '--display-name', 'must be 1 to 64 characters'),
    issuer,
    clientId: checked(ClientId, o.clientId, '--client-id', 'must be 1 to 256 printable characters without spaces'),
    clientAuth,
    keyId: o.keyId === undefined ? undefined : checked(KeyId, o.keyId, '--key-id', 'must be 1 to 256 printable characters without spaces'),
    scopes,
    usernameClaim: o.usernameClaim === undefined ? DEFAULT_USERNAME_CLAIM : checked(ClaimName, o.usernameClaim, '--username-claim', 'must be a claim name'),
    unknownUsers: oneOf<UnknownUserPolicy>(['refuse', 'create'], o.unknownUsers, '--unknown-users', 'refuse'),
  };
  if (keyFile !== undefined) {
    let pem: string;
    try {
      pem = readSecretFile(keyFile);
      await importSigningKey(pem);
    } catch (error) {
      throw new UsageError(`--private-key-file: ${(error as Error).message}`);
    }
    return { settings, credential: { kind: 'private_key', pem } };
  }
  const secret = (await input.readSecret()).trim();
  if (secret === '') throw new UsageError('The client secret (read from standard input) is empty.');
  if (secret.length > 1024) throw new UsageError('The client secret is longer than 1024 characters.');
  return { settings, credential: { kind: 'client_secret', secret } };
}

function describe(provider: SsoProvider, origin: string, configFile: string | undefined): readonly string[] {
  return [
    `id: ${provider.id}`,
    `display name: ${provider.displayName}`,
    `issuer: ${provider.issuer}`,
    `client id: ${provider.clientId}`,
    `client authentication: ${provider.clientAuth}${provider.keyId === undefined ? '' : ` (key id ${provider.keyId})`}`,
    `credential: ${provider.source.kind === 'database' ? 'sealed in the database' : `in ${provider.source.credentialFile}`}`,
    `scopes: ${provider.scopes.join(' ')}`,
    `username claim: ${provider.usernameClaim}`,
    `unknown users: ${provider.unknownUsers === 'create' ? 'created on first sign-in' : 'refused'}`,
    `declared in: ${provider.source.kind === 'database' ? 'the database (sso add)' : (configFile ?? 'the settings file')}`,
    `redirect URI to register at the provider: ${origin}${callbackPath(provider.id)}`,
  ];
}

export async function runSsoCommand(input: SsoCommandInput, ctx: Context, ops: Operations): Promise<void> {
  const { sub, rest, print } = input;
  const registry = providerRegistry(ctx);
  const addOnly = Object.entries(input.options).filter(([, v]) => v !== undefined);
  if (sub !== 'add' && addOnly.length > 0) throw new UsageError(`Options such as --issuer go with "sso add" only.\n${SSO_USAGE}`);
  const providerId = (value: string | undefined) => checked(SsoProviderId, value, 'ID', 'must be 1 to 32 lowercase letters, digits and dashes');
  const read = <T>(work: (view: View) => Promise<T>): Promise<T> => ctx.store.read(work);
  const findUser = async (username: string | undefined) => {
    const name = checked(Username, username, 'USERNAME', 'is not a valid username');
    const user = await read((view) => view.users.byUsername(name));
    if (user === undefined) throw new UsageError(`There is no user ${username ?? ''}.`);
    return user;
  };

  const findProvider = async (id: string | undefined) => {
    const wanted = providerId(id);
    const provider = await read((view) => registry.find(view, wanted));
    if (provider === undefined) throw new UsageError(`There is no identity provider ${id ?? ''}.`);
    return provider;
  };

  switch (sub) {
    case 'add': {
      if (rest.length !== 1) throw new UsageError(SSO_USAGE);
      const id = providerId(rest[0]);
      if ((await read((view) => registry.find(view, id))) !== undefined) throw new UsageError(`There is already an identity provider ${id}.`);
      const { settings, credential } = await providerToAdd(input, id);
      await ops.sso.addProvider(settings, credential, {});
      print(`Added identity provider ${id} (${settings.issuer}).`);
      print(`Register this redirect URI at the provider: ${ctx.origin()}${callbackPath(id)}`);
      return;
    }
    case 'list': {
      if (rest.length !== 0) throw new UsageError(SSO_USAGE);
      const { providers, conflicts } = await read(async (view) => ({ providers: await registry.list(view), conflicts: await registry.conflicts(view) }));
      if (providers.length === 0) print('No identity providers.');
      for (const p of providers) print(`${p.id}  ${p.displayName}  ${p.issuer}  (${p.source.kind === 'database' ? 'database' : 'settings file'})`);
      for (const id of conflicts) print(`${id}  CONFLICT: declared both in the settings file and in the database; remove one`);
      return;
    }
    case 'show': {
      if (rest.length !== 1) throw new UsageError(SSO_USAGE);
      const id = providerId(rest[0]);
      const provider = await read((view) => registry.find(view, id));
      if (provider === undefined) throw new UsageError(`There is no identity provider ${rest[0] ?? ''}.`);
      for (const line of describe(provider, ctx.origin(), input.configFile)) print(line);
      return;
    }
    case 'remove': {
      if (rest.length !== 1) throw new UsageError(SSO_USAGE);
      const id = providerId(rest[0]);
      if (ctx.config.sso.providers.some((p) => p.id === id)) throw new UsageError(`${id} is declared in the settings file; remove it there.`);
      if (!(await ops.sso.removeProvider(id, {}))) throw new UsageError(`There is no identity provider ${id} in the database.`);
      print(`Removed identity provider ${id}. Sign-ins under way through it have ended.`);
      const { left, env } = await read(async (view) => ({ left: await registry.list(view), env: await view.settings.environment() }));
      if (left.length === 0 && env.ssoRequiredForAll) {
        print('Warning: SSO is required for everyone and no identity provider is left; only accounts with SSO off can sign in.');
      }
      return;
    }
    case 'user': {
      const [username, mode] = rest;
      if (rest.length !== 2) throw new UsageError(SSO_USAGE);
      const user = await findUser(username);
      if (!Value.Check(SsoMode, mode)) throw new UsageError(`The SSO mode must be allowed, required or off, not "${mode ?? ''}".`);
      await ops.updateUser(user.id, { sso: mode });
      print(`${user.username}: SSO ${mode}`);
      return;
    }
    case 'link': {
      const [username, id, subject] = rest;
      if (rest.length !== 3) throw new UsageError(SSO_USAGE);
      const user = await findUser(username);
      const provider = await findProvider(id);
      const sub = checked(Subject, subject, 'SUBJECT', 'must be the identity\'s sub claim (1 to 255 printable characters)');
      const outcome = await ops.sso.link(user, provider, sub, {});
      switch (outcome) {
        case 'linked':
          print(`${user.username} is linked to the identity ${sub} at ${provider.issuer}; it signs in through ${provider.id} from now on.`);
          return;
        case 'already_linked':
          print(`${user.username} is already linked to the identity ${sub} at ${provider.issuer}.`);
          return;
        case 'identity_taken':
          throw new UsageError(`The identity ${sub} at ${provider.issuer} is linked to another account; unlink it there first.`);
        case 'account_linked_at_issuer':
          throw new UsageError(`${user.username} is already linked to another identity at ${provider.issuer}; sso unlink ${user.username} ${provider.id} first.`);
        case 'no_account':
          throw new UsageError(`There is no user ${user.username}.`);
      }
      return assertNever(outcome);
    }
    case 'unlink': {
      const [username, id] = rest;
      if (rest.length !== 2) throw new UsageError(SSO_USAGE);
      const user = await findUser(username);
      const provider = await findProvider(id);
      if (!(await ops.sso.unlink(user, provider.issuer, {}))) throw new UsageError(`${user.username} has no identity linked at ${provider.issuer}.`);
      print(`${user.username} is no longer linked to an identity at ${provider.issuer}; sso link joins it to one again.`);
      return;
    }
    default:
      throw new UsageError(SSO_USAGE);
  }
}
