/**
 * The provider's client credential: a client secret, or a private key for private_key_jwt (RFC 7523).
 * Kept sealed in the database (AES-256-GCM, the provider's id as additional data), or read from a
 * file only its owner can read; opened just before use and never logged or returned.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open, seal } from '../crypto/secret-box.js';

export type Credential =
  | { readonly kind: 'client_secret'; readonly secret: string }
  | { readonly kind: 'private_key'; readonly pem: string };

/** Additional data: a sealed credential copied onto another provider's row does not open. */
export const credentialAad = (providerId: string): string => `stepgate/sso-client-credential/v1/${providerId}`;

export function sealCredential(key: Buffer, providerId: string, credential: Credential): Buffer {
  return seal(key, Buffer.from(JSON.stringify(credential), 'utf8'), credentialAad(providerId));
}

export function openCredential(key: Buffer, providerId: string, sealed: Buffer): Credential {
  const plain = open(key, sealed, credentialAad(providerId));
  const value = JSON.parse(plain.toString('utf8')) as Credential;
  plain.fill(0);
  return value;
}

/** A secret or key file must not be readable by others, as ssh insists for its keys. */
export function readSecretFile(path: string): string {
  if (process.platform !== 'win32') {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) throw new Error(`${path} can be read by other users (mode ${mode.toString(8)}); run: chmod 600 ${path}`);
  }
  const text = readFileSync(path, 'utf8').trim();
  if (text === '') throw new Error(`${path} is empty`);
  return text;
}

export type SigningAlgorithm = 'RS256' | 'ES256' | 'ES384' | 'EdDSA';

const SUBTLE_PARAMS: Readonly<Record<SigningAlgorithm, RsaHashedImportParams | EcKeyImportParams | Algorithm>> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  ES384: { name: 'ECDSA', namedCurve: 'P-384' },
  EdDSA: { name: 'Ed25519' },
};

function algorithmOf(key: KeyObject): SigningAlgorithm {
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (type === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return 'RS256';
  if (type === 'ec' && curve === 'prime256v1') return 'ES256';
  if (type === 'ec' && curve === 'secp384r1') return 'ES384';
  if (type === 'ed25519') return 'EdDSA';
  throw new Error('the private key must be RSA (2048 bits or more), EC P-256, EC P-384 or Ed25519');
}

/** A PEM private key as a non-extractable signing key, with the JWS algorithm that fits it. */
export async function importSigningKey(pem: string): Promise<{ readonly key: CryptoKey; readonly algorithm: SigningAlgorithm }> {
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey(pem);
  } catch {
    throw new Error('the private key is not a PEM private key');
  }
  const algorithm = algorithmOf(keyObject);
  const der = keyObject.export({ format: 'der', type: 'pkcs8' });
  const key = await crypto.subtle.importKey('pkcs8', der, SUBTLE_PARAMS[algorithm], false, ['sign']);
  der.fill(0);
  return { key, algorithm };
}
