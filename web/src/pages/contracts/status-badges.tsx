import { Badge } from '@mantine/core';
import type { ContractStatus } from '../../../../common/schemas/contracts.js';
import type { Phase } from '../../../../common/terms/computed.js';
import { useT } from '../../i18n/i18n-context.js';

export const STATUS_COLOR: Record<ContractStatus, string> = {
  draft: 'gray',
  in_negotiation: 'cyan',
  active: 'indigo',
  terminated: 'orange',
  archived: 'dark',
};

const PHASE_COLOR: Record<Phase, string> = {
  upcoming: 'blue',
  running: 'teal',
  notice_given: 'orange',
  ended: 'gray',
};

export function StatusBadge({ status }: { status: ContractStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" miw="max-content">
      {t(`contractStatus.${status}`)}
    </Badge>
  );
}

/** The lifecycle phase computed from the dates, shown beside the status. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const t = useT();
  return (
    <Badge color={PHASE_COLOR[phase]} variant="dot" miw="max-content">
      {t(`phase.${phase}`)}
    </Badge>
  );
}
