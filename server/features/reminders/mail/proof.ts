import type { LOCALES } from '../../../../common/schemas/auth.js';
import type { WeekdayName } from '../../../../common/terms/dates.js';
import type { DeadlineProof } from '../../../../common/terms/deadline.js';
import { type PeriodUnit, parsePeriod } from '../../../../common/terms/periods.js';
import { mailDate } from './defaults.js';

type Locale = (typeof LOCALES)[number];

const UNITS: Record<Locale, Record<PeriodUnit, [one: string, other: string]>> = {
  en: { D: ['day', 'days'], W: ['week', 'weeks'], M: ['month', 'months'], Y: ['year', 'years'] },
  de: { D: ['Tag', 'Tage'], W: ['Woche', 'Wochen'], M: ['Monat', 'Monate'], Y: ['Jahr', 'Jahre'] },
};

const WEEKDAYS_DE: Record<WeekdayName, string> = {
  Monday: 'Montag',
  Tuesday: 'Dienstag',
  Wednesday: 'Mittwoch',
  Thursday: 'Donnerstag',
  Friday: 'Freitag',
  Saturday: 'Samstag',
  Sunday: 'Sonntag',
};

const SENTENCES: Record<
  Locale,
  {
    rule: (end: string, notice: string, deadline: string) => string;
    lapsed: (deadline: string, end: string) => string;
    weekday: (name: WeekdayName) => string;
  }
> = {
  en: {
    rule: (end, notice, deadline) => `end ${end} − notice ${notice} = ${deadline}`,
    lapsed: (deadline, end) => `the deadline ${deadline} passed without notice, so the contract runs to ${end}; `,
    weekday: (name) => name,
  },
  de: {
    rule: (end, notice, deadline) => `Ende ${end} − Kündigungsfrist ${notice} = ${deadline}`,
    lapsed: (deadline, end) =>
      `der letzte Kündigungstag ${deadline} verstrich ohne Kündigung, daher läuft der Vertrag bis ${end}; `,
    weekday: (name) => WEEKDAYS_DE[name],
  },
};

/** The proof of a notice deadline in the mail's language and date format, as the contract page words it. */
export function mailProof(locale: Locale, proof: DeadlineProof): string {
  const words = SENTENCES[locale];
  const { count, unit } = parsePeriod(proof.noticePeriod);
  const notice = `${count} ${UNITS[locale][unit][count === 1 ? 0 : 1]}`;
  const date = (iso: string) => mailDate(locale, iso);
  const lapsed = proof.lapsed ? words.lapsed(date(proof.lapsed.deadline), date(proof.end)) : '';
  const base = `${lapsed}${words.rule(date(proof.end), notice, date(proof.rawDeadline))}`;
  const step = proof.adjustment;
  return step
    ? `${base}; ${words.weekday(step.fromWeekday)} → ${words.weekday(step.toWeekday)} ${date(step.to)}`
    : base;
}
