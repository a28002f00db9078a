/**
 * The preview's transport in a process of its own, so Node's fetch follows the proxy variables it
 * is started with (NODE_USE_ENV_PROXY=1, HTTP_PROXY): asks the server named by argv[2] for its
 * information and prints the result and what the client logged, as JSON.
 */
import { createApiClient } from '../../../../electron/api/api-client.js';
import { problemFromFailure } from '../../../../electron/signin/problem-from-failure.js';

const origin = process.argv[2] ?? '';
const logged: string[] = [];
const result = await createApiClient({ origin, log: (message) => logged.push(message) }).info();
console.log(JSON.stringify({ ok: result.ok, problem: result.ok ? null : problemFromFailure(result.failure, Date.now()), logged }));
