/**
 * A small stand-in for the built browser pages (`npm run build:web`): an HTML shell, a script and a
 * folder under assets/, plus a dotfile and a file outside assets/ that must never be served. Suites that
 * exercise the static file server point `webDir` at it, so they need no build.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ASSET_SCRIPT = 'console.log("stepgate");\n';
/** Text of the files that must never be sent. */
export const NEVER_SERVED = ['outside the assets folder', 'not for you'] as const;

export interface WebDir {
  readonly path: string;
  remove(): Promise<void>;
}

export async function makeWebDir(): Promise<WebDir> {
  const path = await mkdtemp(join(tmpdir(), 'stepgate-web-'));
  await mkdir(join(path, 'assets', 'folder'), { recursive: true });
  await writeFile(join(path, 'index.html'), '<!doctype html><title>Stepgate</title>');
  await writeFile(join(path, 'assets', 'app.js'), ASSET_SCRIPT);
  await writeFile(join(path, 'assets', 'folder', 'inner.js'), ASSET_SCRIPT);
  await writeFile(join(path, 'assets', '.hidden'), NEVER_SERVED[1]);
  await writeFile(join(path, 'secret.txt'), NEVER_SERVED[0]);
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
