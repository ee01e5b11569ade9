import { Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { z } from 'zod';
import { billingLineInput } from '../../../../common/schemas/billing.js';
import { BILLING_FREQUENCIES, BILLING_KINDS } from '../../../../common/schemas/vocabulary.js';
import { calendarDate } from '../../../../common/terms/lifecycle.js';
import { type BillingLine, useCreateBillingLine, useUpdateBillingLine } from '../../api/use-billing-lines.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';
import { decimalFromInput } from '../../i18n/money.js';

type Props = {
  contractId: string;
  /** The line to edit; null adds a new one. */
  line: BillingLine | null;
  companyCurrency: string;
  opened: boolean;
  onClose: () => void;
};

export function BillingLineModal({ contractId, line, companyCurrency, opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={line ? t('billing.editTitle') : t('billing.addTitle')} size="lg">
      {opened && <LineForm contractId={contractId} line={line} companyCurrency={companyCurrency} onDone={onClose} />}
    </AppModal>
  );
}

/** The API's schema, with the form's empty strings for "none"; the rate is checked by the server. */
const formSchema = billingLineInput.extend({
  rate: z.string(),
  lastBillingOn: z.union([z.literal(''), calendarDate]),
  description: z.string().max(2_000),
});
type FormInput = z.input<typeof formSchema>;

function initialValues(line: BillingLine | null, companyCurrency: string): FormInput {
  return {
    kind: line?.kind ?? 'cost',
    frequency: line?.frequency ?? 'monthly',
    amount: line?.amount ?? '',
    currency: line?.currency ?? companyCurrency,
    rate: line && line.currency !== line.companyCurrency ? line.rate : '',
    firstBillingOn: line?.firstBillingOn ?? '',
    lastBillingOn: line?.lastBillingOn ?? '',
    description: line?.description ?? '',
  };
}

type FormProps = { contractId: string; line: BillingLine | null; companyCurrency: string; onDone: () => void };

function LineForm({ contractId, line, companyCurrency, onDone }: FormProps) {
  const t = useT();
  const form = useZodForm(formSchema, initialValues(line, companyCurrency));
  const create = useCreateBillingLine(contractId);
  const update = useUpdateBillingLine(contractId);
  const foreign = form.values.currency.trim().toUpperCase() !== companyCurrency;
  const submit = form.onSubmit((data) => {
    const body = {
      ...data,
      lastBillingOn: data.lastBillingOn || null,
      description: data.description.trim() || null,
      // The company currency's rate is 1 by definition; the server refuses any other.
      rate: foreign ? data.rate.trim() || undefined : undefined,
    };
    const done = {
      onSuccess: () => {
        notifySuccess(t('billing.saved'));
        onDone();
      },
      onError: form.showError,
    };
    if (line) update.mutate({ id: line.id, ...body, ...(foreign ? {} : { rate: '1' }) }, done);
    else create.mutate(body, done);
  });
  const decimalProps = (name: 'amount' | 'rate') => ({
    ...form.textProps(name),
    inputMode: 'decimal' as const,
    onBlur: () => form.setValue(name, decimalFromInput(form.values[name])),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Input.Wrapper label={t('billing.kind')} required>
            <SegmentedControl
              fullWidth
              value={form.values.kind}
              data={BILLING_KINDS.map((k) => ({ value: k, label: t(`billingKind.${k}`) }))}
              onChange={(value) => form.setValue('kind', value as (typeof BILLING_KINDS)[number])}
            />
          </Input.Wrapper>
          <Select
            label={t('billing.frequency')}
            required
            allowDeselect={false}
            value={form.values.frequency}
            error={form.errors.frequency}
            data={BILLING_FREQUENCIES.map((f) => ({ value: f, label: t(`billingFrequency.${f}`) }))}
            onChange={(value) => value && form.setValue('frequency', value as (typeof BILLING_FREQUENCIES)[number])}
          />
          <TextInput label={t('billing.amount')} required data-autofocus {...decimalProps('amount')} />
          <TextInput
            label={t('billing.currency')}
            required
            {...form.textProps('currency')}
            maxLength={3}
            onChange={(event) => form.setValue('currency', event.currentTarget.value.toUpperCase())}
          />
          {foreign && (
            <TextInput
              label={t('billing.rate')}
              description={t('billing.rateHint', { from: form.values.currency || '…', to: companyCurrency })}
              required
              {...decimalProps('rate')}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput type="date" label={t('billing.firstBillingOn')} required {...form.textProps('firstBillingOn')} />
          <TextInput
            type="date"
            label={t('billing.lastBillingOn')}
            description={t('billing.lastBillingHint')}
            {...form.textProps('lastBillingOn')}
          />
        </SimpleGrid>
        <Textarea label={t('billing.description')} autosize minRows={2} {...form.textProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {line ? t('common.save') : t('billing.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
