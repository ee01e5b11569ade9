import {
  ActionIcon,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ApprovalRule, ApprovalStepInput } from '../../../../../common/schemas/approvals.js';
import { APPROVAL_LIMITS } from '../../../../../common/schemas/approvals.js';
import { type FieldProblem, isApiError } from '../../../api/api-error.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useDirectory } from '../../../api/use-directory.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { useT } from '../../../i18n/i18n-context.js';
import type { Translate } from '../../../i18n/translate.js';

export type StepDraft = {
  name: string;
  rule: ApprovalRule;
  dueDays: number | null;
  userIds: string[];
  unitIds: string[];
};
type StepField = 'name' | 'rule' | 'dueDays' | 'approvers';
/** Messages by step index and field. */
export type StepErrors = Record<number, Partial<Record<StepField, string>>>;

export const emptyStep = (): StepDraft => ({ name: '', rule: 'all', dueDays: null, userIds: [], unitIds: [] });

export function toStepInputs(steps: StepDraft[]): ApprovalStepInput[] {
  return steps.map((s) => ({
    name: s.name,
    rule: s.rule,
    dueDays: s.dueDays,
    approvers: [
      ...s.userIds.map((userId) => ({ kind: 'user' as const, userId })),
      ...s.unitIds.map((businessUnitId) => ({ kind: 'unit_editors' as const, businessUnitId })),
    ],
  }));
}

export function fromStepViews(
  steps: {
    name: string;
    rule: ApprovalRule;
    dueDays: number | null;
    approvers: { kind: string; userId: string | null; businessUnitId: string | null }[];
  }[],
): StepDraft[] {
  return steps.map((s) => ({
    name: s.name,
    rule: s.rule,
    dueDays: s.dueDays,
    userIds: s.approvers.flatMap((a) => (a.kind === 'user' && a.userId ? [a.userId] : [])),
    unitIds: s.approvers.flatMap((a) => (a.kind === 'unit_editors' && a.businessUnitId ? [a.businessUnitId] : [])),
  }));
}

const STEP_PATH = /steps[./](\d+)(?:[./](\w+))?/;

/** Server field errors ("steps.0.approvers.1.userId") placed at the step's input; the rest is left over. */
export function stepErrorsOf(t: Translate, error: unknown): { byStep: StepErrors; rest: FieldProblem[] } {
  const byStep: StepErrors = {};
  const rest: FieldProblem[] = [];
  for (const problem of isApiError(error) ? error.fieldErrors : []) {
    const match = STEP_PATH.exec(problem.field);
    const field = match?.[2] as StepField | undefined;
    if (!match || !field || !['name', 'rule', 'dueDays', 'approvers'].includes(field)) {
      rest.push(problem);
      continue;
    }
    const index = Number(match[1]);
    const step = byStep[index] ?? {};
    step[field] ??= fieldProblemMessage(t, problem);
    byStep[index] = step;
  }
  return { byStep, rest };
}

type Props = { steps: StepDraft[]; errors: StepErrors; onChange: (steps: StepDraft[]) => void };

/** Steps written by hand: a name, all/any, approvers (people and/or unit editors) and a due time. */
export function StepsEditor({ steps, errors, onChange }: Props) {
  const t = useT();
  const update = (index: number, patch: Partial<StepDraft>) =>
    onChange(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <Stack gap="sm">
      {steps.map((step, index) => (
        <StepCard
          // Steps have no id before they are saved; their place is their identity here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          index={index}
          step={step}
          errors={errors[index] ?? {}}
          onChange={(patch) => update(index, patch)}
          onRemove={steps.length > 1 ? () => onChange(steps.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      {steps.length < APPROVAL_LIMITS.steps && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...steps, emptyStep()])}
          >
            {t('approvals.addStep')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

type CardProps = {
  index: number;
  step: StepDraft;
  errors: Partial<Record<StepField, string>>;
  onChange: (patch: Partial<StepDraft>) => void;
  onRemove?: () => void;
};

function StepCard({ index, step, errors, onChange, onRemove }: CardProps) {
  const t = useT();
  const members = useDirectory();
  const units = useBusinessUnits();
  const position = index + 1;
  return (
    <Card
      withBorder
      padding="sm"
      component="fieldset"
      style={{ margin: 0 }}
      aria-label={t('approvals.stepHeading', { position })}
    >
      <Group justify="space-between" mb="xs">
        <Text fw={500} size="sm">
          {t('approvals.stepHeading', { position })}
        </Text>
        {onRemove && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('approvals.removeStep', { position })}
            onClick={onRemove}
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Group>
      <Stack gap="xs">
        <TextInput
          label={t('approvals.stepName')}
          required
          maxLength={APPROVAL_LIMITS.nameLength}
          value={step.name}
          error={errors.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Select
            label={t('approvals.ruleLabel')}
            allowDeselect={false}
            data={(['all', 'any'] as const).map((r) => ({ value: r, label: t(`approvals.rule.${r}`) }))}
            value={step.rule}
            error={errors.rule}
            onChange={(value) => onChange({ rule: (value ?? 'all') as ApprovalRule })}
          />
          <NumberInput
            label={t('approvals.dueDays')}
            min={1}
            max={365}
            allowDecimal={false}
            value={step.dueDays ?? ''}
            error={errors.dueDays}
            onChange={(value) => onChange({ dueDays: typeof value === 'number' ? value : null })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('approvals.people')}
          description={t('approvals.peopleHint')}
          searchable
          data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={step.userIds}
          error={errors.approvers}
          onChange={(userIds) => onChange({ userIds })}
        />
        <MultiSelect
          label={t('approvals.units')}
          description={t('approvals.unitsHint')}
          searchable
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={step.unitIds}
          onChange={(unitIds) => onChange({ unitIds })}
        />
      </Stack>
    </Card>
  );
}
