import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder (where package.json is), found upwards from this module, so paths into the
 * project (the built pages, the demo's data folder) are the same whether the server runs from its
 * TypeScript sources or from the built bundle in dist/.
 */
function findProjectDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_DIR = findProjectDir(import.meta.dirname);
