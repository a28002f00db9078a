import { parseArgs } from 'node:util';
import type { ConfigOverrides } from '../config.js';
import { parseTrustedProxies } from '../http/trusted-proxies.js';
import { MAX_TRUSTED_COMPUTER_DAYS } from '../store/rows.js';

export const USAGE = `Stepgate reference server

Usage:
  npm run server -- serve [--host 127.0.0.1] [--port 4000] [--data DIR] [--database postgres://...] [--key-file FILE] [--public-url URL] [--totp-window 0|1|2] [--trust-proxy PROXIES] [--log-requests] [--config FILE]
  npm run server -- user create USERNAME [--admin] [--totp-required] [--display-name NAME] [--data DIR]   (password read from standard input)
  npm run server -- user set-password USERNAME [--data DIR]   (password read from standard input; ends the user's sessions and trusted computers)
  npm run server -- env set totp-enabled true|false [--data DIR]
  npm run server -- env set totp-required-for-all true|false [--data DIR]
  npm run server -- env set name NAME [--data DIR]
  npm run server -- env set sso-required-for-all true|false [--data DIR]
  npm run server -- env set trusted-computer-days 0-365 [--data DIR]   (0: no computer skips the code; 0 ends every trusted computer)
  npm run server -- env show [--data DIR]
  npm run server -- sso add ID --issuer URL --client-id ID --display-name NAME [--private-key-file FILE [--key-id KID]]
                    [--auth-method client_secret_basic|client_secret_post] [--scopes "openid profile email"]
                    [--username-claim preferred_username] [--unknown-users refuse|create] [--data DIR]
                    (the client secret is read from standard input unless --private-key-file is given)
  npm run server -- sso list|show ID|remove ID [--data DIR] [--config FILE]
  npm run server -- sso user USERNAME allowed|required|off [--data DIR]
  npm run server -- sso unlink USERNAME PROVIDER-ID [--data DIR]
  npm run server -- demo [--port 4000] [--data DIR]     (what npm start runs)

The database is SQLite in the data folder, unless --database (or $STEPGATE_DATABASE_URL) names a PostgreSQL
database (postgres://USER:PASSWORD@HOST:PORT/DATABASE), which several server processes can share; every
command takes --database. Several processes need the same encryption key: give each $STEPGATE_ENCRYPTION_KEY
or --key-file.
The encryption key for TOTP secrets is read from $STEPGATE_ENCRYPTION_KEY (base64 of 32 bytes), else from
--key-file, else from secret.key in the data folder (created with mode 0600 on first start).
--trust-proxy PROXIES names the reverse proxies in front of the server (addresses or CIDR ranges, comma-separated,
e.g. 10.0.0.5,10.0.1.0/24): the client address is the one the last of them put in X-Forwarded-For.
--config FILE reads JSON settings (TOTP window, challenge, sessions, throttling, Argon2id, identity providers); see README.md.
Options on the command line win over the file. --log-requests logs a line for every request (faults are always logged).`;

export class UsageError extends Error {}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly dataDir: string | undefined;
  /** --database, checked to be a PostgreSQL URL. */
  readonly database: string | undefined;
  readonly overrides: ConfigOverrides;
  readonly admin: boolean;
  readonly totpRequired: boolean;
  readonly displayName: string | undefined;
  readonly configFile: string | undefined;
  readonly logRequests: boolean;
  /** `sso add` options, as typed; checked by the sso command. */
  readonly sso: SsoOptions;
}

export interface SsoOptions {
  readonly issuer: string | undefined;
  readonly clientId: string | undefined;
  readonly authMethod: string | undefined;
  readonly privateKeyFile: string | undefined;
  readonly keyId: string | undefined;
  readonly scopes: string | undefined;
  readonly usernameClaim: string | undefined;
  readonly unknownUsers: string | undefined;
}

function port(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${value}"`);
  return n;
}

