import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { useI18n } from '../../../i18n/i18n-context.js';

type Props = { units: BusinessUnit[]; onRename: (unit: BusinessUnit) => void; onDelete: (unit: BusinessUnit) => void };

export function UnitsTable({ units, onRename, onDelete }: Props) {
  const { t, fmt } = useI18n();
  return (
    <Table.ScrollContainer minWidth={340} type="native">
      <Table horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.name')}</Table.Th>
            <Table.Th w={110}>{t('field.created')}</Table.Th>
            <Table.Th w={84}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" fw={500} className="break-anywhere">
                    {unit.name}
                  </Text>
                  {unit.isDefault && (
                    <Tooltip label={t('units.defaultHint')} multiline w={260} withArrow>
                      <Badge variant="light" color="indigo" size="sm" style={{ flexShrink: 0 }}>
                        {t('units.default')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {fmt.date(unit.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('units.renameNamed', { name: unit.name })}
                    onClick={() => onRename(unit)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                  <Tooltip
                    label={unit.isDefault ? t('units.defaultHint') : t('units.deleteNamed', { name: unit.name })}
                    withArrow
                    multiline
                    w={unit.isDefault ? 260 : undefined}
                  >
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      disabled={unit.isDefault}
                      aria-label={t('units.deleteNamed', { name: unit.name })}
                      onClick={() => onDelete(unit)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
