/**
 * The benchmark's two reference points, each its own process (built like the server, see
 * server-bench.ts), printing one JSON line with its origin when ready:
 *   bare                      a bare Fastify route: the most an HTTP server can do here;
 *   stub DATA_DIR CONFIG      the server's whole HTTP side (every hook, the pages, the error handling)
 *                             with POST /api/v1/auth/totp answering invalid_code at once: the ceiling
 *                             the HTTP layer leaves the verification.
 */
import Fastify from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CodeAcceptedResponse, TotpRequest } from '../../shared/api/schemas.js';
import type { Static } from 'typebox';
import { readConfigFile } from '../../server/cli/config-file.js';
import { makeConfig } from '../../server/config.js';
import { buildHttpApp } from '../../server/http/app.js';
import { ErrorAnswer } from '../../server/http/api-answers.js';
import { answer } from '../../server/http/error-handler.js';
import { Refusal } from '../../server/refusal.js';
import { publicRoutes } from '../../server/routes/public.js';
import { openData } from '../../server/server.js';

const [mode, dataDir, configFile] = process.argv.slice(2);

async function bare(): Promise<string> {
  const app = Fastify();
  app.post('/bare', async () => ({ status: 'ok' }));
  return app.listen({ host: '127.0.0.1', port: 0 });
}

async function stub(): Promise<string> {
  if (dataDir === undefined || configFile === undefined) throw new Error('stub needs DATA_DIR CONFIG');
  const config = makeConfig(dataDir, { ...readConfigFile(configFile), port: 0 });
  const data = await openData(config, undefined, undefined, true);
  // POST /auth/totp as routes/auth.ts declares it, answering as a wrong code is answered (a refusal
  // made and sent the same way), but at once.
  const stubTotp: FastifyPluginAsyncTypebox = async (api) => {
    const rateLimit = { max: config.throttle.authRequestsPerMinute, timeWindow: 60_000 };
    api.post('/auth/totp', { config: { rateLimit }, schema: { body: TotpRequest, response: { 200: CodeAcceptedResponse, '4xx': ErrorAnswer } } }, (_request, reply) =>
      answer<Static<typeof CodeAcceptedResponse>>(reply, Promise.resolve(new Refusal('invalid_code', 'That code is not correct.', { attemptsRemaining: 4 }))),
    );
  };
  const app = await buildHttpApp(data.context, () => [publicRoutes(data.context), stubTotp]);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

const origin = mode === 'bare' ? await bare() : mode === 'stub' ? await stub() : undefined;
if (origin === undefined) throw new Error(`unknown mode ${mode ?? ''}: bare or stub`);
console.log(JSON.stringify({ origin }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
