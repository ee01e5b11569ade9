import { Anchor, Badge, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context.js';
import type { FormValues } from './contract-form-values.js';
import type { ContractForm } from './use-contract-form.js';

type Props = { form: ContractForm; name: keyof FormValues & string; label: string };

/** A field's description while its value is a suggestion; none (no empty paragraph) otherwise. */
export function suggestionOf(form: ContractForm, name: Props['name'], label: string) {
  return form.suggestion(name) === undefined ? undefined : <SuggestionNote form={form} name={name} label={label} />;
}

/**
 * Under a field filled in from a document's text, until a person keeps or changes the value:
 * "Suggested", a button to keep it, and the words it was read from. Inline elements only: it
 * sits in the field's description paragraph.
 */
function SuggestionNote({ form, name, label }: Props) {
  const t = useT();
  const evidence = form.suggestion(name);
  if (evidence === undefined) return null;
  return (
    <span data-suggested={name}>
      <Badge component="span" size="xs" variant="light" color="violet" leftSection={<IconSparkles size={10} />}>
        {t('form.suggested')}
      </Badge>{' '}
      <Anchor
        component="button"
        type="button"
        size="xs"
        fw={600}
        aria-label={t('form.keepSuggestionOf', { field: label })}
        onClick={() => form.confirm(name)}
      >
        {t('form.keepSuggestion')}
      </Anchor>
      {evidence && (
        <Text span size="xs" c="dimmed" className="break-anywhere" lineClamp={2} title={evidence}>
          {t('form.suggestedFrom', { words: evidence })}
        </Text>
      )}
    </span>
  );
}
