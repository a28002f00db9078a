import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthResponse, InfoResponse } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { providerRegistry } from '../sso/provider-registry.js';

export const publicRoutes =
  (ctx: Context): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get('/health', { schema: { response: { 200: HealthResponse } } }, async () => ({ status: 'ok' as const }));

    const ssoProviders = providerRegistry(ctx);
    app.get('/info', { schema: { response: { 200: InfoResponse } } }, async () => {
      const { env, providers } = await ctx.store.read(async (view) => ({
        env: await view.settings.environment(),
        providers: await ssoProviders.publicList(view, ctx.origin()),
      }));
      return {
        environment: env.name,
        totp: { enabled: env.totpEnabled },
        enrollmentUrl: `${ctx.origin()}/enroll`,
        settingsUrl: `${ctx.origin()}/settings`,
        sso: { enabled: providers.length > 0, requiredForAll: env.ssoRequiredForAll, providers: [...providers] },
      };
    });
  };
