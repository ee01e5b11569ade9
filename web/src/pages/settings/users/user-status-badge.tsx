import { Badge } from '@mantine/core';
import type { USER_STATUSES } from '../../../../../common/schemas/org.js';
import { useT } from '../../../i18n/i18n-context.js';

type Status = (typeof USER_STATUSES)[number];
const COLORS: Record<Status, string> = { active: 'teal', invited: 'blue', locked: 'red' };

export function UserStatusBadge({ status }: { status: Status }) {
  const t = useT();
  return (
    <Badge color={COLORS[status]} variant="light" size="sm" miw="max-content">
      {t(`status.${status}`)}
    </Badge>
  );
}
