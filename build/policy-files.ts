/**
 * What IT reads about policy, derived from the settings table (electron/config/settings.ts): the
 * JSON Schema for /etc/stepgate/policy.json and the key list in docs/deploying.md. Both are
 * committed; `npm run policy:write` rewrites them and a unit test fails while they are stale.
 */
import { APP_IDENTITY } from '../electron/config/app-identity.js';
import { registryName, SETTING_KEYS, SETTINGS, type SettingKey, type SourceKind } from '../electron/config/settings.js';

export const POLICY_SCHEMA_PATH = 'build/policy/linux/policy.schema.json';
export const DEPLOYING_DOC_PATH = 'docs/deploying.md';

/** The settings policy may set, in table order. */
export const POLICY_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].sources.includes('policy'));

export function policyJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Stepgate policy (${APP_IDENTITY.linuxPolicyPath})`,
    description: 'Settings IT enforces on Linux. Every key is optional; unknown keys are reported and ignored by the app.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      POLICY_KEYS.map((key) => {
        const definition = SETTINGS[key];
        return [key, { ...definition.kind.jsonSchema, title: definition.title, description: definition.effect }];
      }),
    ),
  };
}

export const policySchemaText = () => `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;

const SOURCE_NAMES: Readonly<Record<SourceKind, string>> = {
  policy: 'policy',
  commandLine: '`--server` (development)',
  userSettings: 'personal settings',
  buildDefaults: 'build defaults',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function policyKeyTable(): string {
  const rows = POLICY_KEYS.map((key) => {
    const definition = SETTINGS[key];
    const kind = definition.kind;
    return `| \`${key}\` | \`${registryName(key)}\` (${kind.registryTypes.join(' or ')}) | ${cell(kind.describe)} | ${definition.default === null ? 'none' : `\`${JSON.stringify(definition.default)}\``} | ${definition.sources.map((s) => SOURCE_NAMES[s]).join(', ')} | ${cell(definition.effect)} |`;
  });
  return [
    '| Key (policy.json, macOS) | Windows value (type) | Value | Default | Who may set it | Effect |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const START = '<!-- policy-keys: generated from electron/config/settings.ts by `npm run policy:write` -->';
const END = '<!-- /policy-keys -->';

/** The document with its generated key list replaced by the current one. */
export function withPolicyKeyTable(doc: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DEPLOYING_DOC_PATH} has no ${START} ... ${END} section`);
  return `${doc.slice(0, start + START.length)}\n${policyKeyTable()}\n${doc.slice(end)}`;
}
