/**
 * The catalogues: every key in English is in Finnish and the other way round, for the desktop app
 * and the pages; every text is worded (no "undefined", no English left in Finnish); the vocabulary
 * the headers of en.ts and fi.ts write down holds; numbers and durations take their languages' forms.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../shared/ipc/problem.js';
import { messagesFor, pagesMessagesFor } from '../../../../shared/messages/catalogue.js';
import { duration, en } from '../../../../shared/messages/en.js';
import { durationGenitive, fi } from '../../../../shared/messages/fi.js';
import { parseFieldReason } from '../../../../shared/messages/field-reason.js';
import { pagesEn } from '../../../../shared/messages/pages-en.js';
import { pagesFi } from '../../../../shared/messages/pages-fi.js';
import { pseudoText } from '../../../../shared/messages/pseudo.js';

const NOW = 1_700_000_000_000;
const PROBLEMS: readonly Problem[] = [
  { kind: 'invalidCredentials' },
  { kind: 'wrongCode', attemptsRemaining: 3, reason: 'incorrect' },
  { kind: 'wrongCode', attemptsRemaining: 0, reason: 'incorrect' },
  { kind: 'wrongCode', attemptsRemaining: 3, reason: 'already_used' },
  { kind: 'wrongCode', attemptsRemaining: 0, reason: 'already_used' },
  { kind: 'wrongCode', attemptsRemaining: 3, reason: 'clock_skew' },
  { kind: 'wrongCode', attemptsRemaining: 0, reason: 'clock_skew' },
  { kind: 'challengeExpired' },
  { kind: 'wrongRecoveryCode', attemptsRemaining: 3, reason: 'incorrect' },
  { kind: 'wrongRecoveryCode', attemptsRemaining: 0, reason: 'incorrect' },
  { kind: 'wrongRecoveryCode', attemptsRemaining: 3, reason: 'already_used' },
  { kind: 'wrongRecoveryCode', attemptsRemaining: 0, reason: 'already_used' },
  { kind: 'locked', retryAt: NOW + 30_000, reason: null },
  { kind: 'locked', retryAt: NOW + 30_000, reason: 'clock_skew' },
  { kind: 'locked', retryAt: NOW, reason: 'already_used' },
  { kind: 'sessionEnded' },
  { kind: 'forbidden' },
  { kind: 'notFound' },
  { kind: 'totpDisabled' },
  { kind: 'invalidRequest' },
  { kind: 'unreachable' },
  { kind: 'timeout' },
  { kind: 'tls' },
  { kind: 'unexpected' },
  { kind: 'serverError' },
  { kind: 'invalidServerAddress', reason: 'empty' },
  { kind: 'invalidServerAddress', reason: 'malformed' },
  { kind: 'invalidServerAddress', reason: 'notHttps' },
  { kind: 'invalidServerAddress', reason: 'notAllowed' },
  { kind: 'ssoRequired' },
  { kind: 'ssoCancelled' },
  { kind: 'ssoExpired' },
  ...(['otherBrowser', 'providerRemoved', null] as const).map((reason) => ({ kind: 'ssoStateInvalid', reason }) as const),
  ...(['unreachable', 'configuration', null] as const).map((reason) => ({ kind: 'ssoProviderError', reason }) as const),
  ...(['clock', null] as const).map((reason) => ({ kind: 'ssoTokenInvalid', reason }) as const),
  ...(['emailUnverified', 'claimMissing', null] as const).map((reason) => ({ kind: 'ssoUnknownUser', reason }) as const),
  { kind: 'ssoAccountConflict' },
  { kind: 'ssoLinkRequired' },
  ...(['disabled', 'ssoOff', null] as const).map((reason) => ({ kind: 'ssoNotAllowed', reason }) as const),
  { kind: 'ssoResultInvalid' },
  { kind: 'ssoBrowserFailed' },
  { kind: 'ssoStartRefused' },
];

type Entry = { readonly path: string; readonly kind: 'text' | 'function'; readonly texts: readonly string[] };

function samplesFor(key: string): unknown[][] {
  switch (key) {
    case 'problem':
      return PROBLEMS.map((p) => [p, NOW]);
    case 'field':
      return [
        ['name', parseFieldReason('is required')],
        ['password', parseFieldReason('must be at least 8 characters')],
        ['other', parseFieldReason('something else')],
      ];
    case 'time':
      return [[NOW]];
    case 'computerClock':
      return [[61], [-240], [3600]];
    case 'computerName':
      return [[{ browser: 'Firefox', system: 'Windows' }], [{ browser: null, system: 'Linux' }], [{ browser: null, system: null }]];
    case 'removeTrustedFor':
    case 'removeTrustedHeading':
    case 'removedTrusted':
      return [['Chrome on Linux', 'Ada']];
    case 'trustedCount':
      return [['Ada', 0], ['Ada', 2]];
    default:
      return [[0], [1], [2], [61], ['Ada']];
  }
}

/** Every key of a catalogue, with the texts it gives (functions called with sample arguments). */
function entries(catalogue: object, path = ''): Entry[] {
  return Object.entries(catalogue).flatMap(([key, value]): Entry[] => {
    const here = path === '' ? key : `${path}.${key}`;
    if (typeof value === 'string') return [{ path: here, kind: 'text', texts: [value] }];
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      return [{ path: here, kind: 'function', texts: samplesFor(key).map((args) => String(fn.apply(catalogue, args))) }];
    }
    return entries(value as object, here);
  });
}

