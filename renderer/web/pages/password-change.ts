/**
 * The change-password form's checks and the server's refusals, as one union of problems, each tied
 * to the field a person fixes it in: what the page says and where focus goes follow from it.
 */
import { NewPassword } from '../../../shared/api/schemas.js';
import { parseFieldReason, type FieldReason } from '../../../shared/messages/field-reason.js';
import type { Problem } from '../../../shared/ipc/problem.js';
import { problemOf } from '../api/problem-of.js';
import type { Failure } from '../api/web-api.js';

/** The schema's own minimum (TypeBox keeps it on the schema object), so the form and the server never disagree. */
const schemaMin: unknown = (NewPassword as { readonly minLength?: unknown }).minLength;
export const NEW_PASSWORD_MIN = typeof schemaMin === 'number' ? schemaMin : 1;

export type PasswordChangeProblem =
  | { readonly kind: 'currentMissing' }
  | { readonly kind: 'newTooShort' }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'wrongCurrent' }
  /** The server refused a field for a reason of its own. */
  | { readonly kind: 'refused'; readonly field: PasswordChangeField; readonly reason: FieldReason }
  /** Anything else, a lock-out with its countdown included, in the words every page uses. */
  | { readonly kind: 'other'; readonly problem: Problem };

export type PasswordChangeField = 'current' | 'new' | 'repeat';

/** What is wrong before anything is sent, first field first; null when the form may be sent. */
export function checkPasswordChange(current: string, next: string, repeat: string): PasswordChangeProblem | null {
  if (current === '') return { kind: 'currentMissing' };
  if (next.length < NEW_PASSWORD_MIN) return { kind: 'newTooShort' };
  if (next !== repeat) return { kind: 'mismatch' };
  return null;
}

const SERVER_FIELDS: Readonly<Record<string, PasswordChangeField>> = { currentPassword: 'current', newPassword: 'new' };

/** A refused POST /me/password as the problem the form shows. */
export function passwordChangeRefusal(failure: Failure, now: number): PasswordChangeProblem {
  if (failure.kind === 'api' && failure.code === 'invalid_credentials') return { kind: 'wrongCurrent' };
  if (failure.kind === 'api' && failure.code === 'invalid_request') {
    for (const [name, reason] of Object.entries(failure.fields ?? {})) {
      const field = SERVER_FIELDS[name];
      if (field !== undefined) return { kind: 'refused', field, reason: parseFieldReason(reason) };
    }
  }
  return { kind: 'other', problem: problemOf(failure, now) };
}

/** The field to put focus in and mark, or null when the problem is not any one field's. */
export function problemField(problem: PasswordChangeProblem): PasswordChangeField | null {
  switch (problem.kind) {
    case 'currentMissing':
    case 'wrongCurrent':
      return 'current';
    case 'newTooShort':
      return 'new';
    case 'mismatch':
      return 'repeat';
    case 'refused':
      return problem.field;
    case 'other':
      return null;
  }
}
