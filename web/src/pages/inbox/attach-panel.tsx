import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldName, isApiError } from '../../api/api-error.js';
import type { Document } from '../../api/use-documents.js';
import { useAttachInbox } from '../../api/use-inbox.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import { MasterSelect } from '../contracts/master-select.js';

/** Files the document on a contract found by title or number; the server says which ones the caller may change. */
export function AttachPanel({ document }: { document: Document }) {
  const t = useT();
  const navigate = useNavigate();
  const attach = useAttachInbox(document.id);
  const [contractId, setContractId] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!contractId) {
      setError(t('validation.required'));
      return;
    }
    attach.mutate(contractId, {
      onSuccess: () => {
        notifySuccess(t('inbox.attached', { name: document.name }));
        navigate(`/contracts/${contractId}?tab=documents`);
      },
      onError: (failure) => {
        const onField = isApiError(failure)
          ? failure.fieldErrors.find((p) => fieldName(p.field) === 'contractId')
          : undefined;
        setError(onField && fieldProblemMessage(t, onField));
      },
    });
  };
  const placed = error !== undefined;
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack gap="md">
        {attach.error && !placed && <ProblemAlert error={describeError(t, attach.error)} />}
        <MasterSelect
          excludeId={null}
          label={t('inbox.contract')}
          placeholder={t('inbox.contractPlaceholder')}
          required
          value={contractId}
          error={error}
          onChange={(id) => {
            setContractId(id);
            setError(undefined);
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={attach.isPending}>
            {t('inbox.attachSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
