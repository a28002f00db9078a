/**
 * The identity providers in force: those in the settings file and those added with `sso add`. The
 * database is read on every use, so `sso add` and `sso remove` apply to a running server at once.
 * An id configured in both places is a conflict: that provider is unusable until one is removed.
 */
import type { SsoProviderInfo } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { openCredential, readSecretFile, type Credential } from './credentials.js';
import { settingsFromFileEntry, startPath, type SsoProviderSettings } from './provider-settings.js';
import { providersStore } from './providers-store.js';

export type ProviderSource =
  | { readonly kind: 'file'; readonly credentialFile: string }
  | { readonly kind: 'database'; readonly credentialCiphertext: Buffer };

export interface SsoProvider extends SsoProviderSettings {
  readonly source: ProviderSource;
}

type RegistryContext = Pick<Context, 'db' | 'config' | 'key'>;

export function providerRegistry(ctx: RegistryContext) {
  const stored = providersStore(ctx.db);
  const fromFile: readonly SsoProvider[] = ctx.config.sso.providers.map((entry) => ({
    ...settingsFromFileEntry(entry),
    source: { kind: 'file', credentialFile: entry.clientSecretFile ?? entry.privateKeyFile ?? '' },
  }));
  const fileIds = new Set(fromFile.map((p) => p.id));
  const fromDatabase = (): readonly SsoProvider[] =>
    stored.all().map((p) => ({ ...p, source: { kind: 'database', credentialCiphertext: p.credentialCiphertext } }));

  const registry = {
    /** Ids configured both in the settings file and in the database. */
    conflicts: (): readonly string[] => fromDatabase().filter((p) => fileIds.has(p.id)).map((p) => p.id),
    list: (): readonly SsoProvider[] => {
      const conflicting = new Set(registry.conflicts());
      return [...fromFile, ...fromDatabase()].filter((p) => !conflicting.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
    },
    find: (id: string): SsoProvider | undefined => registry.list().find((p) => p.id === id),
    /** Opens the credential just before use; throws with the cause when it cannot be read. */
    credential: (provider: SsoProvider): Credential => {
      switch (provider.source.kind) {
        case 'file': {
          const text = readSecretFile(provider.source.credentialFile);
          return provider.clientAuth === 'private_key_jwt' ? { kind: 'private_key', pem: text } : { kind: 'client_secret', secret: text };
        }
        case 'database':
          return openCredential(ctx.key, provider.id, provider.source.credentialCiphertext);
      }
    },
    /** For GET /info: ids, names and where to start; never a secret. */
    publicList: (origin: string): readonly SsoProviderInfo[] =>
      registry.list().map((p) => ({ id: p.id, displayName: p.displayName, startUrl: `${origin}${startPath(p.id)}` })),
    /**
     * Fail closed at start: a conflict or a credential that cannot be read stops the server with its
     * cause, rather than leaving a sign-in button that can only fail.
     */
    assertUsable: (): void => {
      const conflicts = registry.conflicts();
      if (conflicts.length > 0) {
        throw new Error(`Identity provider ${conflicts.join(', ')} is configured both in the settings file and with "sso add"; remove one of them.`);
      }
      for (const provider of registry.list()) {
        try {
          registry.credential(provider);
        } catch (error) {
          throw new Error(`The credential of identity provider ${provider.id} cannot be read: ${(error as Error).message}`);
        }
      }
    },
  };
  return registry;
}
export type ProviderRegistry = ReturnType<typeof providerRegistry>;
