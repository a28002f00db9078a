/** The sentence a page shows for a failed request: field reasons when the server named fields, else the shared problem text. */
import { messagesFor, pagesMessagesFor } from '../../../shared/messages/catalogue.js';
import { parseFieldReason } from '../../../shared/messages/field-reason.js';
import type { UiLanguage } from '../../../shared/messages/language.js';
import { problemOf } from './problem-of.js';
import type { Failure } from './web-api.js';

export function problemText(failure: Failure, language: UiLanguage, now: number = Date.now()): string {
  if (failure.kind === 'api' && failure.code === 'invalid_request' && failure.fields !== undefined) {
    const reasons = Object.entries(failure.fields).map(([field, reason]) => pagesMessagesFor(language).field(field, parseFieldReason(reason)));
    if (reasons.length > 0) return reasons.join(' ');
  }
  return messagesFor(language).problem(problemOf(failure, now), now);
}
