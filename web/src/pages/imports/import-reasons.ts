import type { MessageKey } from '../../i18n/en.js';
import type { Translate, TranslateVars } from '../../i18n/translate.js';

type Reading = [key: MessageKey, vars?: TranslateVars];

const WHAT: Record<string, MessageKey> = {
  'business unit': 'imports.reason.what.business_unit',
  'organizational unit': 'imports.reason.what.org_unit',
  'member e-mail address': 'imports.reason.what.member',
  'business partner': 'imports.reason.what.partner',
  category: 'imports.reason.what.category',
};

const PERIOD_FAULT =
  /^must (be a period|not contain spaces|be written in capitals|start with P|not use hours|use a whole number|be positive|be at least 1 unit long|not have leading zeros|use a single unit)/;

/**
 * The import check explains each row error in an English sentence; these are the sentences it
 * writes today, read back into the user's language. Values in them (a limit, a row) are kept.
 */
const READINGS: [RegExp, (m: RegExpMatchArray, t: Translate) => Reading][] = [
  [/^is required$/, () => ['validation.required']],
  [/^is required in this account$/, () => ['imports.reason.required_in_account']],
  [/^(?:each tag )?must be at most (\d+) characters$/, (m) => ['validation.tooLong', { max: m[1]! }]],
  [/^is not a (.+) of this account$/, (m, t) => ['imports.reason.not_found', { what: whatOf(t, m[1]!) }]],
  [/^is not a date \(YYYY-MM-DD or DD\.MM\.YYYY\)$/, () => ['imports.reason.date_auto']],
  [/^is not a date in the format (\S+)$/, (m) => ['imports.reason.date_format', { format: m[1]! }]],
  [/^must be a date written YYYY-MM-DD/, () => ['validation.invalid_date']],
  [/^must have a year from 0001 to 9999$/, () => ['imports.reason.year_range']],
  [/^must be between \d{4}-\d{2}-\d{2} and \d{4}-\d{2}-\d{2}$/, () => ['validation.date_out_of_range']],
  [/^has no month (\d+)$/, (m) => ['imports.reason.no_month', { month: m[1]! }]],
  [/^does not exist: (\S+) has no day (\d+)$/, (m) => ['imports.reason.no_day', { month: m[1]!, day: m[2]! }]],
  [/^is not a period such as/, () => ['imports.reason.period']],
  [PERIOD_FAULT, () => ['imports.reason.period']],
  [/^is not one of (.+)$/, (m) => ['imports.reason.one_of', { choices: m[1]! }]],
  [/^"(.+)" is not one of the options$/, (m) => ['imports.reason.not_an_option', { value: m[1]! }]],
  [/^is not a number$/, () => ['imports.reason.number']],
  [/^is not a whole number$/, () => ['imports.reason.whole_number']],
  [/^is not an amount such as/, () => ['imports.reason.amount']],
  [/^is not yes or no$/, () => ['imports.reason.yes_no']],
  [/^is not the e-mail address of a member of this account$/, () => ['imports.reason.member']],
  [/^must be an ISO 3166 country code/, () => ['imports.reason.country']],
  [/^must be an http or https address$/, () => ['validation.invalid_url']],
  [/^is not a custom field of this account$/, () => ['validation.unknown_field']],
  [/^.+ is required$/, () => ['validation.required']],
  [
    /^must be (?:text|a number|true or false|a date YYYY-MM-DD|one of the options|a list of options)/,
    () => ['validation.wrong_type'],
  ],
  [/^your role does not allow adding contracts to this business unit$/, () => ['imports.reason.role']],
  [/^is already used by another contract$/, () => ['imports.reason.number_taken']],
  [/^is used twice in this file \(first in row (\d+)\)$/, (m) => ['imports.reason.number_twice', { row: m[1]! }]],
  [/^cannot be given together with endDate/, () => ['validation.end_and_initial_term']],
  [/^is required for .+; give endDate or initialTerm$/, () => ['validation.end_required']],
  [/^must be on or after startDate (\S+)$/, (m) => ['imports.reason.after_start', { date: m[1]! }]],
  [/^is so (?:long|large) that .* after the year 9999$/, () => ['validation.out_of_range']],
  [/^is only for auto_renewal contracts$/, () => ['imports.reason.auto_renewal_only']],
  [/^is only for indefinite contracts$/, () => ['validation.alignment_not_allowed']],
  [/^is required for /, () => ['imports.reason.required_for_type']],
  [/^of .+ is longer than the initial term/, () => ['validation.notice_longer_than_term']],
  // zod's own words, should a schema check reach a row unexplained.
  [/^Invalid option/, () => ['validation.invalid_value']],
  [/^(?:Invalid|Too big|Too small)/, () => ['validation.invalid']],
];

function whatOf(t: Translate, what: string): string {
  const key = WHAT[what];
  return key ? t(key) : what;
}

/** A row error's reason in the user's language; a sentence this list does not know stays as written. */
export function importReason(t: Translate, reason: string): string {
  for (const [pattern, read] of READINGS) {
    const match = reason.match(pattern);
    if (match) {
      const [key, vars] = read(match, t);
      return t(key, vars);
    }
  }
  return reason;
}
