import type { Contract } from '../../api/use-contracts.js';
import type { CalendarEvent } from '../../api/use-events.js';
import type { MessageKey } from '../../i18n/en.js';
import { useT } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { lifecycleOf } from './contract-lifecycle.js';
import { eventTypeLabel } from './reminder-labels.js';

type Labelled = Pick<CalendarEvent, 'type' | 'title'>;

/** A system event by its type ("Notice deadline"), a custom one by its title. */
export function eventLabel(t: Translate, event: Labelled): string {
  return event.type === 'custom' ? event.title : eventTypeLabel(t, event.type);
}

export function useEventLabel() {
  const t = useT();
  return (event: Labelled) => eventLabel(t, event);
}

/** Why a system event has no date, from what the contract page knows about the contract. */
export function noDateKey(event: Pick<CalendarEvent, 'type'>, contract: Contract): MessageKey {
  const type = lifecycleOf(contract).type;
  const phase = contract.computed.phase;
  if (phase === 'ended') return 'contractEvents.none.ended';
  switch (event.type) {
    case 'notice_deadline':
      if (phase === 'notice_given') return 'contractEvents.none.noticeGiven';
      return type === 'fixed' ? 'contractEvents.none.fixed' : 'contractEvents.none.generic';
    case 'end':
      if (type === 'indefinite') return 'contractEvents.none.openEnded';
      return type === 'auto_renewal' ? 'contractEvents.none.renews' : 'contractEvents.none.generic';
    case 'renewal':
      if (phase === 'notice_given') return 'contractEvents.none.noticeGiven';
      return 'contractEvents.none.noRenewal';
    case 'start':
    case 'custom':
      return 'contractEvents.none.generic';
  }
}
