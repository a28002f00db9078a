import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HandoffCodeRequest, HandoffInspectResponse, HandoffRedeemResponse, HandoffRequest, HandoffResponse } from '../../shared/api/schemas.js';
import { inspectHandoff, issueHandoff, redeemHandoff } from '../auth/handoff.js';
import { grant, sessionEnded } from '../auth/session-rules.js';
import type { Context } from '../context.js';
import { hashToken } from '../crypto/tokens.js';
import { ErrorAnswer } from '../http/api-answers.js';
import { bearerToken } from '../http/request-session.js';

/** The desktop app's hand-off of its sign-in to the browser (docs/api.md, "Hand-off to the browser"). */
export const handoffRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    const rateLimit = { max: ctx.config.throttle.authRequestsPerMinute, timeWindow: 60_000 };

    app.post('/auth/handoff', { config: { rateLimit }, schema: { body: HandoffRequest, response: { 201: HandoffResponse, '4xx': ErrorAnswer } } }, async (request, reply) => {
      // The app's bearer session only: a browser page has nothing to hand off.
      const token = bearerToken(request);
      if (token === undefined) throw sessionEnded();
      const access = await grant(ctx, hashToken(token), 'hand_off');
      return reply.code(201).send(await issueHandoff(ctx, access, request.body.next, request.ip));
    });

    app.post('/auth/handoff/inspect', { config: { rateLimit }, schema: { body: HandoffCodeRequest, response: { 200: HandoffInspectResponse, '4xx': ErrorAnswer } } }, (request) =>
      inspectHandoff(ctx, request.body.code),
    );

    app.post('/auth/handoff/redeem', { config: { rateLimit }, schema: { body: HandoffCodeRequest, response: { 200: HandoffRedeemResponse, '4xx': ErrorAnswer } } }, (request) =>
      redeemHandoff(ctx, request.body.code, request.ip),
    );
  };
