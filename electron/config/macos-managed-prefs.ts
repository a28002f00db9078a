/**
 * macOS managed preferences (configuration profiles pushed by MDM), found in
 * /Library/Managed Preferences/<user>/<bundle id>.plist and /Library/Managed Preferences/<bundle id>.plist.
 * They are usually binary plists; `plutil -convert xml1` turns them into XML, parsed here.
 */
import { absent, firstLine, unreadable, type PolicyRead, type ReadFile, type RunCommand } from './policy-read.js';

export type PlistValue = string | number | boolean | readonly PlistValue[] | { readonly [key: string]: PlistValue };

type Token = { readonly kind: 'open' | 'close' | 'empty'; readonly name: string } | { readonly kind: 'text'; readonly text: string };

function tokenize(xml: string): Token[] {
  const body = xml.replace(/<\?xml[\s\S]*?\?>/, '').replace(/<!DOCTYPE[\s\S]*?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  const pattern = /<(\/?)([A-Za-z]+)[^>]*?(\/?)>|([^<]+)/g;
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
    const [, slash, name, selfClose, text] = m;
    if (text !== undefined) {
      if (text.trim() !== '') tokens.push({ kind: 'text', text });
    } else if (name !== undefined) {
      tokens.push({ kind: slash === '/' ? 'close' : selfClose === '/' ? 'empty' : 'open', name });
    }
  }
  return tokens;
}

const decode = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** Parses an XML property list; throws on anything malformed, which the caller reports. */
export function parsePlist(xml: string): PlistValue {
  const tokens = tokenize(xml);
  let i = 0;
  const next = (): Token => {
    const token = tokens[i++];
    if (token === undefined) throw new Error('unexpected end of plist');
    return token;
  };
  const textUntil = (name: string): string => {
    let text = '';
    for (let t = next(); !(t.kind === 'close' && t.name === name); t = next()) {
      if (t.kind !== 'text') throw new Error(`unexpected <${t.name}> in <${name}>`);
      text += t.text;
    }
    return decode(text);
  };
  const value = (token: Token): PlistValue => {
    if (token.kind === 'text') throw new Error('unexpected text');
    if (token.kind === 'empty') {
      if (token.name === 'true') return true;
      if (token.name === 'false') return false;
      if (token.name === 'string') return '';
      if (token.name === 'array') return [];
      if (token.name === 'dict') return {};
      throw new Error(`unsupported <${token.name}/>`);
    }
    if (token.kind === 'close') throw new Error(`unexpected </${token.name}>`);
    switch (token.name) {
      case 'string':
      case 'date':
      case 'data':
        return textUntil(token.name);
      case 'integer':
      case 'real': {
        const n = Number(textUntil(token.name).trim());
        if (!Number.isFinite(n)) throw new Error(`bad <${token.name}>`);
        return n;
      }
      case 'array': {
        const items: PlistValue[] = [];
        for (let t = next(); !(t.kind === 'close' && t.name === 'array'); t = next()) items.push(value(t));
        return items;
      }
      case 'dict': {
        const dict: Record<string, PlistValue> = {};
        for (let t = next(); !(t.kind === 'close' && t.name === 'dict'); t = next()) {
          if (t.kind !== 'open' || t.name !== 'key') throw new Error('expected <key> in <dict>');
          const key = textUntil('key');
          dict[key] = value(next());
        }
        return dict;
      }
      default:
        throw new Error(`unsupported <${token.name}>`);
    }
  };
  const root = next();
  if (root.kind !== 'open' || root.name !== 'plist') throw new Error('not a plist');
  const result = value(next());
  return result;
}

export function managedPrefsPaths(bundleId: string, user: string): readonly string[] {
  return [`/Library/Managed Preferences/${user}/${bundleId}.plist`, `/Library/Managed Preferences/${bundleId}.plist`];
}

/** By absolute path: never whatever `plutil` comes first in PATH. */
export const PLUTIL = '/usr/bin/plutil';

/**
 * Reads one managed preferences file: absent when the file is not there; its settings when plutil
 * converts it and it holds a dictionary; otherwise unreadable, naming why.
 */
export async function readManagedPreferences(read: ReadFile, run: RunCommand, path: string): Promise<PolicyRead> {
  const file = await read(path);
  if (file.kind === 'absent') return absent;
  if (file.kind === 'unreadable') return unreadable(file.cause);
  // Managed preferences are usually binary; plutil prints them as XML.
  const converted = await run(PLUTIL, ['-convert', 'xml1', '-o', '-', path]);
  if (converted.kind === 'failed') return unreadable(`plutil could not run: ${converted.cause}`);
  if (converted.code !== 0) {
    const said = firstLine(new TextDecoder().decode(converted.stderr)) || firstLine(new TextDecoder().decode(converted.stdout));
    return unreadable(`plutil could not convert it (exit code ${converted.code}${said === '' ? '' : `: ${said}`})`);
  }
  let root: PlistValue;
  try {
    root = parsePlist(new TextDecoder().decode(converted.stdout));
  } catch (error) {
    return unreadable(`is not a valid property list (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof root !== 'object' || Array.isArray(root)) return unreadable('does not hold a dictionary of settings');
  return { kind: 'found', raw: root as Readonly<Record<string, unknown>>, problems: [] };
}
