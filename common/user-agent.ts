/** What a person recognises of a device from its User-Agent: browser, system and kind of device. */
export interface DeviceInfo {
  browser: string | null;
  /** Major version only: enough to recognise, too little to fingerprint. */
  browserVersion: string | null;
  os: string | null;
  kind: 'desktop' | 'mobile' | 'tablet' | 'unknown';
}

/** Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari". */
const BROWSERS: [string, RegExp][] = [
  ['Edge', /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera|OPiOS)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Vivaldi', /\bVivaldi\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS|HeadlessChrome|Chromium)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//],
  ['curl', /^curl\/(\d+)/],
];

function osOf(ua: string): string | null {
  if (/\biPad\b/.test(ua)) return 'iPadOS';
  if (/\b(?:iPhone|iPod)\b/.test(ua)) return 'iOS';
  if (/\bAndroid\b/.test(ua)) return 'Android';
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  if (/\bWindows\b/.test(ua)) return 'Windows';
  if (/\bMac OS X\b|\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b|\bX11\b/.test(ua)) return 'Linux';
  return null;
}

function kindOf(ua: string, os: string | null): DeviceInfo['kind'] {
  if (os === 'iPadOS' || /\bTablet\b/.test(ua) || (os === 'Android' && !/\bMobile\b/.test(ua))) return 'tablet';
  if (os === 'iOS' || /\bMobile\b/.test(ua)) return 'mobile';
  if (os) return 'desktop';
  return 'unknown';
}

export function parseUserAgent(ua: string | null | undefined): DeviceInfo {
  const text = (ua ?? '').slice(0, 500);
  let browser: string | null = null;
  let browserVersion: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(text);
    if (match) {
      browser = name;
      browserVersion = match[1] ?? null;
      break;
    }
  }
  const os = osOf(text);
  return { browser, browserVersion, os, kind: kindOf(text, os) };
}

/** The part of an address that stays the same on one network: /24 for IPv4, /48 for IPv6. */
export function ipPrefix(ip: string | null | undefined): string {
  if (!ip) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped ? mapped[1]! : ip;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return v4.split('.').slice(0, 3).join('.');
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return groups
    .slice(0, 3)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}

/** "Chrome 126 on Windows" / "Chrome 126 unter Windows", for mails and lists. */
export function describeDevice(info: DeviceInfo, locale: 'en' | 'de'): string {
  const browser = info.browser
    ? [info.browser, info.browserVersion].filter(Boolean).join(' ')
    : locale === 'de'
      ? 'Unbekannter Browser'
      : 'Unknown browser';
  if (!info.os) return browser;
  return locale === 'de' ? `${browser} unter ${info.os}` : `${browser} on ${info.os}`;
}
