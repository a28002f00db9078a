import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AddAuthenticatorRequest,
  ChangePasswordRequest,
  ConfirmAuthenticatorRequest,
  ConfirmAuthenticatorResponse,
  IdParams,
  MeResponse,
  NoBody,
  PendingAuthenticator,
  RecoveryCodesResponse,
  IssuedTrustedComputer,
  TrustThisComputerRequest,
} from '../../shared/api/schemas.js';
import { publicUser } from '../auth/sessions.js';
import { isTotpRequired } from '../auth/environment.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { confirmAuthenticator } from '../enrollment/confirm.js';
import { addAuthenticator, publicAuthenticator, regenerateRecoveryCodes, removeAuthenticator } from '../enrollment/enrollment.js';
import { changeOwnPassword } from '../auth/password-change.js';
import { hashToken } from '../crypto/tokens.js';
import { sendRefusal } from '../http/error-handler.js';
import { trustedComputerCookieEnded, trustedComputerCookieToken } from '../http/request-session.js';
import { authenticate } from '../http/session-auth.js';
import { forgetOwnTrustedComputers, listTrustedComputers, revokeOwnTrustedComputer } from '../trusted/manage.js';
import { takeTrustOffer } from '../trusted/offer.js';

export const meRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/me', { schema: { response: { 200: MeResponse } } }, async (request) => {
      const access = await authenticate(ctx, request, 'read_account');
      // One snapshot, the rule applied in it: the answer shows the account at one moment.
      const cookieToken = trustedComputerCookieToken(request);
      const thisComputerHash = cookieToken === undefined ? undefined : hashToken(cookieToken);
      return ctx.store.read(async (view) => {
        const { session, user } = await access.recheck(view);
        const env = await view.settings.environment();
        const days = env.trustedComputerDays;
        return {
          user: publicUser(user),
          totp: {
            environmentEnabled: env.totpEnabled,
            required: isTotpRequired(env, user),
            authenticators: (await view.authenticators.confirmed(user.id)).map(publicAuthenticator),
            recoveryCodesRemaining: await view.recoveryCodes.countUnused(user.id),
          },
          session: { expiresAt: isoTime(session.expiresAt) },
          trustedComputers: { days, computers: await listTrustedComputers(ctx, view, user.id, days, thisComputerHash) },
        };
      });
    });

    app.post(
      '/me/authenticators',
      { schema: { body: AddAuthenticatorRequest, response: { 201: PendingAuthenticator } } },
      async (request, reply) => {
        const access = await authenticate(ctx, request, 'add_authenticator');
        const pending = await addAuthenticator(ctx, access, request.body.name, request.ip);
        return reply.code(201).send(pending);
      },
    );

    app.post(
      '/me/authenticators/:id/confirm',
      { schema: { params: IdParams, body: ConfirmAuthenticatorRequest, response: { 200: ConfirmAuthenticatorResponse } } },
      async (request) => {
        const access = await authenticate(ctx, request, 'confirm_authenticator');
        return confirmAuthenticator(ctx, access, request.params.id, request.body.code, request.ip);
      },
    );

    app.delete('/me/authenticators/:id', { schema: { params: IdParams, body: NoBody } }, async (request, reply) => {
      await removeAuthenticator(ctx, await authenticate(ctx, request, 'remove_authenticator'), request.params.id, request.ip);
      return reply.code(204).send();
    });

    app.post(
      '/me/trusted-computers',
      { schema: { body: TrustThisComputerRequest, response: { 201: IssuedTrustedComputer } } },
      async (request, reply) => {
        const made = await takeTrustOffer(ctx, await authenticate(ctx, request, 'manage_trusted_computers'), request.body, request.ip);
        return reply.code(201).send(made);
      },
    );

    app.delete('/me/trusted-computers/:id', { schema: { params: IdParams, body: NoBody } }, async (request, reply) => {
      const ended = await revokeOwnTrustedComputer(ctx, await authenticate(ctx, request, 'manage_trusted_computers'), request.params.id, request.ip);
      const cookieToken = trustedComputerCookieToken(request);
      if (cookieToken !== undefined && hashToken(cookieToken) === ended.tokenHash) trustedComputerCookieEnded(request);
      return reply.code(204).send();
    });

    app.delete('/me/trusted-computers', { schema: { body: NoBody } }, async (request, reply) => {
      await forgetOwnTrustedComputers(ctx, await authenticate(ctx, request, 'manage_trusted_computers'), request.ip);
      trustedComputerCookieEnded(request);
      return reply.code(204).send();
    });

    app.post('/me/password', { schema: { body: ChangePasswordRequest } }, async (request, reply) => {
      const access = await authenticate(ctx, request, 'change_password');
      const refused = await changeOwnPassword(ctx, access, request.body, request.ip);
      if (refused !== undefined) return sendRefusal(refused, reply);
      trustedComputerCookieEnded(request);
      return reply.code(204).send();
    });

    app.post('/me/recovery-codes', { schema: { body: NoBody, response: { 200: RecoveryCodesResponse } } }, async (request) => {
      const access = await authenticate(ctx, request, 'regenerate_recovery_codes');
      return { recoveryCodes: [...(await regenerateRecoveryCodes(ctx, access, request.ip))] };
    });
  };