const shape = (catalogue: object) => entries(catalogue).map((e) => `${e.path}:${e.kind}`);

describe.each([
  ['desktop', en, fi],
  ['pages', pagesEn, pagesFi],
] as const)('the %s catalogues', (_name, english, finnish) => {
  it('have the same keys, each a text or a function in both', () => {
    expect(shape(finnish)).toEqual(shape(english));
  });

  it('word every text, and the Finnish one is not the English one', () => {
    const englishTexts = new Map(entries(english).map((e) => [e.path, e.texts]));
    for (const entry of entries(finnish)) {
      for (const text of entry.texts) expect(text, entry.path).not.toMatch(/undefined|NaN|\[object|^\s*$/);
      // Names, addresses and the locale read the same in both languages.
      if (/appName|placeholder|locale|footer/.test(entry.path)) continue;
      expect(entry.texts, entry.path).not.toEqual(englishTexts.get(entry.path));
    }
  });

  // "Login keyring" is the name GNOME gives the keyring unlocked at log-in, and the one place the word is right.
  it('keep to the vocabulary: never TOTP, 2FA, MFA, OTP or "log in"', () => {
    for (const catalogue of [english, finnish]) {
      for (const entry of entries(catalogue)) {
        for (const text of entry.texts) expect(text, entry.path).not.toMatch(/\bTOTP\b|\b2FA\b|\bMFA\b|\bOTP\b|\blog ?in\b(?! keyring)/i);
      }
    }
  });
});

describe.each([
  ['English', pagesEn],
  ['Finnish', pagesFi],
] as const)('the administration page in %s', (_language, pages) => {
  it('names each row’s button with its visible words, then the user (the label is in the name)', () => {
    const a = pages.admin;
    for (const [visible, named] of [[a.revoke, a.revokeFor], [a.disable, a.disableFor], [a.enable, a.enableFor], [a.setPassword, a.setPasswordFor]] as const) {
      expect(named('ada')).toContain(visible);
    }
  });
});

describe('the Finnish vocabulary of fi.ts', () => {
  const finnishTexts = [...entries(fi), ...entries(pagesFi)].flatMap((e) => e.texts.map((text) => ({ path: e.path, text })));

  it('says "kaksivaiheinen tunnistautuminen" in full, never clipped to "kaksivaiheinen"', () => {
    for (const { path, text } of finnishTexts) {
      for (const match of text.matchAll(/kaksivaihei\S*(\s+\S+)?/gi)) expect(match[1] ?? '', path).toMatch(/^\s+tunnistautumi/);
    }
  });

  it('forgets or removes a trusted computer, and keeps "päättyä" for sessions', () => {
    for (const { path, text } of finnishTexts) {
      for (const clause of text.split(/[.:;,]/)) {
        if (/luotet\S* tietokone/i.test(clause)) expect(clause, path).not.toMatch(/päätt/i);
      }
    }
  });

  it('has none of the phrases that read as translated from English', () => {
    const calques = [/sen sijaan/i, /palvelulla \$?\S/i, /jatkaaksesi|nähdäksesi/i, /pidä minut/i, /turvallista reittiä/i, /käytettiin juuri/i, /minuutin sisällä/i, /lähteestä/i, /nimeää/i, /samoin kaikki luotetut/i];
    for (const { path, text } of finnishTexts) for (const calque of calques) expect(text, path).not.toMatch(calque);
  });

  it('enters ("anna") a code, and types ("syötä") only a set-up key', () => {
    for (const { path, text } of finnishTexts) {
      for (const match of text.matchAll(/syötä\S*\s+(\S+)/gi)) expect(match[1], path).toMatch(/^avain/);
    }
  });

  it('joins an identity provider’s name to its word as a Finnish compound, never inflecting the name', () => {
    expect(fi.signIn.withProvider('Okta')).toBe('Kirjaudu Okta-tunnuksella');
    expect(fi.signIn.withProvider('Entra ID')).toBe('Kirjaudu Entra ID -tunnuksella');
    expect(fi.browserSignIn.body('Entra ID')).toContain('Stepgate avasi selaimeesi Entra ID -palvelun kirjautumissivun.');
  });
});

describe('numbers and durations', () => {
  it('words English plurals with Intl plural rules', () => {
    expect(en.problem({ kind: 'wrongCode', attemptsRemaining: 1, reason: 'incorrect' }, NOW)).toContain('1 attempt left');
    expect(en.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'incorrect' }, NOW)).toContain('4 attempts left');
    expect(pagesEn.settings.recoveryLeft(1)).toBe('You have 1 unused recovery code.');
    expect(en.code.label(6)).toBe('Verification code, 6 digits');
    expect(en.code.computerClock(-240)).toContain('4 minutes behind the server’s');
    expect(en.code.computerClock(61)).toContain('1 minute ahead of the server’s');
    expect(en.code.trustComputer(30)).toBe('Don’t ask for a code on this computer for 30 days');
    expect(en.code.trustComputer(1)).toBe('Don’t ask for a code on this computer for 1 day');
  });

  it('words Finnish numbers in the partitive after any number but one', () => {
    expect(fi.problem({ kind: 'wrongCode', attemptsRemaining: 1, reason: 'incorrect' }, NOW)).toContain('1 yritys jäljellä');
    expect(fi.problem({ kind: 'wrongCode', attemptsRemaining: 4, reason: 'incorrect' }, NOW)).toContain('4 yritystä jäljellä');
    expect(pagesFi.settings.recoveryLeft(1)).toBe('Sinulla on 1 käyttämätön varakoodi.');
    expect(pagesFi.settings.recoveryLeft(9)).toBe('Sinulla on 9 käyttämätöntä varakoodia.');
    expect(fi.code.label(6)).toBe('Vahvistuskoodi, 6 numeroa');
    expect(fi.code.computerClock(-240)).toContain('4 minuuttia jäljessä');
    expect(fi.code.computerClock(61)).toContain('1 minuutin edellä');
    expect(fi.signedIn.recoveryCodesLeft(1)).toContain('Jäljellä on 1 koodi,');
    expect(fi.signedIn.recoveryCodesLeft(3)).toContain('Jäljellä on 3 koodia,');
    // The illative after a numeral is singular whatever the number.
    expect(fi.code.trustComputer(30)).toBe('Älä kysy koodia tällä tietokoneella 30 päivään');
    expect(fi.code.trustComputer(1)).toBe('Älä kysy koodia tällä tietokoneella 1 päivään');
  });

  it.each([
    [0, '0 seconds', '0 sekunnin'],
    [1, '1 second', '1 sekunnin'],
    [0.2, '1 second', '1 sekunnin'],
    [59, '59 seconds', '59 sekunnin'],
    [60, '1 minute', '1 minuutin'],
    [61, '1 minute 1 second', '1 minuutin 1 sekunnin'],
    [125, '2 minutes 5 seconds', '2 minuutin 5 sekunnin'],
  ])('%d s reads "%s", and in Finnish "%s kuluttua"', (seconds, english, finnish) => {
    expect(duration(seconds)).toBe(english);
    expect(durationGenitive(seconds)).toBe(finnish);
  });

  it('counts a lock-out down from the same number in both languages, and then says what to do', () => {
    expect(en.problem({ kind: 'locked', retryAt: NOW + 61_000, reason: null }, NOW)).toBe(en.code.lockedFor(61));
    expect(fi.problem({ kind: 'locked', retryAt: NOW + 61_000, reason: null }, NOW)).toBe('Liian monta yritystä. Voit yrittää uudelleen 1 minuutin 1 sekunnin kuluttua.');
    expect(en.problem({ kind: 'locked', retryAt: NOW, reason: null }, NOW)).toBe(en.code.lockedOver);
  });

  it('words every problem differently', () => {
    for (const messages of [en, fi]) {
      const texts = PROBLEMS.map((p) => messages.problem(p, NOW));
      expect(new Set(texts).size).toBe(PROBLEMS.length);
      for (const text of texts) expect(text).toMatch(/\.$/);
    }
  });
});

