/**
 * What the code step says, the same in the desktop app and the browser pages: a refusal in the words of
 * the kind of code that was sent, and expiry in place of whatever was said before it.
 */
import type { Problem } from './problem.js';
import type { CodeMethod } from './view.js';

/** A code answer that leaves the challenge unusable: the person has to start again with the password. */
export function challengeIsOver(problem: Problem | null): boolean {
  if (problem === null) return false;
  switch (problem.kind) {
    case 'challengeExpired':
      return true;
    case 'wrongCode':
    case 'wrongRecoveryCode':
      return problem.attemptsRemaining === 0;
    default:
      return false;
  }
}

/** The server refuses both kinds of code as `invalid_code`; a refused recovery code is told as one. */
export function problemForMethod(problem: Problem, method: CodeMethod): Problem {
  if (method !== 'recovery_code' || problem.kind !== 'wrongCode') return problem;
  return { kind: 'wrongRecoveryCode', attemptsRemaining: problem.attemptsRemaining, reason: problem.reason === 'already_used' ? 'already_used' : 'incorrect' };
}

/** Once the request has expired, that is all there is to say: it replaces an earlier wrong code or lock-out. */
export function shownCodeProblem(problem: Problem | null, expired: boolean): Problem | null {
  return expired ? { kind: 'challengeExpired' } : problem;
}
