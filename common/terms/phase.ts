import type { Phase } from './computed.js';
import { type IsoDate, isAfter, isBefore } from './dates.js';

/** The notice date when notice had been given by `asOf`; a later date did not exist yet on that day. */
export function noticeGivenAsOf(noticeGivenOn: IsoDate | null, asOf: IsoDate): IsoDate | null {
  return noticeGivenOn !== null && !isAfter(noticeGivenOn, asOf) ? noticeGivenOn : null;
}

export function phaseOf(start: IsoDate, endsOn: IsoDate | null, noticeGiven: boolean, asOf: IsoDate): Phase {
  if (isBefore(asOf, start)) return 'upcoming';
  if (endsOn !== null && isAfter(asOf, endsOn)) return 'ended';
  return noticeGiven ? 'notice_given' : 'running';
}
