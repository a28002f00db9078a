import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse, InfoResponse } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';

export const publicRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/health', { schema: { response: { 200: HealthResponse } } }, async () => ({ status: 'ok' as const }));

    app.get('/info', { schema: { response: { 200: InfoResponse } } }, async () => {
      const env = await ctx.store.read((view) => view.settings.environment());
      return {
        environment: env.name,
        totp: { enabled: env.totpEnabled },
        enrollmentUrl: `${ctx.origin()}/enroll`,
        settingsUrl: `${ctx.origin()}/settings`,
        sso: { enabled: false },
      };
    });
  };
