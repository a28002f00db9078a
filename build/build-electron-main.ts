/**
 * Bundles the Electron main process (ES module) and the preload (CommonJS, as sandboxed preloads
 * must be) into dist/electron. Everything is bundled except Electron, Node's own modules and the
 * native keychain module, so the packaged app ships no node_modules but that one (the server's
 * dependencies never reach the installer).
 */
import { builtinModules } from 'node:module';
import { build } from 'vite';

const external = [/^electron(\/.*)?$/, /^node:/, ...builtinModules, /^@napi-rs\//];

export async function buildElectronMain(): Promise<void> {
  // noExternal: bundle axios and typebox rather than leave them to node_modules.
  const common = { configFile: false as const, logLevel: 'warn' as const, ssr: { noExternal: true as const, target: 'node' as const } };
  await build({
    ...common,
    build: {
      outDir: 'dist/electron',
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
      outDir: 'dist/electron',
      emptyOutDir: false,
      target: 'node22',
      ssr: 'electron/preload/preload.ts',
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: 'preload.cjs' } },
    },
  });
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  await buildElectronMain();
}
