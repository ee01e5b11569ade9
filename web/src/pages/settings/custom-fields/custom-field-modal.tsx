import { Button, Checkbox, Group, NativeSelect, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { keyFromLabel } from '../../../../../common/custom-fields.js';
import { OPTION_TYPES, optionsProblem } from '../../../../../common/schemas/classification.js';
import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldEntity,
  type CustomFieldType,
} from '../../../../../common/schemas/vocabulary.js';
import { fieldName, isApiError } from '../../../api/api-error.js';
import { type CustomField, useCreateCustomField, useUpdateCustomField } from '../../../api/use-classification.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { entity: CustomFieldEntity; field: CustomField | null; opened: boolean; onClose: () => void };

export function CustomFieldModal({ entity, field, opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={field ? t('customFields.editTitle') : t('customFields.createTitle')}
    >
      {opened && <FieldForm entity={entity} field={field} onDone={onClose} />}
    </AppModal>
  );
}

function FieldForm({
  entity,
  field,
  onDone,
}: {
  entity: CustomFieldEntity;
  field: CustomField | null;
  onDone: () => void;
}) {
  const t = useT();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [mandatory, setMandatory] = useState(field?.mandatory ?? false);
  const [section, setSection] = useState(field?.section ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const failure = create.error ?? update.error;
  const hasOptions = OPTION_TYPES.includes(type);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!label.trim()) next.label = t('validation.required');
    const problem = optionsProblem(type, hasOptions ? options : []);
    if (problem) next.options = t(`customFields.options.${problem.rule}`);
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = {
      label: label.trim(),
      options: hasOptions ? options : [],
      mandatory,
      section: section.trim() || null,
    };
    const onError = (error: unknown) => {
      const problems = isApiError(error) ? error.fieldErrors : [];
      setErrors(Object.fromEntries(problems.map((p) => [fieldName(p.field), fieldProblemMessage(t, p)])));
    };
    const onSuccess = (saved: CustomField) => {
      notifySuccess(t('customFields.saved', { label: saved.label }));
      onDone();
    };
    if (field) update.mutate({ id: field.id, ...body }, { onSuccess, onError });
    else create.mutate({ entity, type, ...body }, { onSuccess, onError });
  };
  const placed = isApiError(failure) && failure.fieldErrors.length > 0;
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        {failure && !placed && <ProblemAlert error={describeError(t, failure)} />}
        <TextInput
          label={t('customFields.label')}
          description={
            field
              ? t('customFields.keyIs', { key: field.key })
              : label.trim() && t('customFields.keyWillBe', { key: keyFromLabel(label) })
          }
          required
          data-autofocus
          value={label}
          error={errors.label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('customFields.type')}
          description={field ? t('customFields.typeFixed') : undefined}
          disabled={field !== null}
          value={type}
          error={errors.type}
          data={CUSTOM_FIELD_TYPES.map((v) => ({ value: v, label: t(`customFieldType.${v}`) }))}
          onChange={(e) => setType(e.currentTarget.value as CustomFieldType)}
        />
        {hasOptions && (
          <TagsInput
            label={t('customFields.optionsLabel')}
            description={t('contract.tagsHint')}
            required
            value={options}
            error={errors.options}
            onChange={setOptions}
          />
        )}
        <TextInput
          label={t('customFields.section')}
          description={t('customFields.sectionHint')}
          value={section}
          error={errors.section}
          onChange={(e) => setSection(e.currentTarget.value)}
        />
        <Checkbox
          label={t('customFields.mandatory')}
          checked={mandatory}
          onChange={(e) => setMandatory(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {field ? t('common.save') : t('customFields.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
