/**
 * Why the code that started a lock-out was refused, said beside the lock where it is more than a wrong
 * code (a phone's clock, a code already used), in each catalogue's words.
 */
import type { CodeRefusalReason } from '../api/errors.js';

export type LockCauses = Readonly<Record<Exclude<CodeRefusalReason, 'incorrect'>, string>>;

export const lockCauseOf = (causes: LockCauses, reason: CodeRefusalReason | null): string | undefined =>
  reason === null || reason === 'incorrect' ? undefined : causes[reason];

/** The lock's sentence, then its cause when there is one worth saying. */
export const withLockCause = (sentence: string, causes: LockCauses, reason: CodeRefusalReason | null): string =>
  [sentence, lockCauseOf(causes, reason)].filter((s) => s !== undefined).join(' ');
