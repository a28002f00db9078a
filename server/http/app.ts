import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Context } from '../context.js';
import type { Operations } from '../operations.js';
import { tooManyAttempts } from '../refusal.js';
import { adminRoutes } from '../routes/admin.js';
import { authRoutes } from '../routes/auth.js';
import { handoffRoutes } from '../routes/handoff.js';
import { meRoutes } from '../routes/me.js';
import { publicRoutes } from '../routes/public.js';
import { registerPages, type Pages } from '../pages/register-pages.js';
import { ssoRoutes } from '../sso/sso-routes.js';
import { API_PREFIX } from './api-path.js';
import { answerClientError, answerConnect, answerExpectation } from './raw-refusals.js';
import { handleError, handleNotFound, handleRouterRefusal } from './error-handler.js';
import { API_HEADERS, withErrorAnswers } from './api-answers.js';
import { acceptEmptyBodyOfAnyType } from './empty-body.js';
import { frameworkTrustProxy } from './trusted-proxies.js';

export const BODY_LIMIT_BYTES = 16 * 1024;
/** Node's default limit (16 KiB) for the request line and headers together: no path parameter can be longer. */
const MAX_HEADER_BYTES = 16 * 1024;

export interface LogStream {
  write(line: string): void;
}

/** The server's HTTP side: the API's routes under /api/v1, the browser pages, every refusal. */
export function buildApp(ctx: Context, ops: Operations, logStream?: LogStream): Promise<FastifyInstance> {
  return buildHttpApp(ctx, (pages) => [publicRoutes(ctx), authRoutes(ctx), handoffRoutes(ctx), meRoutes(ctx), adminRoutes(ctx, ops), ssoRoutes(ctx, pages)], logStream);
}

/** The same with the API routes given: everything around them (hooks, pages, refusals) as the server has it. */
export async function buildHttpApp(
  ctx: Context,
  apiRoutes: (pages: Pages) => readonly FastifyPluginAsyncTypebox[],
  logStream?: LogStream,
): Promise<FastifyInstance> {
  const logRequests = ctx.config.logRequests;
  const app = Fastify<Server>({
    bodyLimit: BODY_LIMIT_BYTES,
    // As long as a request line can be, so an over-long id gets the schema's invalid_request naming it.
    routerOptions: { maxParamLength: MAX_HEADER_BYTES },
    frameworkErrors: handleRouterRefusal,
    clientErrorHandler: answerClientError,
    trustProxy: frameworkTrustProxy(ctx.config.trustProxy),
    // Server faults are always logged. Requests only on request (--log-requests): the audit trail already
    // records every sign-in attempt, and a log line per request costs more than the request's own work.
    // Only ids and paths are logged; headers, bodies and query strings (where secrets could travel) are not.
    logger: {
      level: logRequests ? 'info' : 'warn',
      ...(logStream === undefined ? {} : { stream: logStream }),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { req: (r) => ({ method: r.method, url: r.routeOptions?.url ?? 'unmatched', remoteAddress: r.ip }) },
    },
    logController: new LogController({ disableRequestLogging: !logRequests }),
    // Without request logging, requests share the server's logger rather than each making a child of it.
    ...(logRequests ? {} : { childLoggerFactory: (logger) => logger }),
    ajv: {
      // Unknown fields and wrong types are refused, not silently dropped or coerced.
      customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.server.on('connect', answerConnect);
  app.server.on('checkExpectation', answerExpectation);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);

  await app.register(rateLimit, {
    global: false,
    // The limit is told only when it is reached (429 with Retry-After), not on every answer.
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': false },
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, limit) => tooManyAttempts(Math.max(1, Math.ceil(limit.ttl / 1000))),
  });
  const pages = await registerPages(app, ctx, ctx.config.webDir === undefined ? {} : { distDir: ctx.config.webDir });

  await app.register(
    async (api) => {
      // Every route's refusals are serialised by a schema too, like its answers.
      api.addHook('onRoute', withErrorAnswers);
      api.addHook('onRoute', acceptEmptyBodyOfAnyType);
      // One fixed set of headers for JSON answers (the pages' security headers are for pages). Answers
      // carry tokens, secrets and recovery codes: no cache anywhere may keep them.
      api.addHook('onSend', (_request, reply, payload, done) => {
        void reply.headers(API_HEADERS);
        done(null, payload);
      });
      for (const routes of apiRoutes(pages)) await api.register(routes);
    },
    { prefix: API_PREFIX },
  );
  return app;
}
