import { Badge } from '@mantine/core';
import type { ROLES } from '../../../common/schemas/auth.js';
import { useT } from '../i18n/i18n-context.js';

type Role = (typeof ROLES)[number];
const COLORS: Record<Role, string> = { administrator: 'grape', editor: 'indigo', viewer: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  const t = useT();
  return (
    <Badge color={COLORS[role]} variant="light" miw="max-content">
      {t(`role.${role}`)}
    </Badge>
  );
}
