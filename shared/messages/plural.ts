/** Numbers and their words in a language's own forms, with the plural rules of Intl (CLDR). */
const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** A word's forms by plural category; `other` is always needed (English: one/other; Finnish: one/other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

export function formatNumber(locale: string, n: number): string {
  let format = numbers.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format.format(n);
}

/** The form of a word that goes with `n` ("1 attempt", "3 attempts"; "1 yritys", "3 yritystä"). */
export function pluralForm(locale: string, n: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (rule === undefined) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(n)] ?? forms.other;
}

/** `n` and the word that goes with it: "1 attempt", "3 attempts". */
export function count(locale: string, n: number, forms: PluralForms): string {
  return `${formatNumber(locale, n)} ${pluralForm(locale, n, forms)}`;
}

/** Whole minutes and the seconds beyond them, for countdowns a person reads aloud. */
export function minutesAndSeconds(seconds: number): { readonly minutes: number; readonly seconds: number } {
  const s = Math.max(0, Math.ceil(seconds));
  return { minutes: Math.floor(s / 60), seconds: s % 60 };
}
