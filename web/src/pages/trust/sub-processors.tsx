import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { SubProcessor } from '../../../../common/schemas/trust.js';
import { useT } from '../../i18n/i18n-context.js';
import { TrustSection } from './trust-section.js';

export function SubProcessors({ items }: { items: SubProcessor[] }) {
  const t = useT();
  return (
    <TrustSection id="trust-sub-processors" title={t('trust.subProcessorsTitle')} intro={t('trust.subProcessorsIntro')}>
      {items.length === 0 ? (
        <Text>{t('trust.subProcessorsNone')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Paper key={item.name} component="li" withBorder radius="sm" p="md" data-testid="sub-processor">
              <Stack gap={6}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.name}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('trust.purpose')}:{' '}
                  </Text>
                  {item.purpose ?? (item.role === 'other' ? '' : t(`trust.role.${item.role}`))}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed" size="sm">
                    {t('trust.location')}:{' '}
                  </Text>
                  {item.location ?? t('trust.notStated')}
                </Text>
                {item.url && (
                  <Anchor
                    href={item.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {item.url.replace(/^https:\/\//, '')}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </TrustSection>
  );
}
