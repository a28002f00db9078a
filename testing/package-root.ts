/** The folder of the stepgate package, in this repository and when installed: the nearest package.json named "stepgate" above this module. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let found: string | undefined;

export function packageRoot(): string {
  if (found !== undefined) return found;
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'stepgate') return (found = dir);
    if (dirname(dir) === dir) throw new Error(`no stepgate package.json above ${import.meta.dirname}`);
  }
}
