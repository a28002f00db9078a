/** The settings added for the interface: the language, and the help page for "Can't use your authenticator app?". */
import { describe, expect, it } from 'vitest';
import { configSource, resolveConfig } from '../../../../electron/config/resolve-config.js';
import { checkSettings } from '../../../../electron/config/settings.js';

describe('language and helpUrl settings', () => {
  it('take a language Stepgate speaks and an https help page', () => {
    expect(checkSettings('policy', 'policy', { language: 'fi', helpUrl: 'https://desk.example.org/authenticator?from=stepgate' })).toEqual({
      values: { language: 'fi', helpUrl: 'https://desk.example.org/authenticator?from=stepgate' },
      problems: [],
    });
  });

  it('refuse anything else, naming the setting and its source', () => {
    const checked = checkSettings('HKLM', 'policy', { language: 'sv', helpUrl: 'http://desk.example.org/' });
    expect(checked.values).toEqual({});
    expect(checked.problems).toEqual([
      { source: 'HKLM', key: 'language', reason: 'must be "en" or "fi"' },
      { source: 'HKLM', key: 'helpUrl', reason: 'must be an https address' },
    ]);
    expect(checkSettings('x', 'policy', { helpUrl: 'https://user:pw@desk.example.org/' }).problems).toHaveLength(1);
    expect(checkSettings('x', 'policy', { helpUrl: 'not a url' }).problems).toHaveLength(1);
  });

  it('are forced by policy over the person’s own settings, and unset by default', () => {
    const policy = configSource('policy', 'policy', { language: 'en' });
    const own = configSource('settings', 'userSettings', { language: 'fi' });
    const defaults = configSource('build defaults', 'buildDefaults', { helpUrl: 'https://help.example.com/' });
    expect(resolveConfig([policy, own, defaults])).toMatchObject({ settings: { language: 'en', helpUrl: 'https://help.example.com/' }, locked: { language: true, helpUrl: false } });
    expect(resolveConfig([]).settings).toMatchObject({ language: null, helpUrl: null });
  });

  it('keep the help page out of the person’s own settings: only IT points people to help', () => {
    expect(configSource('settings', 'userSettings', { helpUrl: 'https://phish.example.com/' }).problems).toEqual([
      { source: 'settings', key: 'helpUrl', reason: 'cannot be set in personal settings' },
    ]);
  });
});
