import { ActionIcon, Badge, Button, Code, Group, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
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
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sso.domain')}</Table.Th>
                  <Table.Th>{t('sso.txtRecord')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {domains.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Stack gap={4}>
                        <Text fw={500}>{d.domain}</Text>
                        <Badge color={d.verified ? 'teal' : 'yellow'} variant="light" w="fit-content">
                          {d.verified ? t('sso.verified') : t('sso.pending')}
                        </Badge>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="xs" c="dimmed">
                          {t('sso.txtName')}
                        </Text>
                        <Code style={{ overflowWrap: 'anywhere' }}>{d.txtName}</Code>
                        <Text size="xs" c="dimmed">
                          {t('sso.txtValue')}
                        </Text>
                        <Code style={{ overflowWrap: 'anywhere' }}>{d.txtValue}</Code>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('sso.removeDomain', { domain: d.domain })}
                        onClick={() => remove.mutate(d.id, { onError: (error) => notifyError(t, error) })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </SettingsCard>
  );
}
