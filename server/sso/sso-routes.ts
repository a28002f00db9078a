/**
 * The SSO routes: the start URL a browser is sent to, the callback the provider sends it back to
 * (one per provider, so an answer cannot be passed off as another provider's), and the desktop app's
 * exchange of its one-time result code for a session.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { AuthenticatedResponse, SsoCallbackQuery, SsoExchangeRequest, SsoProviderParams, SsoStartQuery } from '../../shared/api/schemas.js';
import type { Context } from '../context.js';
import { cookieAttributes, cookiePolicy } from '../pages/cookie-policy.js';
import type { Pages } from '../pages/register-pages.js';
import { invalidRequest, notFound } from '../refusal.js';
import { continuePage, CONTINUE_PAGE_CSP } from './continue-page.js';
import { providerRegistry } from './provider-registry.js';
import { parseStart } from './return-to.js';
import type { FlowEnd, SsoFlow } from './sso-flow.js';
import { TRANSACTION_TTL_SECONDS } from './sso-lifetimes.js';

export const ssoRoutes =
  (ctx: Context, pages: Pages): FastifyPluginAsyncTypebox =>
  async (app) => {
    const registry = providerRegistry(ctx);
    await registry.assertUsable();
    // The OpenID Connect library is loaded by the first sign-in through a provider, not by every start.
    let loaded: Promise<SsoFlow> | undefined;
    const flow = (): Promise<SsoFlow> =>
      (loaded ??= Promise.all([import('./sso-flow.js'), import('./oidc-client.js')]).then(([{ ssoFlow }, { oidcClients }]) =>
        ssoFlow(ctx, { registry, clients: oidcClients(() => ctx.clock.now()) }),
      ));
    const rateLimit = { max: ctx.config.throttle.authRequestsPerMinute, timeWindow: 60_000 };

    // Ties the provider's answer to the browser that started the sign-in (no one else's answer can sign
    // this browser in). Lax, not Strict: it must come along when the provider sends the browser back.
    const policy = cookiePolicy(ctx.origin());
    const binding = { name: `${policy.secure ? '__Host-' : ''}stepgate_sso`, attributes: { ...cookieAttributes(policy), sameSite: 'lax' } } as const;

    const send = async (request: FastifyRequest, reply: FastifyReply, end: FlowEnd): Promise<FastifyReply> => {
      switch (end.kind) {
        case 'redirect':
          return reply.redirect(end.location, 302);
        case 'browser_session':
          await pages.handSessionToBrowser(request, reply, end.session.token);
          return reply.code(200).type('text/html; charset=utf-8').send(continuePage(end.next));
      }
    };
    // The continue page is a page: its own policy, set after the API's fixed headers (which are for JSON).
    const pagePolicy: onSendHookHandler = (_request, reply, payload, done) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) void reply.header('content-security-policy', CONTINUE_PAGE_CSP);
      done(null, payload);
    };

    app.get(
      '/auth/sso/:provider/start',
      { config: { rateLimit }, schema: { params: SsoProviderParams, querystring: SsoStartQuery } },
      async (request, reply) => {
        const provider = await ctx.store.read((view) => registry.find(view, request.params.provider));
        if (provider === undefined) throw notFound('There is no identity provider with that id.');
        const parsed = parseStart(request.query);
        if (parsed.kind === 'invalid') throw invalidRequest(parsed.fields);
        const end = await (await flow()).start(provider, parsed.returnTo, request.ip);
        if (end.binding !== undefined) {
          void reply.setCookie(binding.name, end.binding, { ...binding.attributes, maxAge: TRANSACTION_TTL_SECONDS });
        }
        return send(request, reply, end);
      },
    );

    app.get(
      '/auth/sso/:provider/callback',
      { config: { rateLimit }, schema: { params: SsoProviderParams, querystring: SsoCallbackQuery }, onSend: pagePolicy },
      async (request, reply) => {
        const url = request.raw.url ?? '';
        const rawQuery = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
        const end = await (await flow()).callback(request.params.provider, request.query, rawQuery, pages.cookies(request)[binding.name], request.ip);
        void reply.clearCookie(binding.name, binding.attributes);
        return send(request, reply, end);
      },
    );

    app.post(
      '/auth/sso/exchange',
      { config: { rateLimit }, schema: { body: SsoExchangeRequest, response: { 200: AuthenticatedResponse } } },
      async (request) => (await flow()).exchange(request.body, request.ip),
    );
  };
