import { describe, expect, it } from 'vitest';
import { pageLanguage, shellInLanguage } from '../../../server/pages/page-language.js';

describe('pageLanguage', () => {
  it('follows Accept-Language, falls back to English, and yields to a forced language', () => {
    expect(pageLanguage('fi-FI,fi;q=0.9,en;q=0.5', undefined)).toBe('fi');
    expect(pageLanguage('de-DE,en;q=0.5,fi;q=0.4', undefined)).toBe('en');
    expect(pageLanguage('de-DE', undefined)).toBe('en');
    expect(pageLanguage(undefined, undefined)).toBe('en');
    expect(pageLanguage('fi', 'en')).toBe('en');
  });

  it('is written into the page shell’s <html lang>', () => {
    expect(shellInLanguage('<!doctype html>\n<html lang="en">\n<head>', 'fi')).toBe('<!doctype html>\n<html lang="fi">\n<head>');
  });
});
