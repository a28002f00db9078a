/** The settings added for the interface: the language, and the help page for "Can't use your authenticator app?". */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../../electron/config/resolve-config.js';
import { checkSettings } from '../../../../electron/config/settings.js';

describe('language and helpUrl settings', () => {
  it('take a language Stepgate speaks and an https help page', () => {
    expect(checkSettings('policy', { language: 'fi', helpUrl: 'https://desk.example.org/authenticator?from=stepgate' })).toEqual({
      values: { language: 'fi', helpUrl: 'https://desk.example.org/authenticator?from=stepgate' },
      problems: [],
    });
  });

  it('refuse anything else, naming the setting and its source', () => {
    const checked = checkSettings('HKLM', { language: 'sv', helpUrl: 'http://desk.example.org/' });
    expect(checked.values).toEqual({});
    expect(checked.problems).toEqual([
      { source: 'HKLM', key: 'language', reason: 'must be "en" or "fi"' },
      { source: 'HKLM', key: 'helpUrl', reason: 'must be an https address' },
    ]);
    expect(checkSettings('x', { helpUrl: 'https://user:pw@desk.example.org/' }).problems).toHaveLength(1);
    expect(checkSettings('x', { helpUrl: 'not a url' }).problems).toHaveLength(1);
  });

  it('are forced by policy over the person’s own settings, and unset by default', () => {
    const policy = { name: 'policy', policy: true, ...checkSettings('policy', { language: 'en' }) };
    const own = { name: 'settings', policy: false, ...checkSettings('settings', { language: 'fi', helpUrl: 'https://help.example.com/' }) };
    expect(resolveConfig([policy, own])).toMatchObject({ language: 'en', helpUrl: 'https://help.example.com/' });
    expect(resolveConfig([])).toMatchObject({ language: null, helpUrl: null });
  });
});
