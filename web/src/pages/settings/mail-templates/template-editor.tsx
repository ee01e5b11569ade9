import { Badge, Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type RefObject, useRef } from 'react';
import type { MailTemplateKind } from '../../../../../common/schemas/reminders.js';
import { isApiError } from '../../../api/api-error.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useT } from '../../../i18n/i18n-context.js';
import { MailPreview } from './mail-preview.js';
import { PlaceholderList } from './placeholder-list.js';
import { templateErrors } from './template-errors.js';
import {
  type MailLocale,
  type MailTemplate,
  type MailText,
  useMailPreview,
  useSaveMailTemplate,
} from './use-mail-templates.js';

type Field = 'subject' | 'body';
type Props = {
  template: MailTemplate;
  value: MailText;
  onChange: (next: MailText) => void;
  onReset: () => void;
};

const monospace = { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 };

/** Subject and text of one kind and language, its placeholders, and the live preview beside it. */
export function TemplateEditor({ template, value, onChange, onReset }: Props) {
  const t = useT();
  const save = useSaveMailTemplate();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');
  const kind: MailTemplateKind = template.kind;
  const locale: MailLocale = template.locale;
  const [debounced] = useDebouncedValue(value, 400);
  const preview = useMailPreview({ kind, locale, ...debounced });
  const dirty = value.subject !== template.subject || value.body !== template.body;
  const errors = templateErrors(t, save.error ?? preview.error);
  const otherSaveError = save.error && !isApiError(save.error, 'validation_failed') ? save.error : null;

  const change = (field: Field, text: string) => {
    save.reset();
    onChange({ ...value, [field]: text });
  };
  const insert = (token: string) => {
    const field = lastField.current;
    const el: HTMLInputElement | HTMLTextAreaElement | null =
      field === 'subject' ? subjectRef.current : bodyRef.current;
    const text = value[field];
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    change(field, text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const submit = () =>
    save.mutate({ kind, locale, ...value }, { onSuccess: () => notifySuccess(t('mailTemplates.saved')) });
  const track = (field: Field) => () => {
    lastField.current = field;
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={ownSubmit(submit)} noValidate>
          <Stack gap="md">
            <Group gap="xs">
              <Badge variant="light" color={template.isDefault ? 'gray' : 'blue'}>
                {template.isDefault ? t('mailTemplates.builtIn') : t('mailTemplates.customized')}
              </Badge>
              {dirty && (
                <Badge variant="light" color="yellow">
                  {t('mailTemplates.unsaved')}
                </Badge>
              )}
            </Group>
            <ProblemAlert error={otherSaveError ? describeError(t, otherSaveError) : null} />
            <TextInput
              ref={subjectRef}
              label={t('mailTemplates.subject')}
              styles={{ input: monospace }}
              value={value.subject}
              error={errors.subject}
              onFocus={track('subject')}
              onChange={(e) => change('subject', e.currentTarget.value)}
            />
            <Textarea
              ref={bodyRef as RefObject<HTMLTextAreaElement>}
              label={t('mailTemplates.body')}
              description={t('mailTemplates.bodyHint')}
              autosize
              minRows={14}
              maxRows={28}
              styles={{ input: monospace }}
              value={value.body}
              error={errors.body}
              onFocus={track('body')}
              onChange={(e) => change('body', e.currentTarget.value)}
            />
            <PlaceholderList names={template.placeholders} onInsert={insert} />
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                {!template.isDefault && (
                  <Button variant="subtle" color="red" onClick={onReset}>
                    {t('mailTemplates.reset')}
                  </Button>
                )}
                {dirty && (
                  <Button
                    variant="default"
                    onClick={() => onChange({ subject: template.subject, body: template.body })}
                  >
                    {t('mailTemplates.discard')}
                  </Button>
                )}
              </Group>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                {t('mailTemplates.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <MailPreview preview={preview.data} error={preview.error} loading={preview.isFetching} />
    </SimpleGrid>
  );
}
