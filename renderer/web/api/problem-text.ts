/** The sentence a page shows for a failed request: field reasons when the server named fields, else the shared problem text. */
import { en } from '../../../shared/messages/en.js';
import { pagesEn } from '../../../shared/messages/pages-en.js';
import { problemOf } from './problem-of.js';
import type { Failure } from './web-api.js';

export function problemText(failure: Failure, now: number = Date.now()): string {
  if (failure.kind === 'api' && failure.code === 'invalid_request' && failure.fields !== undefined) {
    const reasons = Object.entries(failure.fields).map(([field, reason]) => pagesEn.field(pagesEn.fieldNames[field] ?? field, reason));
    if (reasons.length > 0) return reasons.join(' ');
  }
  return en.problem(problemOf(failure, now), now);
}
