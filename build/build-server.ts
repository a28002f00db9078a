/**
 * Bundles the reference server's command line (server/cli/main.ts) into one JavaScript file,
 * dist/server/main.js, so `npm run server` and `npm start` run plain JavaScript: no TypeScript loader,
 * no resolving hundreds of modules in node_modules at every start. Only the two native modules (SQLite
 * and Argon2) stay in node_modules, where their compiled parts are.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryPoint } from './entry-point.js';

const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));

export const SERVER_BUNDLE = join(PROJECT_DIR, 'dist', 'server', 'main.js');

/** Packages with compiled parts: loaded from node_modules as they are. */
const NATIVE = ['better-sqlite3', '@node-rs/argon2'];

export async function buildServer(outfile: string = SERVER_BUNDLE): Promise<void> {
  await build({
    entryPoints: { main: join(PROJECT_DIR, 'server', 'cli', 'main.ts') },
    outdir: dirname(outfile),
    // What only some commands or requests need (the demo, the QR encoder, the settings file's checker)
    // goes into chunks loaded on first use.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __stepgateRequire } from 'node:module'; const require = __stepgateRequire(import.meta.url);" },
    // Less to read and parse at every start; names are kept, so a fault's stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (isEntryPoint(import.meta.url)) {
  await buildServer();
}
