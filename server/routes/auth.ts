import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CodeAcceptedResponse, LoginRequest, LoginResponse, NoBody, RecoveryRequest, RecoveryResponse, TotpRequest } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { login, verifyRecoveryCode, verifyTotp } from '../auth/sign-in.js';
import { logout } from '../auth/sessions.js';
import { ErrorAnswer } from '../http/api-answers.js';
import { answer } from '../http/error-handler.js';
import { trustedComputerCookieToken } from '../http/request-session.js';
import { authenticate } from '../http/session-auth.js';

export const authRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    const rateLimit = { max: ctx.config.throttle.authRequestsPerMinute, timeWindow: 60_000 };
    // Refusals are returned as their error body (see `answer`); '4xx' types them (withErrorAnswers writes them).

    app.post(
      '/auth/login',
      { config: { rateLimit }, schema: { body: LoginRequest, response: { 200: LoginResponse, '4xx': ErrorAnswer } } },
      (request, reply) => {
        // The pages' cookie mode keeps the token in an HttpOnly cookie the page cannot put in the body.
        const cookieToken = request.body.trustedComputerToken === undefined ? trustedComputerCookieToken(request) : undefined;
        return answer(reply, login(ctx, cookieToken === undefined ? request.body : { ...request.body, trustedComputerToken: cookieToken }, request.ip));
      },
    );

    app.post(
      '/auth/totp',
      { config: { rateLimit }, schema: { body: TotpRequest, response: { 200: CodeAcceptedResponse, '4xx': ErrorAnswer } } },
      (request, reply) => answer(reply, verifyTotp(ctx, request.body, request.ip)),
    );

    app.post(
      '/auth/recovery',
      { config: { rateLimit }, schema: { body: RecoveryRequest, response: { 200: RecoveryResponse, '4xx': ErrorAnswer } } },
      (request, reply) => answer(reply, verifyRecoveryCode(ctx, request.body, request.ip)),
    );

    app.post('/auth/logout', { config: { rateLimit }, schema: { body: NoBody } }, async (request, reply) => {
      await logout(ctx, await authenticate(ctx, request, 'logout'), request.ip);
      return reply.code(204).send();
    });
  };
