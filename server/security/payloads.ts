/**
 * The attack strings the suite stores in every user-writable text field: markup that runs script
 * when a page, mail or file puts it in unescaped, a template expression, and spreadsheet formulas.
 */
export const XSS_PAYLOADS = [
  '"><img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '<svg onload=alert(4)>',
  '{{7*7}}',
  `'';!--"<XSS>=&{()}`,
] as const;

/** For fields that hold or may be shown as a link. */
export const URL_PAYLOAD = 'javascript:alert(3)';

/** Cells a spreadsheet would run as a formula if written as they are. */
export const FORMULA_PAYLOADS = [
  '=1+2',
  '+1+2',
  '-1+2',
  '@SUM(1,2)',
  '=HYPERLINK("https://evil.example","x")',
] as const;

/** Line breaks that would start a new property line or event in an iCalendar feed. */
export const ICAL_PAYLOAD = 'Lease\r\nATTACH:https://evil.example/x\r\nEND:VEVENT\nBEGIN:VEVENT\rSUMMARY:owned';

/** One string with every payload, within `max` characters, starting with `tag` so tests can find it. */
export function payloadText(tag: string, max = 300): string {
  return `${tag} ${XSS_PAYLOADS.join(' ')}`.slice(0, max);
}
