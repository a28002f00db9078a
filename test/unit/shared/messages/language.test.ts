import { describe, expect, it } from 'vitest';
import { acceptLanguageTags, isUiLanguage, pickLanguage } from '../../../../shared/messages/language.js';

describe('pickLanguage', () => {
  it('takes the first preferred language Stepgate speaks, whatever its region or encoding', () => {
    expect(pickLanguage(['fi-FI', 'en-US'])).toBe('fi');
    expect(pickLanguage(['sv-FI', 'fi_FI.UTF-8'])).toBe('fi');
    expect(pickLanguage(['en_GB.UTF-8', 'fi'])).toBe('en');
    expect(pickLanguage(['FI'])).toBe('fi');
  });

  it('falls back to English, and never picks the pseudo-locale from preferences', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['de-DE', 'sv'])).toBe('en');
    expect(pickLanguage(['en-XA'])).toBe('en');
  });
});

describe('acceptLanguageTags', () => {
  it('orders by q, keeps the header’s order among equals, and drops q=0 and *', () => {
    expect(acceptLanguageTags('sv;q=0.5, fi-FI, en;q=0.8, de;q=0, *;q=0.1')).toEqual(['fi-FI', 'en', 'sv']);
    expect(acceptLanguageTags('en-GB,en;q=0.9')).toEqual(['en-GB', 'en']);
    expect(acceptLanguageTags(undefined)).toEqual([]);
    expect(acceptLanguageTags('')).toEqual([]);
    expect(pickLanguage(acceptLanguageTags('de-DE,de;q=0.9,fi;q=0.8,en;q=0.7'))).toBe('fi');
  });
});

describe('isUiLanguage', () => {
  it('accepts the languages and the pseudo-locale, nothing else', () => {
    expect(['en', 'fi', 'en-XA'].every(isUiLanguage)).toBe(true);
    expect([undefined, '', 'sv', 'FI', 1].some(isUiLanguage)).toBe(false);
  });
});
