import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { partnerAddress, partnerInput } from '../../../../common/schemas/partners.js';
import { type FieldProblem, isApiError } from '../../api/api-error.js';
import { useCustomFields, useRepositorySettings } from '../../api/use-classification.js';
import { type Partner, useCreatePartner, useUpdatePartner } from '../../api/use-partners.js';
import { AppModal } from '../../components/app-modal.js';
import { CountrySelect } from '../../components/code-select.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage, issueMessage } from '../../forms/issue-message.js';
import { maxLengthOf } from '../../forms/max-length.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import { customFieldErrors, PartnerCustomInputs } from './partner-custom-fields.js';
import {
  type ContactValues,
  newContact,
  PARTNER_TYPES,
  type PartnerType,
  type PartnerValues,
  partnerBody,
  partnerFieldOf,
  partnerValues,
} from './partner-form-values.js';

type Props = { opened: boolean; partner: Partner | null; onClose: () => void; onSaved?: (partner: Partner) => void };

/** Creates a partner (also inline from the contract form), or edits one when `partner` is given. */
export function PartnerFormModal({ opened, partner, onClose, onSaved }: Props) {
  const t = useT();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={partner ? t('partners.editTitle') : t('partners.createTitle')}
    >
      {opened && <PartnerForm partner={partner} onDone={onClose} onSaved={onSaved} />}
    </AppModal>
  );
}

type FormProps = { partner: Partner | null; onDone: () => void; onSaved?: (partner: Partner) => void };

function PartnerForm({ partner, onDone, onSaved }: FormProps) {
  const t = useT();
  const [values, setValues] = useState(() => partnerValues(partner));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const create = useCreatePartner();
  const update = useUpdatePartner(partner?.id ?? '');
  const fields = useCustomFields('partner').data ?? [];
  const currency = useRepositorySettings().data?.currency ?? 'EUR';
  const set = <K extends keyof PartnerValues>(name: K, value: PartnerValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors(({ [name]: _dropped, ...rest }) => rest);
  };
  const setCustom = (key: string, value: unknown) => {
    setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));
    setErrors(({ [`custom.${key}`]: _dropped, ...rest }) => rest);
  };
  const showServerError = (error: unknown) => {
    const problems: FieldProblem[] = isApiError(error) ? error.fieldErrors : [];
    setErrors(Object.fromEntries(problems.map((p) => [partnerFieldOf(p.field), fieldProblemMessage(t, p)])));
    setProblem(problems.length === 0 ? error : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const body = partnerBody(values, partner?.custom ?? null);
    const parsed = partnerInput.safeParse(body);
    const next: Record<string, string> = customFieldErrors(t, fields, values.custom);
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      next[partnerFieldOf(issue.path.join('.'))] ??= issueMessage(t, issue);
    }
    if (Object.keys(next).length > 0) {
      setErrors(next);
      return;
    }
    const onSuccess = (saved: Partner) => {
      notifySuccess(partner ? t('partners.saved', { name: saved.name }) : t('partners.created', { name: saved.name }));
      onSaved?.(saved);
      onDone();
    };
    if (partner) update.mutate(body, { onSuccess, onError: showServerError });
    else create.mutate(body, { onSuccess, onError: showServerError });
  };
  const text = (name: Exclude<keyof PartnerValues, 'contacts' | 'type' | 'custom'>) => ({
    maxLength: maxLengthOf(partnerInput, name) ?? maxLengthOf(partnerAddress, name),
    value: values[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value),
  });
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        <ProblemAlert error={problem ? describeError(t, problem) : null} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('partner.name')} required data-autofocus {...text('name')} />
          <NativeSelect
            label={t('partner.type')}
            value={values.type}
            data={PARTNER_TYPES.map((type) => ({ value: type, label: t(`partnerType.${type}`) }))}
            onChange={(event) => set('type', event.currentTarget.value as PartnerType)}
          />
          <TextInput label={t('partner.registrationNumber')} {...text('registrationNumber')} />
          <TextInput label={t('partner.vatId')} {...text('vatId')} />
        </SimpleGrid>
        <Text size="sm" fw={600}>
          {t('partner.address')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('partner.street')} {...text('street')} />
          <TextInput label={t('partner.postalCode')} {...text('postalCode')} />
          <TextInput label={t('partner.city')} {...text('city')} />
          <CountrySelect
            label={t('partner.country')}
            placeholder={t('partner.countryHint')}
            value={values.country || null}
            error={errors.country}
            onChange={(code) => set('country', code ?? '')}
          />
        </SimpleGrid>
        <PartnerCustomInputs
          fields={fields}
          values={values.custom}
          errors={errors}
          currency={currency}
          onChange={setCustom}
        />
        <ContactsEditor contacts={values.contacts} errors={errors} onChange={(contacts) => set('contacts', contacts)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {partner ? t('common.save') : t('partners.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ContactsProps = {
  contacts: ContactValues[];
  errors: Record<string, string>;
  onChange: (c: ContactValues[]) => void;
};

function ContactsEditor({ contacts, errors, onChange }: ContactsProps) {
  const t = useT();
  const change = (index: number, patch: Partial<ContactValues>) =>
    onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('partner.contacts')}
        </Text>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...contacts, newContact()])}
        >
          {t('partner.addContact')}
        </Button>
      </Group>
      {contacts.map((contact, index) => (
        <Paper key={contact.key} withBorder radius="md" p="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
              {(['name', 'email', 'phone', 'role'] as const).map((field) => (
                <TextInput
                  key={field}
                  size="sm"
                  label={t(`contact.${field}`)}
                  required={field === 'name'}
                  value={contact[field]}
                  error={errors[`contacts.${index}.${field}`]}
                  onChange={(event) => change(index, { [field]: event.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
            <ActionIcon
              variant="subtle"
              color="red"
              mt={26}
              aria-label={t('partner.removeContact', { name: contact.name || String(index + 1) })}
              onClick={() => onChange(contacts.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
