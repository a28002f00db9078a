/**
 * The testing contract: the roles and accessible names QA teams' tests find the app's elements by.
 * The rows come from the app's catalogues; docs/testing.md writes them down, CHANGELOG.md names
 * every version by its fingerprint. A catalogue change that renames one of these elements fails
 * here until the written contract and the changelog say so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/messages/en.js';
import { fi } from '../../../shared/messages/fi.js';
import { messagesFor } from '../../../shared/messages/catalogue.js';
import { CONTRACT, contractFingerprint, contractRows, contractTable, type ContractElement, type ContractRow } from '../../../testing/contract.js';
import { anyDays } from '../../../testing/pages/locate.js';

const ROOT = join(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

function writtenTable(doc: string): string {
  const match = /<!-- contract:begin -->\n([\s\S]*?)\n<!-- contract:end -->/.exec(doc);
  if (match?.[1] === undefined) throw new Error('docs/testing.md has no contract table between its markers');
  return match[1];
}

describe('the written contract', () => {
  const doc = read('docs/testing.md');

  it('is the contract the catalogues give: the words the app shows', () => {
    // On failure: the expected text is the table to write into docs/testing.md, with a CHANGELOG.md note.
    expect(writtenTable(doc)).toBe(contractTable());
  });

  it('states its fingerprint, and CHANGELOG.md has a note for it', () => {
    const fingerprint = contractFingerprint();
    expect(doc).toContain(`Contract fingerprint: \`${fingerprint}\`.`);
    expect(read('CHANGELOG.md')).toContain(`Testing contract \`${fingerprint}\``);
  });

  it('changes its fingerprint when any name changes', () => {
    const rows = contractRows();
    const renamed: ContractRow[] = rows.map((row, i) => (i === 0 ? { ...row, names: { ...row.names, fi: `${row.names.fi}!` } } : row));
    expect(contractFingerprint(renamed)).not.toBe(contractFingerprint(rows));
  });
});

describe('the contract', () => {
  it('names every element in every language', () => {
    for (const row of contractRows()) {
      expect(row.names.en, `${row.view}: ${row.element}`).not.toMatch(/^\s*$|undefined/);
      expect(row.names.fi, `${row.view}: ${row.element}`).not.toMatch(/^\s*$|undefined/);
    }
  });

  it('never gives two elements of one view the same role and name, in either language', () => {
    for (const language of ['en', 'fi'] as const) {
      const seen = new Map<string, string>();
      for (const row of contractRows()) {
        const key = `${row.view}|${row.role}|${row.names[language]}`;
        expect(seen.get(key), `${language}: "${row.element}" and "${seen.get(key) ?? ''}" in ${row.view}`).toBeUndefined();
        seen.set(key, row.element);
      }
    }
  });

  it('finds "Don’t ask for a code on this computer" whatever the days, and nothing else', () => {
    const trust = CONTRACT['Verification-code window']['trust this computer'];
    if (trust.withDays === undefined) throw new Error('the checkbox’s name carries its days');
    for (const language of ['en', 'fi', 'en-XA'] as const) {
      const t = messagesFor(language);
      const pattern = anyDays(trust.withDays, t);
      for (const days of [1, 7, 30, 365]) expect(t.code.trustComputer(days), language).toMatch(pattern);
      for (const other of [t.signIn.keepSignedIn, `${t.code.trustComputer(7)}!`, t.code.trustComputer(7).replace('7', 'seven')]) expect(other, language).not.toMatch(pattern);
    }
  });

  it('gives every element a test id of its own in its view, which the renderer writes', () => {
    const sources = readdirSync(join(ROOT, 'renderer'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(tsx|html)$/.test(file) && !file.startsWith('web'))
      .map((file) => read(join('renderer', file)))
      .join('\n');
    for (const [view, elements] of Object.entries(CONTRACT)) {
      const ids = Object.values(elements).map((e: ContractElement) => e.testId);
      expect(new Set(ids).size, view).toBe(ids.length);
      for (const id of ids) {
        // The password field's ids are its own id ("password") and that id with "-show".
        if (id.startsWith('password')) expect(sources).toMatch(id === 'password' ? /data-testid=\{props\.id\}/ : /data-testid=\{`\$\{props\.id\}-show`\}/);
        // Written as an attribute, or as one of the ids a view picks between ({totp ? 'code-heading' : …}).
        else expect(sources, `${view}: ${id}`).toMatch(new RegExp(`data-testid=(?:"${id}"|\\{[^}\\n]*'${id}'[^}\\n]*\\})`));
      }
    }
  });

  it('names a single sign-on button after its provider, apart from "Sign in"', () => {
    const sso = CONTRACT['Login window']['single sign-on'];
    expect(sso.name(en, 'Contoso')).toBe('Sign in with Contoso');
    expect(sso.name(fi, 'Contoso')).toBe('Kirjaudu Contoso-tunnuksella');
    for (const t of [en, fi]) expect(sso.name(t, 'Contoso')).not.toBe(CONTRACT['Login window']['sign in'].name(t, ''));
  });
});
