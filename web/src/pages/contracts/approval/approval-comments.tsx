import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { z } from 'zod';
import { approvalCommentInput } from '../../../../../common/schemas/approvals.js';
import { type ContractApproval, useCommentApproval } from '../../../api/use-approvals.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useI18n } from '../../../i18n/i18n-context.js';

const formSchema = approvalCommentInput.extend({ body: z.string().trim().min(1).max(4000) });

/** Comments on the approval, oldest first, and a box to add one. */
export function ApprovalComments({ approval, workflowId }: { approval: ContractApproval; workflowId: string }) {
  const { t, fmt } = useI18n();
  const add = useCommentApproval(approval.contractId);
  const form = useZodForm(formSchema, { body: '' });
  const submit = form.onSubmit((data) =>
    add.mutate(
      { workflowId, body: data.body },
      {
        onSuccess: () => {
          notifySuccess(t('approvals.commentAdded'));
          form.reset();
        },
        onError: form.showError,
      },
    ),
  );
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {t('approvals.comments')}
      </Title>
      <Stack gap="sm">
        {approval.comments.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('approvals.noComments')}
          </Text>
        )}
        {approval.comments.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {approval.comments.map((c) => (
              <li key={c.id}>
                <Text size="xs" c="dimmed">
                  {t('approvals.decidedBy', { name: c.authorName ?? '—', date: fmt.dateTime(c.createdAt) })}
                </Text>
                <Text size="sm" className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {approval.abilities.canComment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <ProblemAlert error={form.formError} />
              <Textarea label={t('approvals.comment')} autosize minRows={2} maxRows={8} {...form.textProps('body')} />
              <Group justify="flex-end">
                <Button type="submit" variant="default" loading={add.isPending}>
                  {t('approvals.addComment')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
