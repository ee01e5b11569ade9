import { Box, Button, Grid, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { meCan } from '../../api/abilities.js';
import { type CustomField, useCustomFields, useRepositorySettings } from '../../api/use-classification.js';
import { type Contract, useContract, useCreateContract, useUpdateContract } from '../../api/use-contracts.js';
import { useCurrentMe } from '../../api/use-me.js';
import { BackLink } from '../../components/back-link.js';
import { FormSection } from '../../components/form-section.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ErrorState, NoAccess, PageLoader } from '../../components/states.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useErrorFocus } from '../../forms/use-error-focus.js';
import { errorSummary } from '../../forms/use-zod-form.js';
import { useT } from '../../i18n/i18n-context.js';
import { BasicsSection } from './basics-section.js';
import { ClassificationSection } from './classification-section.js';
import { emptyValues, type FormValues, toBody, valuesOf } from './contract-form-values.js';
import { CustomFieldsSection } from './custom-fields-section.js';
import { LifecycleSection } from './lifecycle-section.js';
import { RelationsSection } from './relations-section.js';
import {
  type DefaultReminderChoice,
  ReminderDefaultsSection,
  useDefaultReminderChoice,
} from './reminder-defaults-section.js';
import { TermsPreview } from './terms-preview.js';
import { type ContractForm, useContractForm } from './use-contract-form.js';

export function NewContractPage() {
  const [params] = useSearchParams();
  const me = useCurrentMe();
  const allowed = meCan(me, 'createContracts');
  const fields = useCustomFields('contract');
  // A role that cannot create contracts anywhere gets no form to fill in first.
  if (!allowed) return <NoAccess />;
  if (fields.isPending) return <PageLoader />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  // Started from a partner's page, the contract is with that partner; its owner is, at first, whoever records it.
  const initial = { ...emptyValues(), partnerId: params.get('partnerId'), ownerId: me.user?.id ?? null };
  return <ContractFormView contract={null} initial={initial} fields={fields.data} />;
}

export function EditContractPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  const fields = useCustomFields('contract');
  if (contract.isPending || fields.isPending) return <PageLoader />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  if (!contract.data.abilities.edit) return <NoAccess />;
  return <ContractFormView contract={contract.data} initial={valuesOf(contract.data)} fields={fields.data} />;
}

type ViewProps = { contract: Contract | null; initial: FormValues; fields: CustomField[] };

function ContractFormView({ contract, initial, fields }: ViewProps) {
  const t = useT();
  const navigate = useNavigate();
  const form = useContractForm(initial, fields);
  const reminders = useDefaultReminderChoice(contract === null);
  const create = useCreateContract();
  const update = useUpdateContract(contract?.id ?? '');
  const pending = create.isPending || update.isPending;
  const back = contract ? `/contracts/${contract.id}` : '/contracts';
  const { submit, alert } = useCheckedSubmit(form, (body, onError) => {
    const onSuccess = (saved: Contract) => {
      notifySuccess(contract ? t('contract.saved') : t('contract.created', { title: saved.title }));
      navigate(`/contracts/${saved.id}`);
    };
    if (contract) update.mutate(body, { onSuccess, onError });
    else create.mutate({ ...body, ...reminders.body }, { onSuccess, onError });
  });
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack gap="md">
        <BackLink to={back}>{contract ? contract.title : t('contracts.title')}</BackLink>
        <PageHeader title={contract ? t('contract.editTitle') : t('contracts.create')} mb={0} />
        <ProblemAlert error={alert} />
        <ContractFormSections form={form} contractId={contract?.id ?? null} fields={fields} reminders={reminders} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={back}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {contract ? t('common.save') : t('contract.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Send = (body: ReturnType<typeof toBody>, onError: (error: unknown) => void) => void;

/**
 * Submitting a contract form: the client's checks first, then `send`; what the server refuses
 * lands on its fields, the first invalid one gets the focus, the rest is said in `alert`.
 */
export function useCheckedSubmit(form: ContractForm, send: Send) {
  const t = useT();
  const focus = useErrorFocus();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    focus.capture(event.currentTarget);
    if (!form.check()) {
      focus.focusFirst();
      return;
    }
    focus.clear();
    send(toBody(form.values), (error) => {
      form.showError(error);
      focus.focusFirst();
    });
  };
  // Each form wraps it in ownSubmit where it renders, so a nested form's submit never reaches it.
  return { submit, alert: form.problemText ?? errorSummary(t, focus.labels) };
}

type SectionsProps = {
  form: ContractForm;
  contractId: string | null;
  fields: CustomField[];
  reminders: DefaultReminderChoice;
  /** In a narrow column (beside a document) the terms preview follows the terms instead of standing beside them. */
  narrow?: boolean;
};

/** The contract form's sections, for a new contract, an edited one, or one made from an inbox document. */
export function ContractFormSections({ form, contractId, fields, reminders, narrow = false }: SectionsProps) {
  const t = useT();
  const settings = useRepositorySettings();
  const wide = (useMediaQuery('(min-width: 62em)') ?? true) && !narrow;
  return (
    <Grid gap="md">
      <Grid.Col span={wide ? 8 : 12}>
        <Stack gap="md">
          <FormSection title={t('form.basics')}>
            <BasicsSection form={form} />
          </FormSection>
          <FormSection title={t('form.lifecycle')} description={t('form.lifecycleHint')}>
            <LifecycleSection form={form} />
          </FormSection>
          {/* On narrow screens the preview follows the terms it is computed from. */}
          {!wide && <TermsPreview preview={form.preview} today={form.today} />}
          <FormSection title={t('form.classification')}>
            <ClassificationSection form={form} />
          </FormSection>
          <FormSection title={t('form.relations')}>
            <RelationsSection form={form} contractId={contractId} />
          </FormSection>
          {fields.length > 0 && (
            <FormSection title={t('form.customFields')}>
              <CustomFieldsSection form={form} fields={fields} currency={settings.data?.currency ?? 'EUR'} />
            </FormSection>
          )}
          {reminders.defaults && reminders.defaults.length > 0 && (
            <FormSection title={t('reminder.defaultsSection')} description={t('reminder.defaultsSectionHint')}>
              <ReminderDefaultsSection choice={reminders} />
            </FormSection>
          )}
        </Stack>
      </Grid.Col>
      {wide && (
        <Grid.Col span={4}>
          <Box style={{ position: 'sticky', top: 76 }}>
            <TermsPreview preview={form.preview} today={form.today} />
          </Box>
        </Grid.Col>
      )}
    </Grid>
  );
}
