import { ActionIcon, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type SsoDomain, ssoDomainInput } from '../../../../../common/schemas/sso.js';
import { useAddSsoDomain, useRemoveSsoDomain } from '../../../api/use-sso.js';
import { notifyError } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { SettingsCard } from '../personal/settings-card.js';

/** Mail domains whose people sign in here: each proven by a DNS TXT record (marked verified by the operator). */
export function SsoDomainsCard({ domains }: { domains: SsoDomain[] }) {
  const t = useT();
  const add = useAddSsoDomain();
  const remove = useRemoveSsoDomain();
  const form = useZodForm(ssoDomainInput, { domain: '' });
  const submit = form.onSubmit(({ domain }) =>
    add.mutate(domain, { onSuccess: () => form.reset(), onError: form.showError }),
  );
  return (
    <SettingsCard title={t('sso.domainsTitle')} description={t('sso.domainsText')}>
      <Stack>
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <ProblemAlert error={form.formError} />
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                label={t('sso.domain')}
                placeholder="example.com"
                style={{ flex: 1 }}
                {...form.textProps('domain')}
              />
              <Button type="submit" loading={add.isPending}>
                {t('sso.addDomain')}
              </Button>
            </Group>
          </Stack>
        </form>
        {domains.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('sso.noDomains')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {domains.map((d) => (
              <Paper key={d.id} component="li" withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="xs">
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {d.domain}
                    </Text>
                    <Badge color={d.verified ? 'teal' : 'yellow'} variant="light">
                      {d.verified ? t('sso.verified') : t('sso.pending')}
                    </Badge>
                  </Group>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('sso.removeDomain', { domain: d.domain })}
                    onClick={() => remove.mutate(d.id, { onError: (error) => notifyError(t, error) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <Text size="xs" c="dimmed" mt="xs">
                  {t('sso.txtRecord')}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed">
                      {t('sso.txtName')}
                    </Text>
                    <Code style={{ overflowWrap: 'anywhere' }}>{d.txtName}</Code>
                  </Stack>
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed">
                      {t('sso.txtValue')}
                    </Text>
                    <Code style={{ overflowWrap: 'anywhere' }}>{d.txtValue}</Code>
                  </Stack>
                </SimpleGrid>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </SettingsCard>
  );
}
