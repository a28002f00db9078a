/**
 * The built main process and preload, read back as a module loader would see them: a sandboxed
 * preload may require nothing but `electron`, and the main process may import nothing but
 * `electron`, Node's own modules and the two native modules, the keychain's and the Windows
 * registry's (the only packages the installer ships). Anything else would fail at start in the packaged app, where there is no node_modules.
 */
import { Parser, type Node } from 'acorn';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronMain } from '../../../build/build-electron-main.js';

const outDir = mkdtempSync(join(tmpdir(), 'stepgate-bundles-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
beforeAll(() => buildElectronMain({ outDir }), 120_000);

interface Loads {
  /** Every module the code loads: static and dynamic imports, re-exports and require() calls. */
  readonly specifiers: readonly string[];
  /** Loads whose module name is computed at run time, so it cannot be checked. */
  readonly computed: number;
}

function loadsOf(code: string, sourceType: 'module' | 'script'): Loads {
  const specifiers: string[] = [];
  let computed = 0;
  const add = (source: unknown) => {
    const literal = source as { type?: string; value?: unknown } | null;
    if (literal?.type === 'Literal' && typeof literal.value === 'string') specifiers.push(literal.value);
    else computed++;
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null || typeof (node as Node).type !== 'string') return;
    const n = node as Node & Record<string, unknown>;
    switch (n.type) {
      case 'ImportDeclaration':
      case 'ImportExpression':
        add(n['source']);
        break;
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (n['source'] !== null && n['source'] !== undefined) add(n['source']);
        break;
      case 'CallExpression': {
        // require(), the bundler's own __require (made with createRequire) for CommonJS code it bundled, and
        // a module's own createRequire, which the bundler renames (require$1) where the names collide.
        const callee = n['callee'] as { type: string; name?: string };
        if (callee.type === 'Identifier' && /^_*require(\$\d+)?$/.test(callee.name ?? '')) add((n['arguments'] as unknown[])[0]);
        break;
      }
      default:
        break;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(Parser.parse(code, { ecmaVersion: 'latest', sourceType }));
  return { specifiers: [...new Set(specifiers)].sort(), computed };
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

describe('built bundles', () => {
  it('preload.cjs requires only electron', () => {
    const loads = loadsOf(readFileSync(join(outDir, 'preload.cjs'), 'utf8'), 'script');
    expect(loads).toEqual({ specifiers: ['electron'], computed: 0 });
  });

  it('main.js imports only electron, Node’s own modules and the keychain and registry modules', () => {
    const loads = loadsOf(readFileSync(join(outDir, 'main.js'), 'utf8'), 'module');
    const others = loads.specifiers.filter((s) => s !== 'electron' && !isBuiltin(s) && s !== '@napi-rs/keyring/keytar.js' && s !== 'native-reg');
    expect(others).toEqual([]);
    expect(loads.specifiers).toContain('electron');
    expect(loads.specifiers).toContain('@napi-rs/keyring/keytar.js');
    expect(loads.specifiers).toContain('native-reg');
    expect(loads.computed).toBe(0);
  });

  it('a release bundle has the end-to-end switch fixed off', () => {
    const main = readFileSync(join(outDir, 'main.js'), 'utf8');
    expect(main).not.toContain('__STEPGATE_E2E_BUILD__');
  });
});
