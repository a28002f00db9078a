/**
 * "Is this module the program Node was asked to run?", for the scripts that are both a command and
 * a module others import (build-server.ts runs as `npm run server`'s first step and is imported by
 * the test setup). Comparing import.meta.url with `file://${process.argv[1]}` misses every Windows
 * path (C:\… against file:///C:/…), every path a URL escapes (a space is %20) and every symlinked
 * one (Node resolves the module's own path, argv[1] keeps the link); then the command silently
 * does nothing. Here both sides become real file paths first.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What tsx accepts for a .ts file on its command line besides its own name: no extension, or the .js one. */
const SCRIPT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  '.ts': ['', '.js'],
  '.mts': ['', '.mjs'],
  '.cts': ['', '.cjs'],
};

/**
 * Pure: does argv1 (as Node or tsx left it in process.argv[1], symlinks already resolved) name the
 * module at moduleUrl, on that platform? Windows and macOS file systems ignore case by default.
 */
export function namesModule(moduleUrl: string, argv1: string | undefined, platform: NodeJS.Platform): boolean {
  if (argv1 === undefined || argv1 === '' || !moduleUrl.startsWith('file:')) return false;
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p;
  const modulePath = fold(paths.normalize(fileURLToPath(moduleUrl, { windows: platform === 'win32' })));
  const given = fold(paths.resolve(argv1));
  if (given === modulePath) return true;
  // `tsx build/build-server` and `tsx build/build-server.js` both run build-server.ts.
  const extension = paths.extname(modulePath);
  const stem = modulePath.slice(0, modulePath.length - extension.length);
  return (SCRIPT_EXTENSIONS[extension] ?? []).some((alias) => given === stem + alias);
}

/**
 * The real path of a file: the native call where it works, as it also expands Windows' short names
 * (C:\Users\RUNNER~1\…) and gives macOS's own case; for a name tsx completes (no extension), the
 * real path of its folder.
 */
function realPath(file: string): string {
  const canonical = (p: string) => {
    try {
      return realpathSync.native(p);
    } catch {
      return realpathSync(p);
    }
  };
  try {
    return canonical(file);
  } catch {
    try {
      return path.join(canonical(path.dirname(file)), path.basename(file));
    } catch {
      return file;
    }
  }
}

/** `if (isEntryPoint(import.meta.url)) …`: true only in the module Node (or tsx) was started with. */
export function isEntryPoint(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (argv1 === undefined || !moduleUrl.startsWith('file:')) return false;
  const moduleFile = pathToFileURL(realPath(fileURLToPath(moduleUrl))).href;
  return namesModule(moduleFile, realPath(argv1), process.platform);
}
