/** Builds the browser pages the server serves, so the specs always test the current sources. */
import { build } from 'vite';

export default async function globalSetup(): Promise<void> {
  await build({ configFile: 'vite.web.config.ts', logLevel: 'warn' });
}
