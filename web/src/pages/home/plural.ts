import type { MessageKey } from '../../i18n/en.js';
import type { Translate } from '../../i18n/translate.js';

type Plural = MessageKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** "1 end" / "3 ends": the catalogue holds `<key>.one` and `<key>.other`. */
export function plural(t: Translate, key: Plural, count: number): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as MessageKey, { count });
}
