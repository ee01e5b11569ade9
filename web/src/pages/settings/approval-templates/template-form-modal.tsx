import { Button, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { APPROVAL_LIMITS } from '../../../../../common/schemas/approvals.js';
import { fieldName } from '../../../api/api-error.js';
import {
  type ApprovalTemplate,
  useCreateApprovalTemplate,
  useUpdateApprovalTemplate,
} from '../../../api/use-approvals.js';
import { useListItems } from '../../../api/use-lists.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useT } from '../../../i18n/i18n-context.js';
import {
  emptyStep,
  fromStepViews,
  type StepDraft,
  StepsEditor,
  stepErrorsOf,
  toStepInputs,
} from '../../contracts/approval/steps-editor.js';

type Props = { opened: boolean; template: ApprovalTemplate | null; onClose: () => void };

/** Creates a template, or changes one when `template` is given. */
export function TemplateFormModal({ opened, template, onClose }: Props) {
  const t = useT();
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={template ? t('approvalTemplates.editTitle') : t('approvalTemplates.createTitle')}
    >
      {opened && <TemplateForm template={template} onDone={onClose} />}
    </AppModal>
  );
}

const TOP_FIELDS = ['name', 'description', 'defaultCategoryId'] as const;
type TopField = (typeof TOP_FIELDS)[number];

function TemplateForm({ template, onDone }: { template: ApprovalTemplate | null; onDone: () => void }) {
  const t = useT();
  const categories = useListItems('categories');
  const create = useCreateApprovalTemplate();
  const update = useUpdateApprovalTemplate();
  const [name, setName] = useState(template?.name ?? '');
  const [description, setDescription] = useState(template?.description ?? '');
  const [categoryId, setCategoryId] = useState<string | null>(template?.defaultCategoryId ?? null);
  const [steps, setSteps] = useState<StepDraft[]>(template ? fromStepViews(template.steps) : [emptyStep()]);
  const [error, setError] = useState<unknown>(null);
  const { byStep, rest } = stepErrorsOf(t, error);
  const top: Partial<Record<TopField, string>> = {};
  const unplaced = rest.filter((problem) => {
    const field = fieldName(problem.field) as TopField;
    if (!TOP_FIELDS.includes(field)) return true;
    top[field] ??= fieldProblemMessage(t, problem);
    return false;
  });
  const placed = error !== null && unplaced.length === 0 && (rest.length > 0 || Object.keys(byStep).length > 0);
  const submit = () => {
    setError(null);
    const body = {
      name,
      description: description.trim() === '' ? null : description,
      defaultCategoryId: categoryId,
      steps: toStepInputs(steps),
    };
    const onSuccess = () => {
      notifySuccess(t(template ? 'approvalTemplates.saved' : 'approvalTemplates.created', { name: name.trim() }));
      onDone();
    };
    if (template) update.mutate({ id: template.id, ...body }, { onSuccess, onError: setError });
    else create.mutate(body, { onSuccess, onError: setError });
  };
  return (
    <form noValidate onSubmit={ownSubmit(() => submit())}>
      <Stack>
        {error !== null && !placed && <ProblemAlert error={describeError(t, error)} />}
        <TextInput
          label={t('field.name')}
          required
          data-autofocus
          maxLength={APPROVAL_LIMITS.nameLength}
          value={name}
          error={top.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Textarea
          label={t('approvalTemplates.descriptionLabel')}
          autosize
          minRows={2}
          maxLength={1000}
          value={description}
          error={top.description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Select
          label={t('approvalTemplates.defaultCategory')}
          description={t('approvalTemplates.defaultCategoryHint')}
          clearable
          searchable
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={categoryId}
          error={top.defaultCategoryId}
          onChange={setCategoryId}
        />
        <Title order={2} size="h5">
          {t('approvalTemplates.steps')}
        </Title>
        <StepsEditor steps={steps} errors={byStep} onChange={setSteps} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {template ? t('common.save') : t('approvalTemplates.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
