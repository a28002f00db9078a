/** What every answer under /api/v1 has in common: its headers, and the schema its refusals are written with. */
import type { RouteOptions } from 'fastify';
import { Type } from 'typebox';

/**
 * JSON answers are never pages: nothing may run in them, frame them, sniff them into something else,
 * read them from another site, or keep them in a cache. Four headers say all of that; the pages' longer
 * set (helmet's) would cost every answer more than the rest of its headers together.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

/** api.md's error body, for writing (shared/api/schemas.ts's ApiErrorBody is the one that checks it). */
export const ErrorAnswer = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    attemptsRemaining: Type.Optional(Type.Integer()),
    retryAfter: Type.Optional(Type.Integer()),
    reason: Type.Optional(Type.String()),
  }),
});

/** An onRoute hook: the route's 4xx and 5xx answers are serialised from ErrorAnswer. */
export function withErrorAnswers(route: RouteOptions): void {
  const schema = route.schema ?? {};
  const response = (schema.response ?? {}) as Record<string, unknown>;
  route.schema = { ...schema, response: { ...response, '4xx': ErrorAnswer, '5xx': ErrorAnswer } };
}
