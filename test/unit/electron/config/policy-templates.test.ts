/** The policy templates shipped for IT name only settings the app reads, with values it accepts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlist } from '../../../../electron/config/macos-managed-prefs.js';
import { checkSettings, SETTING_KEYS } from '../../../../electron/config/settings.js';

const read = (path: string) => readFileSync(new URL(`../../../../build/policy/${path}`, import.meta.url), 'utf8');

describe('policy templates', () => {
  it('Linux policy.json is valid as it stands', () => {
    expect(checkSettings('policy.json', JSON.parse(read('linux/policy.json')) as unknown).problems).toEqual([]);
  });

  it('the Windows ADMX writes the value names the registry reader maps onto settings', () => {
    const admx = read('windows/stepgate.admx');
    const names = [...admx.matchAll(/valueName="([A-Za-z]+)"/g)].map((m) => m[1] ?? '');
    const settings = names.map((n) => n.charAt(0).toLowerCase() + n.slice(1));
    expect(new Set(settings)).toEqual(new Set(SETTING_KEYS));
    expect(admx).toContain('key="Software\\Policies\\Stepgate\\Stepgate"');
  });

  it('the macOS profile’s payload holds valid settings', () => {
    const profile = parsePlist(read('macos/dev.stepgate.desktop.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const payload = Object.fromEntries(Object.entries(profile.PayloadContent[0] ?? {}).filter(([k]) => !k.startsWith('Payload')));
    expect(checkSettings('mobileconfig', payload)).toEqual({ values: { serverUrl: 'https://id.example.com', allowKeepSignedIn: true }, problems: [] });
  });
});
