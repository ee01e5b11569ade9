import { Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApprovalTemplates, useStartApproval } from '../../../api/use-approvals.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useT } from '../../../i18n/i18n-context.js';
import { emptyStep, type StepDraft, StepsEditor, stepErrorsOf, toStepInputs } from './steps-editor.js';

type Props = { contractId: string; categoryId: string | null; opened: boolean; onClose: () => void };

export function StartApprovalModal({ contractId, categoryId, opened, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} title={t('approvals.startTitle')} size="lg">
      {opened && <StartForm contractId={contractId} categoryId={categoryId} onDone={onClose} />}
    </AppModal>
  );
}

type FormProps = { contractId: string; categoryId: string | null; onDone: () => void };

/**
 * A template's steps, or steps written for this contract; the server checks the approvers.
 * The category's default template is chosen until the person picks something else.
 */
function StartForm({ contractId, categoryId, onDone }: FormProps) {
  const t = useT();
  const templates = useApprovalTemplates();
  const active = (templates.data ?? []).filter((tpl) => !tpl.archivedAt);
  const suggested = categoryId ? active.find((tpl) => tpl.defaultCategoryId === categoryId) : undefined;
  const [chosenMode, setMode] = useState<'template' | 'steps' | null>(null);
  const [chosenTemplateId, setTemplateId] = useState<string | null | undefined>(undefined);
  const mode = chosenMode ?? (suggested ? 'template' : 'steps');
  const templateId = chosenTemplateId === undefined ? (suggested?.id ?? null) : chosenTemplateId;
  const [steps, setSteps] = useState<StepDraft[]>([emptyStep()]);
  const [error, setError] = useState<unknown>(null);
  const start = useStartApproval(contractId);
  const { byStep, rest } = stepErrorsOf(t, error);
  const templateProblem = rest.find((p) => p.field.endsWith('templateId'));
  const others = rest.filter((p) => p !== templateProblem);
  const placed = error !== null && (Object.keys(byStep).length > 0 || templateProblem) && others.length === 0;
  const submit = () => {
    setError(null);
    const body = mode === 'template' ? { templateId: templateId ?? '' } : { steps: toStepInputs(steps) };
    start.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('approvals.started'));
        onDone();
      },
      onError: setError,
    });
  };
  return (
    <form noValidate onSubmit={ownSubmit(() => submit())}>
      <Stack>
        {error !== null && !placed && <ProblemAlert error={describeError(t, error)} />}
        <SegmentedControl
          fullWidth
          aria-label={t('approvals.source')}
          value={mode}
          onChange={(value) => {
            setMode(value as 'template' | 'steps');
            setError(null);
          }}
          data={[
            { value: 'steps', label: t('approvals.adHoc') },
            { value: 'template', label: t('approvals.fromTemplate') },
          ]}
        />
        {mode === 'template' ? (
          active.length === 0 && !templates.isPending ? (
            <Text size="sm" c="dimmed">
              {t('approvals.noTemplates')}
            </Text>
          ) : (
            <Select
              label={t('approvals.template')}
              required
              data={active.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              value={templateId}
              error={templateProblem ? fieldProblemMessage(t, templateProblem) : undefined}
              onChange={(value) => {
                setTemplateId(value);
                setError(null);
              }}
            />
          )
        ) : (
          <StepsEditor steps={steps} errors={byStep} onChange={setSteps} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={start.isPending}>
            {t('approvals.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
