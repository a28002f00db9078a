/**
 * A refusal: the server declining a request for a reason the person (or client) is meant to see. Made by
 * the domain (sign-in, enrollment, administration, the session rules) in the API's vocabulary of codes;
 * the HTTP layer turns it into a status and api.md's error body, the command line into a sentence.
 *
 * Refusals are expected (a wrong code is most of what the sign-in route answers), so they are thrown
 * without a stack trace: capturing one costs more than the rest of the refusal, and none is ever shown.
 */
import type { ApiErrorCode } from '../shared/api/errors.js';

export interface RefusalDetails {
  readonly fields?: Readonly<Record<string, string>>;
  readonly attemptsRemaining?: number;
  readonly retryAfter?: number;
  /** invalid_code, and the too_many_attempts a refused code starts: why the code was refused (server/auth/sign-in.ts, CodeRefusalReason). */
  readonly reason?: string;
}

export class Refusal extends Error {
  readonly code: ApiErrorCode;
  readonly details: RefusalDetails;

  constructor(code: ApiErrorCode, message: string, details: RefusalDetails = {}) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.details = details;
  }
}

// `Error` is built-in: make the subclass's name show in logs and inspectors.
Refusal.prototype.name = 'Refusal';

export const invalidRequest = (fields: Readonly<Record<string, string>>): Refusal => new Refusal('invalid_request', 'The request is not valid.', { fields });

/** `reason`: why the code whose refusal started this lock-out was refused, so a client can keep saying it. */
export const tooManyAttempts = (retryAfter: number, attemptsRemaining?: number, reason?: string): Refusal =>
  new Refusal('too_many_attempts', `Too many attempts. Try again in ${retryAfter} seconds.`, {
    retryAfter,
    ...(attemptsRemaining === undefined ? {} : { attemptsRemaining }),
    ...(reason === undefined ? {} : { reason }),
  });

export const notFound = (message: string): Refusal => new Refusal('not_found', message);

export const forbidden = (message: string): Refusal => new Refusal('forbidden', message);
