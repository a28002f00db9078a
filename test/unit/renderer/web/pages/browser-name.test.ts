import { describe, expect, it } from 'vitest';
import { browserAndSystem } from '../../../../../renderer/web/pages/browser-name.js';
import { pagesEn } from '../../../../../shared/messages/pages-en.js';
import { pagesFi } from '../../../../../shared/messages/pages-fi.js';

const UA = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  headlessChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIpad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  samsungAndroid: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  operaMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  chromeOs: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
} as const;

describe('browserAndSystem', () => {
  it.each([
    [UA.firefoxWindows, 'Firefox', 'Windows'],
    [UA.chromeLinux, 'Chrome', 'Linux'],
    [UA.headlessChrome, 'Chrome', 'Linux'],
    [UA.edgeWindows, 'Edge', 'Windows'],
    [UA.safariMac, 'Safari', 'macOS'],
    [UA.safariIphone, 'Safari', 'iPhone'],
    [UA.chromeIpad, 'Chrome', 'iPad'],
    [UA.chromeAndroid, 'Chrome', 'Android'],
    [UA.samsungAndroid, 'Samsung Internet', 'Android'],
    [UA.operaMac, 'Opera', 'macOS'],
    [UA.firefoxLinux, 'Firefox', 'Linux'],
    [UA.chromeOs, 'Chrome', 'ChromeOS'],
  ])('names %s', (userAgent, browser, system) => {
    expect(browserAndSystem(userAgent)).toEqual({ browser, system });
  });

  it('gives no name it does not know, and never a version', () => {
    expect(browserAndSystem('')).toEqual({ browser: null, system: null });
    expect(browserAndSystem('curl/8.5.0')).toEqual({ browser: null, system: null });
    expect(browserAndSystem('Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0')).toEqual({ browser: null, system: 'Windows' });
  });
});

describe('the computer name in each language', () => {
  it('reads as a person would say it, within the 64 characters the server takes', () => {
    expect(pagesEn.trust.computerName(browserAndSystem(UA.firefoxWindows))).toBe('Firefox on Windows');
    expect(pagesEn.trust.computerName(browserAndSystem(UA.chromeLinux))).toBe('Chrome on Linux');
    expect(pagesEn.trust.computerName({ browser: 'Safari', system: null })).toBe('Safari');
    expect(pagesEn.trust.computerName({ browser: null, system: 'Linux' })).toBe('Web browser on Linux');
    expect(pagesEn.trust.computerName({ browser: null, system: null })).toBe('Web browser');
    expect(pagesFi.trust.computerName(browserAndSystem(UA.firefoxWindows))).toBe('Firefox, Windows');
    expect(pagesFi.trust.computerName({ browser: null, system: null })).toBe('Verkkoselain');
    for (const ua of Object.values(UA)) expect(pagesEn.trust.computerName(browserAndSystem(ua)).length).toBeLessThanOrEqual(64);
  });
});
