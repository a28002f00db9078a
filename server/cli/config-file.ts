import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import Value from 'typebox/value';
import type { ConfigOverrides } from '../config.js';
import { fileEntryProblems, SsoProviderFileEntry } from '../sso/provider-settings.js';

const strict = { additionalProperties: false } as const;
const seconds = Type.Integer({ minimum: 1, maximum: 30 * 24 * 3600 });
const count = Type.Integer({ minimum: 1, maximum: 1_000_000 });

/** What an operator may tune in `serve --config FILE`; every key optional, unknown keys refused. */
export const ConfigFile = Type.Object(
  {
    totp: Type.Optional(Type.Object({ window: Type.Optional(Type.Unsafe<0 | 1 | 2>(Type.Integer({ minimum: 0, maximum: 2 }))) }, strict)),
    challenge: Type.Optional(Type.Object({ ttlSeconds: Type.Optional(Type.Integer({ minimum: 30, maximum: 300 })), maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })) }, strict)),
    sessions: Type.Optional(Type.Object({ ttlSeconds: Type.Optional(seconds), enrollmentTtlSeconds: Type.Optional(seconds) }, strict)),
    enrollment: Type.Optional(Type.Object({ pendingTtlSeconds: Type.Optional(seconds), maxConfirmAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })) }, strict)),
    throttle: Type.Optional(
      Type.Object(
        {
          account: Type.Optional(
            Type.Object(
              {
                lockAfterFailures: Type.Optional(count),
                baseLockSeconds: Type.Optional(seconds),
                maxLockSeconds: Type.Optional(seconds),
                // OWASP: no more than 100 failed attempts an hour per account.
                maxFailuresPerHour: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
              },
              strict,
            ),
          ),
          address: Type.Optional(Type.Object({ maxFailures: Type.Optional(count), windowSeconds: Type.Optional(seconds) }, strict)),
          authRequestsPerMinute: Type.Optional(count),
        },
        strict,
      ),
    ),
    argon2: Type.Optional(
      Type.Object(
        {
          memoryCost: Type.Optional(Type.Integer({ minimum: 8 * 1024, maximum: 4 * 1024 * 1024 })),
          timeCost: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
          parallelism: Type.Optional(Type.Integer({ minimum: 1, maximum: 16 })),
        },
        strict,
      ),
    ),
    sso: Type.Optional(Type.Object({ providers: Type.Optional(Type.Array(SsoProviderFileEntry, { maxItems: 20 })) }, strict)),
  },
  strict,
);
export type ConfigFile = Static<typeof ConfigFile>;

/** Reads and checks a settings file; every problem is named by its path, and nothing is half-applied. */
export function parseConfigFile(text: string, source: string): ConfigOverrides {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = Value.Errors(ConfigFile, value)
    .filter((e) => e.keyword !== 'boolean')
    .map((e) => {
      const extra = e.params as { additionalProperties?: readonly string[] };
      const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return extra.additionalProperties !== undefined
        ? `${[path, ...extra.additionalProperties].filter((p) => p !== '').join('.')}: unknown setting`
        : `${path === '' ? '(top level)' : path}: ${e.message}`;
    });
  if (problems.length === 0) problems.push(...ssoProblems(value as ConfigFile));
  if (problems.length > 0) throw new Error(`${source} has settings that cannot be used:\n  ${[...new Set(problems)].join('\n  ')}`);
  return value as ConfigFile;
}

/** Identity providers: each entry's own checks, and ids used once. */
function ssoProblems(file: ConfigFile): readonly string[] {
  const providers = file.sso?.providers ?? [];
  const problems = providers.flatMap((entry, i) => fileEntryProblems(entry, `sso.providers.${i}`));
  const seen = new Set<string>();
  providers.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push(`sso.providers.${i}.id: "${entry.id}" is used by an earlier provider`);
    seen.add(entry.id);
  });
  return problems;
}

export function readConfigFile(path: string): ConfigOverrides {
  const config = parseConfigFile(readFileSync(path, 'utf8'), path);
  const providers = config.sso?.providers;
  if (providers === undefined) return config;
  // A secret or key file named in the settings file is found beside it, wherever the server is started.
  const near = (file: string) => resolve(dirname(path), file);
  const resolved = providers.map(({ clientSecretFile, privateKeyFile, ...rest }) => ({
    ...rest,
    ...(clientSecretFile === undefined ? {} : { clientSecretFile: near(clientSecretFile) }),
    ...(privateKeyFile === undefined ? {} : { privateKeyFile: near(privateKeyFile) }),
  }));
  return { ...config, sso: { providers: resolved } };
}
