/**
 * Odd values for the fuzz suite, drawn from a seeded generator: strings of every awkward kind and size,
 * numbers JSON can and cannot hold, nesting, prototype keys. Every string that could be repeated back
 * carries the run's marker, so an echo is easy to see.
 */
export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

export const chance = (random: Random, p: number): boolean => random() < p;

export const int = (random: Random, max: number): number => Math.floor(random() * (max + 1));

/** Keys that reach for an object's prototype, or are empty or odd. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'valueOf'] as const;

const PIECES: readonly string[] = [
  '',
  ' ',
  'a',
  '0',
  '123456',
  '00000',
  '١٢٣٤٥٦',
  '１２３４５６',
  'Ünïcödé',
  '日本語',
  'עברית\u202e',
  '👩‍💻🔐',
  '\u200b\u200d\ufeff',
  'e\u0301',
  '\u0000',
  '\u0007\u001b[31m',
  '\r\n',
  '\t',
  '\\',
  '"',
  "'",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}%s%n',
  "' OR 1=1 --",
  '../../etc/passwd',
  '..\\..\\windows',
  '%00',
  '%ZZ',
  '%',
  '?#&=',
  '/',
  '.',
  'null',
  'undefined',
  'NaN',
  'true',
];

/** A string with the marker somewhere in it, from nothing to well past every limit. */
export function oddString(random: Random, marker: string): string {
  const parts = Array.from({ length: 1 + int(random, 3) }, () => pick(random, PIECES));
  parts.splice(int(random, parts.length), 0, marker);
  let text = parts.join('');
  if (chance(random, 0.15)) text = text.padEnd(pick(random, [63, 64, 65, 128, 129, 257, 1025, 5000, 20_000]), pick(random, ['x', '9', 'é', '😀']));
  if (chance(random, 0.05)) text = `${text}\ud800`; // a lone surrogate
  return text;
}

const ODD_NUMBERS: readonly number[] = [0, -0, 1, -1, 0.5, 1e21, -1e-7, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 123456, 30, 9999];

/** Any JSON value, `depth` levels deep at most. */
export function oddValue(random: Random, marker: string, depth = 2): unknown {
  switch (int(random, 7)) {
    case 0:
      return oddString(random, marker);
    case 1:
      return pick(random, ODD_NUMBERS);
    case 2:
      return chance(random, 0.5);
    case 3:
      return null;
    case 4:
      return depth <= 0 ? [] : Array.from({ length: int(random, 3) }, () => oddValue(random, marker, depth - 1));
    case 5:
      return depth <= 0 ? {} : oddObject(random, marker, depth - 1);
    case 6:
      return `${marker}`;
    default:
      return { [pick(random, PROTOTYPE_KEYS)]: { isAdmin: true } };
  }
}

/** A key that is not a plain identifier, so the server may name it only as "body" or "query". */
export function oddKey(random: Random, marker: string): string {
  return pick(random, [`${marker} key`, `<${marker}>`, `${marker}\u00e9`, `${marker}/x`, `${marker}"`, `😀${marker}`]);
}

export function oddObject(random: Random, marker: string, depth = 1): Record<string, unknown> {
  const entries = Array.from({ length: int(random, 3) }, () => [chance(random, 0.5) ? oddKey(random, marker) : pick(random, PROTOTYPE_KEYS), oddValue(random, marker, depth)] as const);
  // defineProperty, so that a key such as __proto__ is sent as a key rather than becoming the prototype.
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
  return object;
}

/** JSON text that is not quite JSON, or JSON of the wrong kind. */
export function oddJsonText(random: Random, marker: string): string {
  return pick(random, [
    `{"a": "${marker}", }`,
    `{'a': '${marker}'}`,
    `{"a": NaN}`,
    `{"a": 1} // ${marker}`,
    `{"a": "${marker}"`,
    `"${marker}"`,
    'null',
    '[]',
    '42',
    'true',
    '{}',
    '',
    ' ',
    `\ufeff{"username": "${marker}"}`,
    `{"username": "a", "username": "${marker}"}`,
    `{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"isAdmin": true}}}`,
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    `{"a": "\\ud800${marker}"}`,
    `{"a": "\\u0000${marker}"}`,
    `{"a": 1e999999}`,
  ]);
}
