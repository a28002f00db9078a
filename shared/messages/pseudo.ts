/**
 * The pseudo-locale (en-XA): the English catalogue with every text about 40 % longer, accented
 * and bracketed, so a layout check sees where a longer translation would be clipped or overflow.
 */
const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdeghiklmnoprstuwyzABCDEGHIKLMNOPRSTUWYZ'].map((c, i) => [c, [...'àƀçđéğĥîķļɱñöþŕšţûŵýžÀƁÇĐÉĞĤÎĶĻṀÑÖÞŔŠŢÛŴÝŽ'][i] ?? c]),
);

export function pseudoText(text: string): string {
  // URLs and numbers keep their characters, so they still read as what they are.
  const accented = text.replace(/https?:\/\/\S+|[A-Za-z]/g, (part) => (part.length > 1 ? part : (ACCENTED[part] ?? part)));
  const padding = '·'.repeat(Math.ceil(text.length * 0.4));
  return `[${accented} ${padding}]`;
}

type Catalogue = { readonly [key: string]: unknown };

/** Every string in `catalogue`, and every string a function in it returns, made pseudo. */
export function pseudoCatalogue<T extends Catalogue>(catalogue: T): T {
  const convert = (value: unknown, key: string): unknown => {
    // The locale stays a real one, for dates and plural rules.
    if (key === 'locale') return value;
    if (typeof value === 'string') return pseudoText(value);
    if (typeof value === 'function') {
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(catalogue, args);
        return typeof result === 'string' ? pseudoText(result) : result;
      };
    }
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v, k)]));
    }
    return value;
  };
  return convert(catalogue, '') as T;
}
