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
import { describeError } from '../../forms/describe-error.js';
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
import { ReminderDefaultsSection, useDefaultReminderChoice } from './reminder-defaults-section.js';
import { TermsPreview } from './terms-preview.js';
import { useContractForm } from './use-contract-form.js';

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
  const settings = useRepositorySettings();
  const wide = useMediaQuery('(min-width: 62em)') ?? true;
  const create = useCreateContract();
  const update = useUpdateContract(contract?.id ?? '');
  const pending = create.isPending || update.isPending;
  const back = contract ? `/contracts/${contract.id}` : '/contracts';
  const focus = useErrorFocus();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    focus.capture(event.currentTarget);
    if (!form.check()) {
      focus.focusFirst();
      return;
    }
    focus.clear();
    const onError = (error: unknown) => {
      form.showError(error);
      focus.focusFirst();
    };
    const body = toBody(form.values);
    const onSuccess = (saved: Contract) => {
      notifySuccess(contract ? t('contract.saved') : t('contract.created', { title: saved.title }));
      navigate(`/contracts/${saved.id}`);
    };
    if (contract) update.mutate(body, { onSuccess, onError });
    else create.mutate({ ...body, ...reminders.body }, { onSuccess, onError });
  };
  const alert = form.problem ? describeError(t, form.problem) : errorSummary(t, focus.labels);
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack gap="md">
        <BackLink to={back}>{contract ? contract.title : t('contracts.title')}</BackLink>
        <PageHeader title={contract ? t('contract.editTitle') : t('contracts.create')} mb={0} />
        <ProblemAlert error={alert} />
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
                <RelationsSection form={form} contractId={contract?.id ?? null} />
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
