/**
 * Every policy template IT gets is checked against the settings table the app reads
 * (electron/config/settings.ts): a setting without its template lines, a template line for a
 * setting the app does not know, or a value the app would refuse, fails here.
 */
import { DOMParser } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_IDENTITY } from '../../../electron/config/app-identity.js';
import { parsePlist, type PlistValue } from '../../../electron/config/macos-managed-prefs.js';
import { checkSettings, registryName, SETTINGS, type SettingKey } from '../../../electron/config/settings.js';
import { DEPLOYING_DOC_PATH, POLICY_KEYS, POLICY_SCHEMA_PATH, policySchemaText, withPolicyKeyTable } from '../../../build/policy-files.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function parseXml(text: string): Document {
  return new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${String(message)}`);
    },
  }).parseFromString(text, 'text/xml');
}
const all = (node: Document | Element, name: string): Element[] => Array.from(node.getElementsByTagName(name));
const only = (node: Document | Element, name: string): Element => {
  const found = all(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
};

describe('Windows ADMX and ADML', () => {
  const admx = parseXml(read('build/policy/windows/stepgate.admx'));
  const adml = parseXml(read('build/policy/windows/en-US/stepgate.adml'));
  const policies = all(admx, 'policy');
  const policyNamed = (name: string) => policies.find((p) => p.getAttribute('name') === name);
  const strings = new Map(all(adml, 'string').map((s) => [s.getAttribute('id'), s.textContent ?? '']));
  const presentations = new Map(all(adml, 'presentation').map((p) => [p.getAttribute('id'), p]));

  it('defines one policy for every setting policy may set, and none for anything else', () => {
    expect(policies.map((p) => p.getAttribute('name')).sort()).toEqual(POLICY_KEYS.map(registryName).sort());
  });

  it.each(POLICY_KEYS)('%s: writes the registry value the reader looks for, with the element its kind needs', (key: SettingKey) => {
    const name = registryName(key);
    const policy = policyNamed(name);
    if (policy === undefined) throw new Error(`no policy ${name} in stepgate.admx`);
    expect(policy.getAttribute('key')).toBe(`Software\\Policies\\${APP_IDENTITY.vendor}\\${APP_IDENTITY.app}`);
    // The reader looks in HKLM and HKCU, so both the computer and the user may set it.
    expect(policy.getAttribute('class')).toBe('Both');
    expect(policy.getAttribute('displayName')).toBe(`$(string.${name})`);
    expect(policy.getAttribute('explainText')).toBe(`$(string.${name}_Explain)`);
    const kind = SETTINGS[key].kind;
    if (kind.admx === 'boolean') {
      expect(policy.getAttribute('valueName')).toBe(name);
      expect(only(only(policy, 'enabledValue'), 'decimal').getAttribute('value')).toBe('1');
      expect(only(only(policy, 'disabledValue'), 'decimal').getAttribute('value')).toBe('0');
      expect(kind.registryTypes[0]).toBe('REG_DWORD');
      return;
    }
    const element = only(only(policy, 'elements'), kind.admx);
    expect(element.getAttribute('valueName')).toBe(name);
    expect(policy.getAttribute('presentation')).toBe(`$(presentation.${name})`);
    if (kind.admx === 'decimal') {
      // Group Policy's own bounds, so an out-of-range number is refused in the editor rather than stopping the app.
      expect(Number(element.getAttribute('minValue'))).toBe(kind.jsonSchema['minimum']);
      expect(Number(element.getAttribute('maxValue'))).toBe(kind.jsonSchema['maximum']);
    }
    if (kind.admx === 'enum') {
      const values = all(element, 'item').map((item) => only(item, 'string').textContent);
      expect(values).toEqual(kind.choices);
    }
    const box = { text: 'textBox', multiText: 'multiTextBox', decimal: 'decimalTextBox', enum: 'dropdownList' }[kind.admx];
    const presentation = presentations.get(name);
    if (presentation === undefined) throw new Error(`no presentation ${name} in stepgate.adml`);
    expect(only(presentation, box).getAttribute('refId')).toBe(element.getAttribute('id'));
  });

  it('has every string and presentation the ADMX refers to in the ADML', () => {
    const text = read('build/policy/windows/stepgate.admx');
    for (const [, id] of text.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)) expect(strings.get(id ?? ''), `string ${id}`).toMatch(/\S/);
    for (const [, id] of text.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)) expect(presentations.has(id ?? ''), `presentation ${id}`).toBe(true);
  });

  it('declares the Windows versions it supports itself, rather than naming a definition Windows.admx does not have', () => {
    const definitions = all(only(admx, 'definitions'), 'definition').map((d) => d.getAttribute('name'));
    for (const name of definitions) expect(strings.get(name ?? ''), `string ${name}`).toMatch(/Windows/);
    for (const policy of policies) {
      const ref = only(policy, 'supportedOn').getAttribute('ref') ?? '';
      expect(ref.includes(':') ? ref : `stepgate:${ref}`).toMatch(/^stepgate:/);
      expect(definitions).toContain(ref.replace(/^stepgate:/, ''));
    }
    expect(all(admx, 'using')).toEqual([]);
  });

  it('puts every policy in the Stepgate category and keeps the ADML revision in step', () => {
    const category = only(admx, 'category').getAttribute('name');
    for (const policy of policies) expect(only(policy, 'parentCategory').getAttribute('ref')).toBe(category);
    expect(adml.documentElement?.getAttribute('revision')).toBe(only(admx, 'resources').getAttribute('minRequiredRevision'));
  });
});

describe('macOS configuration profile', () => {
  const profile = parsePlist(read('build/policy/macos/dev.stepgate.desktop.mobileconfig')) as Record<string, PlistValue>;
  const payloads = profile['PayloadContent'] as readonly Record<string, PlistValue>[];
  const payload = payloads[0] ?? {};
  const settings = Object.fromEntries(Object.entries(payload).filter(([key]) => !key.startsWith('Payload')));

  it('is a profile with one payload for the app’s preference domain', () => {
    expect(profile['PayloadType']).toBe('Configuration');
    expect(payloads).toHaveLength(1);
    expect(payload['PayloadType']).toBe(APP_IDENTITY.bundleId);
    const uuids = [profile['PayloadUUID'], payload['PayloadUUID']];
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/);
    expect(new Set(uuids).size).toBe(2);
  });

  it('sets every setting policy may set, each with its kind’s plist element, in a form the app accepts', () => {
    expect(Object.keys(settings).sort()).toEqual([...POLICY_KEYS].sort());
    const elementOf = (value: PlistValue) => (typeof value === 'boolean' ? 'true/false' : typeof value === 'number' ? 'integer' : Array.isArray(value) ? 'array' : 'string');
    for (const key of POLICY_KEYS) expect(elementOf(settings[key] as PlistValue), key).toBe(SETTINGS[key].kind.plist);
    expect(checkSettings('mobileconfig', 'policy', settings).problems).toEqual([]);
  });
});

describe('Linux policy.json and its JSON Schema', () => {
  const schema = JSON.parse(read(POLICY_SCHEMA_PATH)) as Record<string, unknown>;
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const template = JSON.parse(read('build/policy/linux/policy.json')) as Record<string, unknown>;

  it('the schema is the one the settings table gives (run `npm run policy:write` when it is not)', () => {
    expect(read(POLICY_SCHEMA_PATH)).toBe(policySchemaText());
  });

  it('the template sets every setting policy may set, and passes both the schema and the app', () => {
    expect(Object.keys(template).sort()).toEqual([...POLICY_KEYS].sort());
    expect(validate(template), JSON.stringify(validate.errors)).toBe(true);
    expect(checkSettings('policy.json', 'policy', template).problems).toEqual([]);
  });

  // Values of every shape; the app's checks are stricter than the schema (an http:// address is
  // text, yet refused), but nothing the app accepts may fail the schema, nor anything of a wrong type pass it.
  const samples: readonly unknown[] = [true, false, 0, 1, 30, 365, 366, 7.5, 'https://id.example.com', 'http://insecure.example.com', '', ['https://a.example.com'], [1], [], {}, null];

  it.each(POLICY_KEYS)('%s: the schema accepts every value the app accepts', (key) => {
    for (const value of samples) {
      const appAccepts = SETTINGS[key].kind.check(value).ok;
      const schemaAccepts = validate({ [key]: value });
      if (appAccepts) expect(schemaAccepts, `${key}: ${JSON.stringify(value)}`).toBe(true);
      const schemaType = (schema['properties'] as Record<string, { type: string }>)[key]?.type;
      const sameType = schemaType === 'array' ? Array.isArray(value) : schemaType === 'integer' ? Number.isInteger(value) : typeof value === schemaType;
      if (!sameType) expect(schemaAccepts, `${key}: ${JSON.stringify(value)}`).toBe(false);
    }
  });

  it('the schema refuses a name the app does not know', () => {
    expect(validate({ serverURL: 'https://id.example.com' })).toBe(false);
  });
});

describe('docs/deploying.md', () => {
  it('lists the settings as the table gives them (run `npm run policy:write` when it does not)', () => {
    const doc = read(DEPLOYING_DOC_PATH);
    expect(doc).toBe(withPolicyKeyTable(doc));
    for (const key of POLICY_KEYS) expect(doc).toContain(`| \`${key}\` | \`${registryName(key)}\``);
  });
});
