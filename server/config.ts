import type { SsoProviderFileEntry } from './sso/provider-settings.js';

/** Server settings: defaults here, overridden by the command line or by tests. */
export interface ThrottleConfig {
  /** Code and recovery-code failures: possible only after the right password, so they lock the account. */
  readonly account: {
    /** The consecutive failure that starts the first lock. */
    readonly lockAfterFailures: number;
    /** First lock; every further failure doubles it, up to maxLockSeconds. */
    readonly baseLockSeconds: number;
    readonly maxLockSeconds: number;
    /** Hard ceiling per rolling hour, whatever the locks allow (OWASP: at most 100). */
    readonly maxFailuresPerHour: number;
  };
  /**
   * Password failures for one username from one client address: that pair locks, growing like the
   * account's lock, and nothing else does, so a stranger's guesses cannot lock the real user out.
   */
  readonly password: {
    readonly lockAfterFailures: number;
    readonly baseLockSeconds: number;
    readonly maxLockSeconds: number;
  };
  /**
   * Password failures for one username across all client addresses: only slowed down, never locked.
   * Within windowSeconds, the first freeFailures cost nothing; each further one makes the username wait
   * baseDelaySeconds, doubling up to maxDelaySeconds, before its next password is checked.
   */
  readonly username: {
    readonly freeFailures: number;
    readonly windowSeconds: number;
    readonly baseDelaySeconds: number;
    readonly maxDelaySeconds: number;
  };
  readonly address: {
    /** Failures from one client address across all accounts within windowSeconds. */
    readonly maxFailures: number;
    readonly windowSeconds: number;
  };
  /** Coarse request cap per client address on the sign-in routes. */
  readonly authRequestsPerMinute: number;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Origin the browser pages are reached at; defaults to http://host:port. */
  readonly publicUrl: string | undefined;
  readonly dataDir: string;
  /** A PostgreSQL URL: the store shared by several server processes. Unset: SQLite in dataDir. */
  readonly database: string | undefined;
  /** Encryption key supplied by the operator (file path); otherwise a key file in dataDir. */
  readonly keyFile: string | undefined;
  readonly issuer: string;
  /**
   * The reverse proxies whose X-Forwarded-For entries are believed (addresses, CIDR ranges, or loopback,
   * linklocal, uniquelocal); the client address is the one the last of them saw. Empty: the peer's own.
   */
  readonly trustProxy: readonly string[];
  readonly logRequests: boolean;
  /** The built browser pages (index.html and assets/); defaults to dist/web in the project. */
  readonly webDir: string | undefined;
  /**
   * window: steps either side of now a code is accepted in. skewDetectionSeconds: how far from now a code
   * is still recognised (never accepted, counted as a failure) to tell the person their phone's clock is off.
   */
  readonly totp: { readonly window: 0 | 1 | 2; readonly skewDetectionSeconds: number };
  readonly challenge: { readonly ttlSeconds: number; readonly maxAttempts: number };
  readonly sessions: { readonly ttlSeconds: number; readonly enrollmentTtlSeconds: number };
  readonly enrollment: { readonly pendingTtlSeconds: number; readonly maxConfirmAttempts: number };
  readonly throttle: ThrottleConfig;
  readonly argon2: { readonly memoryCost: number; readonly timeCost: number; readonly parallelism: number };
  /** Identity providers declared in the settings file (others are added with `sso add` and kept in the database). */
  readonly sso: { readonly providers: readonly SsoProviderFileEntry[] };
}

type DeepPartial<T> = {
  readonly [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};
export type ConfigOverrides = DeepPartial<ServerConfig>;

export const DEFAULT_CONFIG: Omit<ServerConfig, 'dataDir'> = {
  host: '127.0.0.1',
  port: 4000,
  publicUrl: undefined,
  database: undefined,
  keyFile: undefined,
  issuer: 'Stepgate',
  trustProxy: [],
  logRequests: false,
  webDir: undefined,
  totp: { window: 1, skewDetectionSeconds: 300 },
  challenge: { ttlSeconds: 300, maxAttempts: 5 },
  sessions: { ttlSeconds: 12 * 3600, enrollmentTtlSeconds: 15 * 60 },
  enrollment: { pendingTtlSeconds: 10 * 60, maxConfirmAttempts: 5 },
  throttle: {
    account: { lockAfterFailures: 3, baseLockSeconds: 60, maxLockSeconds: 3600, maxFailuresPerHour: 100 },
    password: { lockAfterFailures: 5, baseLockSeconds: 60, maxLockSeconds: 3600 },
    username: { freeFailures: 10, windowSeconds: 3600, baseDelaySeconds: 1, maxDelaySeconds: 60 },
    address: { maxFailures: 30, windowSeconds: 15 * 60 },
    authRequestsPerMinute: 300,
  },
  // OWASP's first Argon2id recommendation: 19 MiB, 2 passes, 1 lane.
  argon2: { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 },
  sso: { providers: [] },
};

export function makeConfig(dataDir: string, overrides: ConfigOverrides = {}): ServerConfig {
  const d = DEFAULT_CONFIG;
  const o = overrides;
  return {
    ...d,
    ...o,
    dataDir,
    publicUrl: o.publicUrl ?? d.publicUrl,
    database: o.database ?? d.database,
    keyFile: o.keyFile ?? d.keyFile,
    webDir: o.webDir ?? d.webDir,
    totp: { ...d.totp, ...o.totp },
    challenge: { ...d.challenge, ...o.challenge },
    sessions: { ...d.sessions, ...o.sessions },
    enrollment: { ...d.enrollment, ...o.enrollment },
    throttle: {
      ...d.throttle,
      ...o.throttle,
      account: { ...d.throttle.account, ...o.throttle?.account },
      password: { ...d.throttle.password, ...o.throttle?.password },
      username: { ...d.throttle.username, ...o.throttle?.username },
      address: { ...d.throttle.address, ...o.throttle?.address },
    },
    argon2: { ...d.argon2, ...o.argon2 },
    sso: { providers: o.sso?.providers ?? d.sso.providers },
  };
}

export function publicOrigin(config: ServerConfig, boundPort: number): string {
  if (config.publicUrl !== undefined) return config.publicUrl.replace(/\/+$/, '');
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${boundPort}`;
}
