import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { RECIPIENT_ROLES, type RecipientRole } from '../../../../common/schemas/signing.js';
import { isApiError } from '../../api/api-error.js';
import { type Envelope, usePutRecipients } from '../../api/use-envelopes.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import { useT } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';

type Row = {
  key: string;
  id?: string;
  role: RecipientRole;
  name: string;
  email: string;
  position: number;
  requireCode: boolean;
};
type RowErrors = Record<number, Partial<Record<'name' | 'email' | 'role' | 'position' | 'requireCode', string>>>;

let counter = 0;
const blank = (position: number): Row => ({
  key: `row-${++counter}`,
  role: 'signer',
  name: '',
  email: '',
  position,
  requireCode: false,
});

/** A 422's problems by row and input ("recipients.1.email"); the rest stays for the alert above. */
function rowErrors(t: Translate, error: unknown): RowErrors {
  if (!isApiError(error, 'validation_failed')) return {};
  const errors: RowErrors = {};
  for (const problem of error.fieldErrors) {
    const [, index, field] = /^recipients\.(\d+)\.(name|email|role|position|requireCode)$/.exec(problem.field) ?? [];
    if (index === undefined || !field) continue;
    const row = errors[Number(index)] ?? {};
    // The address input's only format is an e-mail address's.
    const email = field === 'email' && problem.rule === 'invalid_format';
    row[field as 'name'] ??= email ? t('validation.email') : fieldProblemMessage(t, problem);
    errors[Number(index)] = row;
  }
  return errors;
}

/** Step 1: who signs (in which order), who approves and who gets a copy. Saved as the whole list. */
export function RecipientsStep({ envelope, onDone }: { envelope: Envelope; onDone: () => void }) {
  const t = useT();
  const save = usePutRecipients(envelope.id);
  const [rows, setRows] = useState<Row[]>(() =>
    envelope.recipients.length > 0 ? envelope.recipients.map((r) => ({ ...r, key: r.id })) : [blank(1)],
  );
  const errors = rowErrors(t, save.error);
  const set = (key: string, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = () =>
    save.mutate(
      // A copy recipient never signs: a code ticked before the role changed is not theirs.
      rows.map(({ key: _key, ...r }) => ({ ...r, requireCode: r.role !== 'cc' && r.requireCode })),
      { onSuccess: onDone },
    );
  const general = save.error && Object.keys(errors).length === 0 ? describeError(t, save.error) : null;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('signing.recipients.intro')}
      </Text>
      <ProblemAlert error={general} />
      <Stack
        gap="xs"
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('signing.recipients.title')}
      >
        {rows.map((row, index) => (
          <Paper
            key={row.key}
            withBorder
            p="sm"
            radius="md"
            component="li"
            aria-label={t('signing.recipients.rowN', { n: index + 1 })}
          >
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('signing.recipients.name')}
                value={row.name}
                onChange={(e) => set(row.key, { name: e.currentTarget.value })}
                error={errors[index]?.name}
                style={{ flex: '1 1 150px' }}
              />
              <TextInput
                label={t('signing.recipients.email')}
                type="email"
                value={row.email}
                onChange={(e) => set(row.key, { email: e.currentTarget.value })}
                error={errors[index]?.email}
                style={{ flex: '1 1 190px' }}
              />
              <Select
                label={t('signing.recipients.role')}
                value={row.role}
                allowDeselect={false}
                data={RECIPIENT_ROLES.map((role) => ({ value: role, label: t(`signing.role.${role}`) }))}
                onChange={(value) => value && set(row.key, { role: value as RecipientRole })}
                error={errors[index]?.role}
                w={170}
              />
              <NumberInput
                label={t('signing.recipients.position')}
                value={row.position}
                min={1}
                max={20}
                allowDecimal={false}
                onChange={(value) => set(row.key, { position: typeof value === 'number' ? value : 1 })}
                error={errors[index]?.position}
                w={80}
              />
              {row.role !== 'cc' && (
                <Checkbox
                  label={t('signing.recipients.requireCode')}
                  checked={row.requireCode}
                  onChange={(e) => set(row.key, { requireCode: e.currentTarget.checked })}
                  error={errors[index]?.requireCode}
                  mb={8}
                />
              )}
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('signing.recipients.remove', { n: index + 1 })}
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
      </Stack>
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => setRows([...rows, blank(Math.min(rows.length + 1, 20))])}
          disabled={rows.length >= 20}
        >
          {t('signing.recipients.add')}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t('signing.recipients.save')}
        </Button>
      </Group>
    </Stack>
  );
}
