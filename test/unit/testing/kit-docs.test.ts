/**
 * Every name the kit exports, and every member of the kit's own classes, interfaces and types, has
 * a line in docs/testing.md: a suite can be written from the docs alone. A new export or member
 * without one fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const TESTING = join(ROOT, 'testing');

/** The kit's public surface: exported names, and for those declared in testing/, their members. */
function publicSurface(): { readonly exports: readonly string[]; readonly members: ReadonlyMap<string, readonly string[]> } {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.testing.json'), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error('tsconfig.testing.json could not be read');
  const program = ts.createProgram({ rootNames: [join(TESTING, 'index.ts')], options: parsed.options });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(TESTING, 'index.ts'));
  if (index === undefined) throw new Error('testing/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (moduleSymbol === undefined) throw new Error('testing/index.ts is not a module');
  const members = new Map<string, string[]>();
  const exported = checker.getExportsOfModule(moduleSymbol);
  for (const symbol of exported) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declaration = target.declarations?.[0];
    if (declaration === undefined || !declaration.getSourceFile().fileName.startsWith(TESTING)) continue;
    if (!(target.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const type = checker.getDeclaredTypeOfSymbol(target);
    const parts = type.isUnion() ? type.types : [type];
    const names = new Set<string>();
    // Object types only: a union of strings (ContractView) has no members of its own to document.
    for (const part of parts.filter((p) => (p.flags & ts.TypeFlags.Object) !== 0)) {
      for (const property of checker.getPropertiesOfType(part)) {
        const flags = property.declarations?.[0] === undefined ? 0 : ts.getCombinedModifierFlags(property.declarations[0]);
        if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        names.add(property.name);
      }
    }
    members.set(symbol.name, [...names]);
  }
  return { exports: exported.map((s) => s.name), members };
}

/** Whether the docs name `word` in a code span (`word`, `x.word(…)`, `{ word: … }`). */
const namedInCode = (doc: string, word: string) => new RegExp(`\`[^\`\\n]*\\b${word}\\b[^\`\\n]*\``).test(doc);

describe('docs/testing.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');
  const surface = publicSurface();

  it('finds the kit’s exports (this test reads what it means to)', () => {
    expect(surface.exports).toEqual(expect.arrayContaining(['test', 'expect', 'CodeWindow', 'StepgateApp', 'startDemoServer']));
    expect(surface.members.get('CodeWindow')).toEqual(expect.arrayContaining(['codeInput', 'waitUntilReady', 'pasteCode']));
    expect(surface.members.get('CodeWindow')).not.toContain('probe');
  });

  it('names every exported name', () => {
    expect(surface.exports.filter((name) => !namedInCode(doc, name))).toEqual([]);
  });

  it('names every member of the kit’s own classes, interfaces and types', () => {
    const missing = [...surface.members].flatMap(([owner, names]) => names.filter((name) => !namedInCode(doc, name)).map((name) => `${owner}.${name}`));
    expect(missing).toEqual([]);
  });

  it('would notice a missing one', () => {
    expect(namedInCode('`stepgate.loginWindow.signIn(credentials)`', 'signIn')).toBe(true);
    expect(namedInCode('signIn, without a code span', 'signIn')).toBe(false);
    expect(namedInCode('`signInWithSso()`', 'signIn')).toBe(false);
  });
});
