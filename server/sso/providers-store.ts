import type { Db } from '../db/database.js';
import { sql } from '../db/statements.js';
import type { ClientAuthMethod, SsoProviderSettings, UnknownUserPolicy } from './provider-settings.js';

/** A provider added with `sso add`: its settings and its sealed credential. */
export interface StoredProvider extends SsoProviderSettings {
  readonly credentialCiphertext: Buffer;
  readonly createdAt: number;
}

interface RawProvider {
  id: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_auth: ClientAuthMethod;
  credential_ciphertext: Buffer;
  key_id: string | null;
  scopes: string;
  username_claim: string;
  unknown_users: UnknownUserPolicy;
  created_at: number;
}

const toProvider = (r: RawProvider): StoredProvider => ({
  id: r.id,
  displayName: r.display_name,
  issuer: r.issuer,
  clientId: r.client_id,
  clientAuth: r.client_auth,
  keyId: r.key_id ?? undefined,
  scopes: r.scopes.split(' '),
  usernameClaim: r.username_claim,
  unknownUsers: r.unknown_users,
  credentialCiphertext: r.credential_ciphertext,
  createdAt: r.created_at,
});

export function providersStore(db: Db) {
  return {
    all: (): readonly StoredProvider[] => (sql(db, 'SELECT * FROM sso_providers ORDER BY id').all() as RawProvider[]).map(toProvider),
    byId: (id: string): StoredProvider | undefined => {
      const r = sql(db, 'SELECT * FROM sso_providers WHERE id = ?').get(id) as RawProvider | undefined;
      return r && toProvider(r);
    },
    /** False when the id is taken. */
    insert: (p: StoredProvider): boolean =>
      sql(
        db,
        `INSERT INTO sso_providers (id, display_name, issuer, client_id, client_auth, credential_ciphertext, key_id, scopes, username_claim, unknown_users, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
      ).run(p.id, p.displayName, p.issuer, p.clientId, p.clientAuth, p.credentialCiphertext, p.keyId ?? null, p.scopes.join(' '), p.usernameClaim, p.unknownUsers, p.createdAt)
        .changes === 1,
    delete: (id: string): boolean => sql(db, 'DELETE FROM sso_providers WHERE id = ?').run(id).changes === 1,
  };
}
export type ProvidersStore = ReturnType<typeof providersStore>;
