/**
 * The identity providers in force: those in the settings file and those added with `sso add`. The
 * database is read on every use, so `sso add` and `sso remove` apply to a running server at once.
 * An id configured in both places is a conflict: that provider is unusable until one is removed.
 * Every lookup takes the `View` (or `Tx`) it reads through, so a unit of work decides on what it sees.
 */
import type { SsoProviderInfo } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import type { View } from '../store/store.js';
import { openCredential, readSecretFile, type Credential } from './credentials.js';
import { settingsFromFileEntry, startPath, type SsoProviderSettings } from './provider-settings.js';

export type ProviderSource =
  | { readonly kind: 'file'; readonly credentialFile: string }
  | { readonly kind: 'database'; readonly credentialCiphertext: Buffer };

export interface SsoProvider extends SsoProviderSettings {
  readonly source: ProviderSource;
}

type RegistryContext = Pick<Context, 'store' | 'config' | 'key'>;

export function providerRegistry(ctx: RegistryContext) {
  const fromFile: readonly SsoProvider[] = ctx.config.sso.providers.map((entry) => ({
    ...settingsFromFileEntry(entry),
    source: { kind: 'file', credentialFile: entry.clientSecretFile ?? entry.privateKeyFile ?? '' },
  }));
  const fileIds = new Set(fromFile.map((p) => p.id));
  const fromDatabase = async (view: View): Promise<readonly SsoProvider[]> =>
    (await view.sso.providers.all()).map((p) => ({
      id: p.id,
      displayName: p.displayName,
      issuer: p.issuer,
      clientId: p.clientId,
      clientAuth: p.clientAuth,
      keyId: p.keyId,
      scopes: p.scopes,
      usernameClaim: p.usernameClaim,
      unknownUsers: p.unknownUsers,
      source: { kind: 'database', credentialCiphertext: p.credentialCiphertext },
    }));

  const registry = {
    /** Ids configured both in the settings file and in the database. */
    conflicts: async (view: View): Promise<readonly string[]> => (await fromDatabase(view)).filter((p) => fileIds.has(p.id)).map((p) => p.id),
    list: async (view: View): Promise<readonly SsoProvider[]> => {
      const stored = await fromDatabase(view);
      const conflicting = new Set(stored.filter((p) => fileIds.has(p.id)).map((p) => p.id));
      return [...fromFile, ...stored].filter((p) => !conflicting.has(p.id)).sort((a, b) => a.id.localeCompare(b.id));
    },
    find: async (view: View, id: string): Promise<SsoProvider | undefined> => (await registry.list(view)).find((p) => p.id === id),
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
    publicList: async (view: View, origin: string): Promise<readonly SsoProviderInfo[]> =>
      (await registry.list(view)).map((p) => ({ id: p.id, displayName: p.displayName, startUrl: `${origin}${startPath(p.id)}` })),
    /**
     * Fail closed at start: a conflict or a credential that cannot be read stops the server with its
     * cause, rather than leaving a sign-in button that can only fail.
     */
    assertUsable: async (): Promise<void> => {
      const { conflicts, providers } = await ctx.store.read(async (view) => ({ conflicts: await registry.conflicts(view), providers: await registry.list(view) }));
      if (conflicts.length > 0) {
        throw new Error(`Identity provider ${conflicts.join(', ')} is configured both in the settings file and with "sso add"; remove one of them.`);
      }
      for (const provider of providers) {
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
