/**
 * What a browser is called in a list of trusted computers ("Firefox" and "Windows"), read from its
 * user agent string. Only well-known names are given; anything else is null and the words say
 * "web browser" instead, so the name never carries a version or any other detail of the machine.
 */
export interface BrowserAndSystem {
  readonly browser: string | null;
  readonly system: string | null;
}

/** First match wins: Edge, Opera and others also say "Chrome", Chrome also says "Safari". */
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bVivaldi\//, 'Vivaldi'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(Headless)?Chrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

/** iPhones and Android also say "like Mac OS X" and "Linux". */
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bWindows\b/, 'Windows'],
  [/\biPhone\b|\biPod\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

const first = (userAgent: string, names: readonly (readonly [RegExp, string])[]): string | null =>
  names.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

export function browserAndSystem(userAgent: string): BrowserAndSystem {
  return { browser: first(userAgent, BROWSERS), system: first(userAgent, SYSTEMS) };
}
