import { ActionIcon, Badge, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import type { ApprovalTemplate } from '../../../api/use-approvals.js';
import { useListItems } from '../../../api/use-lists.js';
import { useI18n } from '../../../i18n/i18n-context.js';

type Props = {
  templates: ApprovalTemplate[];
  onEdit: (template: ApprovalTemplate) => void;
  onArchive: (template: ApprovalTemplate) => void;
};

export function TemplatesTable({ templates, onEdit, onArchive }: Props) {
  const { t, fmt } = useI18n();
  const categories = useListItems('categories');
  const categoryName = (id: string | null) => categories.data?.find((c) => c.id === id)?.name ?? null;
  return (
    <Table.ScrollContainer minWidth={340} type="native">
      <Table horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.name')}</Table.Th>
            <Table.Th w={90}>{t('approvalTemplates.steps')}</Table.Th>
            <Table.Th visibleFrom="sm" w={110}>
              {t('approvalTemplates.updated')}
            </Table.Th>
            <Table.Th w={84}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {templates.map((tpl) => {
            const category = categoryName(tpl.defaultCategoryId);
            return (
              <Table.Tr key={tpl.id} data-testid={`template-${tpl.id}`}>
                <Table.Td>
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Text size="sm" fw={500} className="break-anywhere">
                        {tpl.name}
                      </Text>
                      {category && (
                        <Badge
                          variant="light"
                          color="indigo"
                          size="sm"
                          h="auto"
                          maw="100%"
                          styles={{ label: { whiteSpace: 'normal' } }}
                        >
                          {t('approvalTemplates.defaultFor', { category })}
                        </Badge>
                      )}
                    </Group>
                    {tpl.description && (
                      <Text size="xs" c="dimmed" className="break-anywhere" lineClamp={2}>
                        {tpl.description}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{tpl.steps.length}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm" c="dimmed">
                    {fmt.date(tpl.updatedAt)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('approvalTemplates.editNamed', { name: tpl.name })}
                      onClick={() => onEdit(tpl)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                    <Tooltip label={t('approvalTemplates.archiveNamed', { name: tpl.name })} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('approvalTemplates.archiveNamed', { name: tpl.name })}
                        onClick={() => onArchive(tpl)}
                      >
                        <IconArchive size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
