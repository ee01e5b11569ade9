import { Badge } from '@mantine/core';
import type { EnvelopeStatus, RecipientStatus } from '../../../../common/schemas/signing.js';
import { useT } from '../../i18n/i18n-context.js';

const ENVELOPE_COLOURS: Record<EnvelopeStatus, string> = {
  draft: 'gray',
  in_progress: 'blue',
  completed: 'green',
  declined: 'red',
  cancelled: 'gray',
  expired: 'orange',
};

const RECIPIENT_COLOURS: Record<RecipientStatus, string> = {
  pending: 'gray',
  sent: 'blue',
  viewed: 'cyan',
  signed: 'green',
  approved: 'green',
  declined: 'red',
};

export function EnvelopeStatusBadge({ status }: { status: EnvelopeStatus }) {
  const t = useT();
  return (
    <Badge color={ENVELOPE_COLOURS[status]} variant="light" data-testid="envelope-status">
      {t(`signing.status.${status}`)}
    </Badge>
  );
}

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  const t = useT();
  return (
    <Badge color={RECIPIENT_COLOURS[status]} variant="outline" size="sm">
      {t(`signing.recipientStatus.${status}`)}
    </Badge>
  );
}
