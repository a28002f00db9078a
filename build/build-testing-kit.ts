/**
 * Builds the testing kit (`stepgate/testing`) into dist/testing: one ES module with the project's
 * own code bundled in (the kit, the sign-in flow and preview server it drives, the reference server
 * behind the demo server) and every npm package left to the installing project's node_modules,
 * where package.json's dependencies and the @playwright/test peer put them; then the type
 * definitions beside it. `npm pack` runs this (prepack), after the renderer and the pages.
 */
import { builtinModules } from 'node:module';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';
import { isEntryPoint } from './entry-point.js';

/** Package names ("otpauth", "@fastify/static/x"), as opposed to the project's own files. */
const isPackage = (id: string) => !/^(\.|\/|\0|[A-Za-z]:[\\/])/.test(id);

export const TESTING_KIT_DIR = 'dist/testing';

export async function buildTestingKit(outDir = TESTING_KIT_DIR): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      ssr: 'testing/index.ts',
      ssrEmitAssets: false,
      rollupOptions: { external: (id) => isPackage(id) || builtinModules.includes(id), output: { format: 'es', entryFileNames: 'index.js' } },
    },
  });
  emitTypes(join(outDir, 'types'));
}

/** Folders whose declarations the kit's public types reach; the rest (the server, Electron's side) stays inside the bundle. */
const TYPED_FOLDERS = ['testing', 'shared'];

/** The declarations of the kit's own files and of the shared types they name, as tsconfig.testing.json compiles them. */
function emitTypes(outDir: string): void {
  const parsed = ts.getParsedCommandLineOfConfigFile('tsconfig.testing.json', { outDir }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (parsed === undefined) throw new Error('tsconfig.testing.json could not be read');
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const problems: ts.Diagnostic[] = [];
  for (const file of program.getSourceFiles()) {
    const [folder] = relative(process.cwd(), file.fileName).split(sep);
    if (folder === undefined || !TYPED_FOLDERS.includes(folder)) continue;
    problems.push(...program.emit(file, undefined, undefined, true).diagnostics);
  }
  if (problems.length > 0) fail(problems);
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  throw new Error(`the kit's type definitions could not be written:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

if (isEntryPoint(import.meta.url)) await buildTestingKit();
