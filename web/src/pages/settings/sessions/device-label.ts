import type { MySession } from '../../../api/use-sessions.js';
import type { Translate } from '../../../i18n/translate.js';

/** "Chrome 126 on Windows", in the reader's language. */
export function deviceLabel(t: Translate, device: MySession['device']): string {
  const browser = device.browser
    ? [device.browser, device.browserVersion].filter(Boolean).join(' ')
    : t('sessions.unknownBrowser');
  return device.os ? t('sessions.browserOn', { browser, os: device.os }) : browser;
}
