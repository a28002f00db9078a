import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddAuthenticatorRequest,
  ConfirmAuthenticatorRequest,
  ConfirmAuthenticatorResponse,
  IdParams,
  MeResponse,
  NoBody,
  PendingAuthenticator,
  RecoveryCodesResponse,
} from '../../shared/api/schemas.js';
import { publicUser } from '../auth/sessions.js';
import { isTotpRequired } from '../auth/sign-in.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import {
  addAuthenticator,
  confirmAuthenticator,
  publicAuthenticator,
  regenerateRecoveryCodes,
  removeAuthenticator,
} from '../enrollment/enrollment.js';
import { authenticate } from '../http/session-auth.js';

export const meRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/me', { schema: { response: { 200: MeResponse } } }, async (request) => {
      const { session, user } = authenticate(ctx, request, 'full');
      return {
        user: publicUser(user),
        totp: {
          environmentEnabled: ctx.settings.environment().totpEnabled,
          required: isTotpRequired(ctx, user),
          authenticators: ctx.authenticators.confirmed(user.id).map(publicAuthenticator),
          recoveryCodesRemaining: ctx.recoveryCodes.countUnused(user.id),
        },
        session: { expiresAt: isoTime(session.expiresAt) },
      };
    });

    app.post(
      '/me/authenticators',
      { schema: { body: AddAuthenticatorRequest, response: { 201: PendingAuthenticator } } },
      async (request, reply) => {
        const { user } = authenticate(ctx, request, 'enrollment');
        const pending = await addAuthenticator(ctx, user, request.body.name, request.ip);
        return reply.code(201).send(pending);
      },
    );

    app.post(
      '/me/authenticators/:id/confirm',
      { schema: { params: IdParams, body: ConfirmAuthenticatorRequest, response: { 200: ConfirmAuthenticatorResponse } } },
      async (request) => {
        const { session, user } = authenticate(ctx, request, 'enrollment');
        return confirmAuthenticator(ctx, session, user, request.params.id, request.body.code, request.ip);
      },
    );

    app.delete('/me/authenticators/:id', { schema: { params: IdParams } }, async (request, reply) => {
      const { session, user } = authenticate(ctx, request, 'full');
      removeAuthenticator(ctx, session, user, request.params.id, request.ip);
      return reply.code(204).send();
    });

    app.post('/me/recovery-codes', { schema: { body: NoBody, response: { 200: RecoveryCodesResponse } } }, async (request) => {
      const { user } = authenticate(ctx, request, 'full');
      return { recoveryCodes: [...(await regenerateRecoveryCodes(ctx, user, request.ip))] };
    });
  };