function totpWindow(value: string | undefined): 0 | 1 | 2 | undefined {
  if (value === undefined) return undefined;
  if (value === '0' || value === '1' || value === '2') return Number(value) as 0 | 1 | 2;
  throw new UsageError(`--totp-window must be 0, 1 or 2, not "${value}"`);
}

function publicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--public-url must be an absolute URL, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--public-url must be an http or https URL');
  return url.origin;
}

/** A PostgreSQL URL, from --database or $STEPGATE_DATABASE_URL (named by `source` in the error). */
export function databaseUrl(value: string | undefined, source = '--database'): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} must be a URL such as postgres://user:password@host:5432/stepgate`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new UsageError(`${source} must be a postgres:// URL, not ${url.protocol}//...`);
  return value;
}

/** `--trust-proxy` without the proxies it trusts: refused, rather than trusting any X-Forwarded-For a client writes. */
const BARE_TRUST_PROXY =
  '--trust-proxy needs the addresses of the proxies in front of the server, e.g. --trust-proxy 10.0.0.5 or --trust-proxy 10.0.0.5,10.0.1.0/24 ' +
  '(docs/deploying.md): alone it would believe any X-Forwarded-For a client writes.';

function trustedProxies(value: string): readonly string[] {
  try {
    return parseTrustedProxies(value, '--trust-proxy');
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const bare = argv.indexOf('--trust-proxy');
  if (bare !== -1 && (argv[bare + 1] === undefined || argv[bare + 1]?.startsWith('-') === true)) throw new UsageError(BARE_TRUST_PROXY);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        'key-file': { type: 'string' },
        'public-url': { type: 'string' },
        'totp-window': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'log-requests': { type: 'boolean', default: false },
        admin: { type: 'boolean', default: false },
        'totp-required': { type: 'boolean', default: false },
        'display-name': { type: 'string' },
        config: { type: 'string' },
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'auth-method': { type: 'string' },
        'private-key-file': { type: 'string' },
        'key-id': { type: 'string' },
        scopes: { type: 'string' },
        'username-claim': { type: 'string' },
        'unknown-users': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const overrides: Record<string, unknown> = {};
  if (v.host !== undefined) overrides['host'] = v.host;
  const p = port(v.port);
  if (p !== undefined) overrides['port'] = p;
  if (v['key-file'] !== undefined) overrides['keyFile'] = v['key-file'];
  const url = publicUrl(v['public-url']);
  if (url !== undefined) overrides['publicUrl'] = url;
  const w = totpWindow(v['totp-window']);
  if (w !== undefined) overrides['totp'] = { window: w };
  if (v['trust-proxy'] !== undefined) overrides['trustProxy'] = trustedProxies(v['trust-proxy']);
  return {
    positionals: parsed.positionals,
    dataDir: v.data,
    database: databaseUrl(v.database),
    overrides: overrides as ConfigOverrides,
    admin: v.admin === true,
    totpRequired: v['totp-required'] === true,
    displayName: v['display-name'],
    configFile: v.config,
    logRequests: v['log-requests'] === true,
    sso: {
      issuer: v.issuer,
      clientId: v['client-id'],
      authMethod: v['auth-method'],
      privateKeyFile: v['private-key-file'],
      keyId: v['key-id'],
      scopes: v.scopes,
      usernameClaim: v['username-claim'],
      unknownUsers: v['unknown-users'],
    },
  };
}

export function parseBoolean(value: string | undefined, setting: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`${setting} must be true or false, not "${value ?? ''}"`);
}

/** Trusted-computer days: a whole number from 0 (off) to 365. */
export function parseDays(value: string | undefined, setting: string): number {
  if (value !== undefined && /^[0-9]{1,3}$/.test(value) && Number(value) <= MAX_TRUSTED_COMPUTER_DAYS) return Number(value);
  throw new UsageError(`${setting} must be a whole number from 0 to ${MAX_TRUSTED_COMPUTER_DAYS}, not "${value ?? ''}"`);
}