describe('field reasons', () => {
  it('are worded in each language’s own grammar, not echoed from the server', () => {
    expect(pagesEn.field('password', parseFieldReason('must be at least 8 characters'))).toBe('The password must be at least 8 characters.');
    expect(pagesFi.field('password', parseFieldReason('must be at least 8 characters'))).toBe('Salasanan pituuden on oltava vähintään 8 merkkiä.');
    expect(pagesFi.field('name', parseFieldReason('must not be empty'))).toBe('Nimi ei saa olla tyhjä.');
    expect(pagesFi.field('displayName', parseFieldReason('something new'))).toBe('Näyttönimi ei kelpaa.');
  });
});

describe('the pseudo-locale', () => {
  it('makes every text longer and accented, keeping numbers and addresses', () => {
    const pseudo = messagesFor('en-XA');
    expect(pseudo.signIn.heading.length).toBeGreaterThan(en.signIn.heading.length * 1.3);
    expect(pseudo.signIn.heading).not.toMatch(/[a-z]{2}/i);
    expect(pseudo.code.label(6)).toContain('6');
    expect(pseudoText('Go to https://id.example.com')).toContain('https://id.example.com');
    expect(pagesMessagesFor('en-XA').admin.requireTotpFor('ada')).toContain('àđà');
    expect(pseudo.locale).toBe('en');
  });
});
