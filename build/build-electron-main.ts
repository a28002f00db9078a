/**
 * Bundles the Electron main process (ES module) and the preload (CommonJS, as sandboxed preloads
 * must be) into dist/electron. Everything is bundled except Electron, Node's own modules and the
 * native keychain module, so the packaged app ships no node_modules but that one (the server's
 * dependencies never reach the installer). test/unit/build/bundle-imports.test.ts checks the result.
 */
import { builtinModules } from 'node:module';
import { build } from 'vite';
import { isEntryPoint } from './entry-point.js';

const external = [/^electron(\/.*)?$/, /^node:/, ...builtinModules, /^@napi-rs\//, /^native-reg$/];

export interface MainBuildOptions {
  /** An end-to-end build honours the development switches even when packaged (see dev-switches.ts). */
  readonly e2e?: boolean;
  readonly outDir?: string;
}

export async function buildElectronMain(options: MainBuildOptions = {}): Promise<void> {
  const outDir = options.outDir ?? 'dist/electron';
  // noExternal: bundle axios and typebox rather than leave them to node_modules.
  const common = {
    configFile: false as const,
    logLevel: 'warn' as const,
    ssr: { noExternal: true as const, target: 'node' as const },
    define: { __STEPGATE_E2E_BUILD__: JSON.stringify(options.e2e ?? false) },
  };
  await build({
    ...common,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node22',
      ssr: 'electron/main.ts',
      ssrEmitAssets: false,
      rollupOptions: { external, output: { format: 'es', entryFileNames: 'main.js' } },
    },
  });
  await build({
    ...common,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      ssr: 'electron/preload/preload.ts',
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
    },
  });
}

if (isEntryPoint(import.meta.url)) {
  await buildElectronMain({ e2e: process.argv.includes('--e2e') });
}
