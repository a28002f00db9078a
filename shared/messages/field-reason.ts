/**
 * The reasons the server gives for a refused field ("must be at least 8 characters") as a small
 * union, so that each language can word them in its own grammar rather than echo the server's English.
 */
export type FieldReason =
  | { readonly kind: 'required' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooShort'; readonly min: number }
  | { readonly kind: 'tooLong'; readonly max: number }
  | { readonly kind: 'format' }
  | { readonly kind: 'notAllowed' }
  | { readonly kind: 'other'; readonly text: string };

export function parseFieldReason(reason: string): FieldReason {
  const text = reason.trim();
  if (text === 'is required') return { kind: 'required' };
  if (text === 'must not be empty') return { kind: 'empty' };
  const short = /^must be at least (\d+) characters$/.exec(text);
  if (short !== null) return { kind: 'tooShort', min: Number(short[1]) };
  const long = /^must be at most (\d+) characters$/.exec(text);
  if (long !== null) return { kind: 'tooLong', max: Number(long[1]) };
  if (text === 'has the wrong format') return { kind: 'format' };
  if (text === 'is not allowed' || text === 'has a value that is not allowed') return { kind: 'notAllowed' };
  return { kind: 'other', text };
}
