/**
 * The languages Stepgate speaks and how one is chosen: the desktop app from the operating system's
 * preferred languages, the browser pages from Accept-Language; policy or settings may force one.
 */
export const LANGUAGES = ['en', 'fi'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * English with every text made longer and accented, for checking that layouts hold longer
 * translations. Only ever chosen explicitly (a setting), never from a person's preferences.
 */
export const PSEUDO_LANGUAGE = 'en-XA';
export type UiLanguage = Language | typeof PSEUDO_LANGUAGE;

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === PSEUDO_LANGUAGE || isLanguage(value);
}

/** The first of `preferences` (language tags, most preferred first, e.g. "fi-FI", "en_GB.UTF-8") Stepgate speaks; else English. */
export function pickLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The tags of an Accept-Language header, most preferred first ("fi-FI,fi;q=0.9,en;q=0.5"); q=0 means "not this one". */
export function acceptLanguageTags(header: string | undefined): readonly string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
