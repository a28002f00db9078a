/**
 * Before any test: the server bundle that `npm run server` runs, so the suites that start the command
 * line in its own process (crash, data folder) run exactly what operators run.
 */
import { buildServer } from '../../build/build-server.js';

export default async function setup(): Promise<void> {
  await buildServer();
}
