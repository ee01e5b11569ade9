import { describe, expect, it } from 'vitest';
import { describeDevice, ipPrefix, parseUserAgent } from './user-agent.js';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.56',
  firefoxLinux: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  samsung:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  operaMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0',
  firefoxIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15',
  chromeOs:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  headless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
};

describe('parseUserAgent', () => {
  it.each([
    ['chromeWindows', 'Chrome', '126', 'Windows', 'desktop'],
    ['edgeWindows', 'Edge', '126', 'Windows', 'desktop'],
    ['firefoxLinux', 'Firefox', '127', 'Linux', 'desktop'],
    ['safariMac', 'Safari', '17', 'macOS', 'desktop'],
    ['safariIphone', 'Safari', '17', 'iOS', 'mobile'],
    ['chromeIphone', 'Chrome', '126', 'iOS', 'mobile'],
    ['ipad', 'Safari', '17', 'iPadOS', 'tablet'],
    ['chromeAndroid', 'Chrome', '126', 'Android', 'mobile'],
    ['androidTablet', 'Chrome', '126', 'Android', 'tablet'],
    ['samsung', 'Samsung Internet', '25', 'Android', 'mobile'],
    ['operaMac', 'Opera', '111', 'macOS', 'desktop'],
    ['firefoxIphone', 'Firefox', '127', 'iOS', 'mobile'],
    ['chromeOs', 'Chrome', '126', 'ChromeOS', 'desktop'],
    ['headless', 'Chrome', '126', 'Linux', 'desktop'],
  ] as const)('%s is %s %s on %s (%s)', (key, browser, browserVersion, os, kind) => {
    expect(parseUserAgent(UA[key])).toEqual({ browser, browserVersion, os, kind });
  });

  it('answers unknown for what it does not recognise, and for nothing at all', () => {
    const unknown = { browser: null, browserVersion: null, os: null, kind: 'unknown' };
    expect(parseUserAgent('vitest')).toEqual(unknown);
    expect(parseUserAgent(null)).toEqual(unknown);
    expect(parseUserAgent('')).toEqual(unknown);
    expect(parseUserAgent('curl/8.5.0')).toEqual({ ...unknown, browser: 'curl', browserVersion: '8' });
  });
});

describe('ipPrefix', () => {
  it('keeps the network part: /24 of IPv4 (also when mapped into IPv6), /48 of IPv6', () => {
    expect(ipPrefix('203.0.113.77')).toBe('203.0.113');
    expect(ipPrefix('::ffff:203.0.113.77')).toBe('203.0.113');
    expect(ipPrefix('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3');
    expect(ipPrefix('2001:db8::1')).toBe('2001:db8:0');
    expect(ipPrefix('2001:0db8:0001::1')).toBe('2001:db8:1');
    expect(ipPrefix('::1')).toBe('0:0:0');
    expect(ipPrefix(null)).toBe('');
  });
});

describe('describeDevice', () => {
  it('names browser and system in the reader’s language', () => {
    const info = parseUserAgent(UA.chromeWindows);
    expect(describeDevice(info, 'en')).toBe('Chrome 126 on Windows');
    expect(describeDevice(info, 'de')).toBe('Chrome 126 unter Windows');
    expect(describeDevice(parseUserAgent('vitest'), 'en')).toBe('Unknown browser');
    expect(describeDevice(parseUserAgent('vitest'), 'de')).toBe('Unbekannter Browser');
  });
});
