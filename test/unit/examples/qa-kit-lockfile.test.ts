/**
 * The sample QA project installs offline, from the npm cache this repository's `npm ci` fills:
 * every package its lockfile pins is pinned by this repository's lockfile too, at the same version
 * and integrity; the kit itself comes from the tarball `npm pack` makes, whatever its hash; and it
 * asks for what the kit needs (the same Playwright as here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
type Entry = { readonly version?: string; readonly integrity?: string; readonly resolved?: string; readonly dependencies?: Record<string, string>; readonly peerDependencies?: Record<string, string> };
type Lock = { readonly packages: Readonly<Record<string, Entry>> };
const json = <T>(file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;

const rootLock = json<Lock>('package-lock.json');
const exampleLock = json<Lock>('examples/qa-kit/package-lock.json');
const rootManifest = json<{ dependencies: Record<string, string>; peerDependencies: Record<string, string> }>('package.json');
const exampleManifest = json<{ devDependencies: Record<string, string> }>('examples/qa-kit/package.json');
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('examples/qa-kit/package-lock.json', () => {
  it('pins nothing this repository does not pin, so `npm ci --offline` finds it in the cache', () => {
    const pinned = new Set(Object.entries(rootLock.packages).map(([path, e]) => `${nameOf(path)}@${e.version ?? ''}#${e.integrity ?? ''}`));
    const foreign = Object.entries(exampleLock.packages)
      .filter(([path]) => path !== '' && nameOf(path) !== 'stepgate')
      .map(([path, e]) => `${nameOf(path)}@${e.version ?? ''}#${e.integrity ?? ''}`)
      .filter((key) => !pinned.has(key));
    // On failure: regenerate it (examples/qa-kit/README.md says how) after changing this repository's dependencies.
    expect(foreign).toEqual([]);
  });

  it('takes the kit from the packed tarball, whatever its hash, with the dependencies package.json gives it', () => {
    const kit = exampleLock.packages['node_modules/stepgate'];
    expect(kit?.resolved).toBe('file:vendor/stepgate.tgz');
    expect(kit?.integrity).toBeUndefined();
    expect(kit?.dependencies).toEqual(rootManifest.dependencies);
    expect(kit?.peerDependencies).toEqual(rootManifest.peerDependencies);
  });

  it('uses the Playwright this repository tests with', () => {
    expect(exampleManifest.devDependencies['@playwright/test']).toBe(rootLock.packages['node_modules/@playwright/test']?.version);
  });
});
