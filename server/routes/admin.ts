import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminUserResponse,
  AdminUsersQuery,
  AdminUsersResponse,
  AuditQuery,
  AuditResponse,
  CreateUserRequest,
  Environment,
  IdParams,
  NoBody,
  SetPasswordRequest,
  TrustedComputersResponse,
  UpdateEnvironmentRequest,
  UpdateUserRequest,
  UserTrustedComputerParams,
} from '../../shared/api/schemas.js';
import { hashToken } from '../crypto/tokens.js';
import { trustedComputerCookieToken } from '../http/request-session.js';
import { isoTime } from '../clock.js';
import type { Context } from '../context.js';
import { authenticate } from '../http/session-auth.js';
import type { FastifyRequest } from 'fastify';
import type { Actor, Operations } from '../operations.js';
import type { EnvironmentSettings } from '../store/rows.js';

const environmentBody = (env: EnvironmentSettings) => ({
  environment: env.name,
  totpEnabled: env.totpEnabled,
  totpRequiredForAll: env.totpRequiredForAll,
  ssoRequiredForAll: env.ssoRequiredForAll,
  trustedComputerDays: env.trustedComputerDays,
});

export const adminRoutes =
  (ctx: Context, ops: Operations): FastifyPluginAsyncTypebox =>
  async (app) => {
    const admin = async (request: FastifyRequest): Promise<Actor> => {
      const access = await authenticate(ctx, request, 'administer');
      return { userId: access.user.id, username: access.user.username, clientAddress: request.ip, access };
    };

    app.get('/admin/users', { schema: { querystring: AdminUsersQuery, response: { 200: AdminUsersResponse } } }, async (request) => {
      await admin(request);
      return { users: [...(await ops.listUsers(request.query.search))] };
    });

    app.post('/admin/users', { schema: { body: CreateUserRequest, response: { 201: AdminUserResponse } } }, async (request, reply) => {
      const actor = await admin(request);
      const user = await ops.createUser(request.body, actor);
      return reply.code(201).send({ user });
    });

    app.patch(
      '/admin/users/:id',
      { schema: { params: IdParams, body: UpdateUserRequest, response: { 200: AdminUserResponse } } },
      async (request) => ({ user: await ops.updateUser(request.params.id, request.body, await admin(request)) }),
    );

    app.delete('/admin/users/:id/authenticators', { schema: { params: IdParams, body: NoBody } }, async (request, reply) => {
      await ops.revokeTotp(request.params.id, await admin(request));
      return reply.code(204).send();
    });

    app.post('/admin/users/:id/password', { schema: { params: IdParams, body: SetPasswordRequest } }, async (request, reply) => {
      await ops.setPassword(request.params.id, request.body.newPassword, await admin(request));
      return reply.code(204).send();
    });

    app.get(
      '/admin/users/:id/trusted-computers',
      { schema: { params: IdParams, response: { 200: TrustedComputersResponse } } },
      async (request) => {
        const cookieToken = trustedComputerCookieToken(request);
        const computers = await ops.trustedComputers(request.params.id, await admin(request), cookieToken === undefined ? undefined : hashToken(cookieToken));
        return { computers };
      },
    );

    app.delete('/admin/users/:id/trusted-computers/:tcId', { schema: { params: UserTrustedComputerParams, body: NoBody } }, async (request, reply) => {
      await ops.revokeTrustedComputer(request.params.id, request.params.tcId, await admin(request));
      return reply.code(204).send();
    });

    app.delete('/admin/users/:id/trusted-computers', { schema: { params: IdParams, body: NoBody } }, async (request, reply) => {
      await ops.forgetTrustedComputers(request.params.id, await admin(request));
      return reply.code(204).send();
    });

    app.get('/admin/environment', { schema: { response: { 200: Environment } } }, async (request) => {
      await admin(request);
      return environmentBody(await ops.environment());
    });

    app.patch(
      '/admin/environment',
      { schema: { body: UpdateEnvironmentRequest, response: { 200: Environment } } },
      async (request) => environmentBody(await ops.setEnvironment(request.body, await admin(request))),
    );

    app.get('/admin/audit', { schema: { querystring: AuditQuery, response: { 200: AuditResponse } } }, async (request) => {
      await admin(request);
      const limit = Math.min(Number(request.query.limit ?? '100'), 1000);
      const events = await ctx.store.read((view) => view.audit.recent(limit, request.query.username));
      return { events: events.map((e) => ({ ...e, at: isoTime(e.at) })) };
    });
  };
