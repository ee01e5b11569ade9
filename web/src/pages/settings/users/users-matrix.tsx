import { Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import type { OrgUser } from '../../../api/use-users.js';
import { useT } from '../../../i18n/i18n-context.js';
import { UserRow } from './user-row.js';

/** Users down, business units across: one role per cell, administrators span every unit. */
export function UsersMatrix({ users, units }: { users: OrgUser[]; units: BusinessUnit[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={360 + units.length * 145} type="native">
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="sticky-col" miw={210} pl="md">
              {t('users.colUser')}
            </Table.Th>
            <Table.Th>
              <Tooltip label={t('users.adminHint')} multiline w={240} withArrow>
                <Text span fw={700} size="sm" style={{ cursor: 'help' }}>
                  {t('role.administrator')}
                </Text>
              </Tooltip>
            </Table.Th>
            {units.map((unit) => (
              <Table.Th key={unit.id} miw={140}>
                <Text fw={700} size="sm" lineClamp={2} className="break-anywhere">
                  {unit.name}
                </Text>
              </Table.Th>
            ))}
            <Table.Th w={60}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} units={units} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
