import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/** `Algorithm.Argon2id`: the enum is a const enum that isolated modules cannot import. */
const ARGON2ID = 2;

export interface Argon2Params {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/**
 * Argon2 is CPU-bound and takes its memory cost (19 MiB by default) for each hash while it runs: more at
 * once than there are cores finishes none sooner, and only holds more memory. The rest wait their turn.
 */
const oneHashPerCore = pLimit(availableParallelism());

/** Argon2id for passwords and recovery codes; the parameters travel inside each hash string. */
export function hashSecret(value: string, params: Argon2Params): Promise<string> {
  return oneHashPerCore(() => hash(value, { algorithm: ARGON2ID, ...params }));
}

export function verifySecret(hashed: string, value: string): Promise<boolean> {
  return oneHashPerCore(() => verify(hashed, value).catch(() => false));
}
