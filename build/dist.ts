/**
 * `npm run dist -- [--e2e] [electron-builder arguments]`: builds the renderer and the main process,
 * fetches the Electron runtime when it is missing (electron-builder then finds its zip in the
 * shared download cache), says what will be signed, and packages the app with electron-builder.
 */
import type { Configuration } from 'electron-builder';
import { build as packageApp } from 'electron-builder/out/builder.js';
import { build as buildRenderer } from 'vite';
import { ensureElectronRuntime } from '../electron/launch/fetch-electron.js';
import { buildElectronMain } from './build-electron-main.js';
import { mergeConfig, parseDistArgs, platformsOf, type Tree } from './dist-args.js';
import { builderConfig } from './electron-builder.config.js';
import { signingPlan } from './signing-plan.js';

let args: ReturnType<typeof parseDistArgs>;
try {
  args = parseDistArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm run dist: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

await buildRenderer({ configFile: 'vite.config.ts', logLevel: 'warn' });
await buildElectronMain({ e2e: args.e2e });
const runtime = await ensureElectronRuntime();
// Not fatal: electron-builder downloads the runtime itself, and says so if it cannot either.
if (!runtime.ok) console.log(`The Electron runtime could not be fetched beforehand: ${runtime.reason}. electron-builder will try to download it itself.`);
for (const line of signingPlan(process.env, platformsOf(args.builder, process.platform))) console.log(line);
const config = mergeConfig(builderConfig({ e2e: args.e2e, env: process.env }) as Tree, args.overrides) as Configuration;
await packageApp({ publish: 'never', ...args.builder, config });
