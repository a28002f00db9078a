import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the enum is a const enum that isolated modules cannot import. */
const ARGON2ID = 2;

export interface Argon2Params {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** Argon2id for passwords and recovery codes; the parameters travel inside each hash string. */
export function hashSecret(value: string, params: Argon2Params): Promise<string> {
  return hash(value, { algorithm: ARGON2ID, ...params });
}

export async function verifySecret(hashed: string, value: string): Promise<boolean> {
  try {
    return await verify(hashed, value);
  } catch {
    return false;
  }
}
