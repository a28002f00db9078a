/**
 * Child process for the server benchmark: the real server with real Argon2id parameters, or a bare
 * Fastify route for comparison. Prints one JSON line with its origin when ready.
 */
import Fastify from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConfig } from '../../server/config.js';
import { startServer } from '../../server/server.js';
import { addConfirmedAuthenticator } from '../../server/enrollment/enrollment.js';
import { base32, newSecret } from '../../server/totp/totp.js';

const UNLIMITED = 1_000_000_000;

if (process.argv[2] === 'bare') {
  const app = Fastify();
  app.post('/bare', async () => ({ status: 'ok' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  console.log(JSON.stringify({ origin: `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}` }));
} else {
  // Throttles and attempt limits are lifted so every request does the full verification work.
  const config = makeConfig(mkdtempSync(join(tmpdir(), 'stepgate-bench-')), {
    port: 0,
    challenge: { maxAttempts: UNLIMITED },
    throttle: {
      account: { lockAfterFailures: UNLIMITED, maxFailuresPerHour: UNLIMITED },
      address: { maxFailures: UNLIMITED },
      authRequestsPerMinute: UNLIMITED,
    },
  });
  const server = await startServer(config);
  const ctx = server.context;
  const totpUser = await server.operations.createUser({ username: 'bench-totp', password: 'bench-password' });
  await server.operations.createUser({ username: 'bench-plain', password: 'bench-password' });
  const secret = newSecret();
  await addConfirmedAuthenticator(ctx, totpUser.id, 'Bench', secret);
  console.log(JSON.stringify({ origin: server.origin, secret: base32(secret) }));
}

// Exit normally on a signal, so that --cpu-prof and similar flags can write their output.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
