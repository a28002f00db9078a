import { describe, expect, it } from 'vitest';
import { environmentLanguages, uiLanguage } from '../../../../electron/app/ui-language.js';

describe('uiLanguage', () => {
  it('is what policy or settings force, else the system’s first language Stepgate speaks, else English', () => {
    expect(uiLanguage('en', ['fi-FI'])).toBe('en');
    expect(uiLanguage(null, ['sv-FI', 'fi-FI', 'en-US'])).toBe('fi');
    expect(uiLanguage(null, ['de-DE'])).toBe('en');
    expect(uiLanguage('en-XA', ['fi-FI'])).toBe('en-XA');
  });
});

describe('environmentLanguages', () => {
  it('reads LANGUAGE, then the locale of LC_ALL, LC_MESSAGES or LANG, as gettext does', () => {
    expect(environmentLanguages({ LANG: 'fi_FI.UTF-8' })).toEqual(['fi_FI.UTF-8']);
    expect(environmentLanguages({ LANGUAGE: 'sv:fi', LANG: 'en_US.UTF-8' })).toEqual(['sv', 'fi', 'en_US.UTF-8']);
    expect(environmentLanguages({ LC_ALL: 'fi_FI.UTF-8', LANG: 'en_US.UTF-8' })).toEqual(['fi_FI.UTF-8']);
    expect(environmentLanguages({ LANGUAGE: 'fi', LANG: 'C.UTF-8' })).toEqual([]);
    expect(environmentLanguages({})).toEqual([]);
  });
});
