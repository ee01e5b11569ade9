import { Badge, Box, Card, Group, SimpleGrid, Spoiler, Text, Title } from '@mantine/core';
import type { Contract } from '../../api/use-contracts.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { Field } from './lifecycle-card.js';
import { BusinessUnitName, ListItemName, MasterLink, PartnerName } from './names.js';
import { StatusBadge } from './status-badges.js';
import { UserName } from './user-select.js';

export function DetailsCard({ contract }: { contract: Contract }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="md">
        {t('contract.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
        <Field label={t('contract.partner')}>
          <PartnerName id={contract.partnerId} />
        </Field>
        <Field label={t('contract.number')}>{contract.contractNumber ?? '—'}</Field>
        <Field label={t('contract.status')}>
          <StatusBadge status={contract.status} />
        </Field>
        <Field label={t('field.businessUnit')}>
          <BusinessUnitName id={contract.businessUnitId} />
        </Field>
        <Field label={t('contract.category')}>
          <ListItemName kind="categories" id={contract.categoryId} />
        </Field>
        <Field label={t('contract.orgUnit')}>
          <ListItemName kind="orgUnits" id={contract.orgUnitId} />
        </Field>
        <Field label={t('contract.owner')}>
          <UserName id={contract.ownerId} />
        </Field>
        <Field label={t('contract.backupOwner')}>
          <UserName id={contract.backupOwnerId} />
        </Field>
        <Field label={t('contract.master')}>
          <MasterLink id={contract.masterId} />
        </Field>
        <Field label={t('contract.tags')}>
          {contract.tags.length === 0 ? (
            '—'
          ) : (
            <Group gap={4}>
              {contract.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('contract.updatedAt')}>{fmt.dateTime(contract.updatedAt)}</Field>
      </SimpleGrid>
      {contract.description && (
        <Box mt="md">
          <Field label={t('contract.description')}>
            <Spoiler maxHeight={120} showLabel={t('contract.showMore')} hideLabel={t('contract.showLess')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} className="break-anywhere">
                {contract.description}
              </Text>
            </Spoiler>
          </Field>
        </Box>
      )}
    </Card>
  );
}
