import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { MessageKey } from '../../../i18n/en.js';
import { useT } from '../../../i18n/i18n-context.js';

type Props = { names: string[]; onInsert: (token: string) => void };

/** The kind's placeholders as buttons that insert at the cursor of the last field edited. */
export function PlaceholderList({ names, onInsert }: Props) {
  const t = useT();
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          {t('mailTemplates.placeholders')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('mailTemplates.placeholdersHint')}
        </Text>
      </div>
      <Group gap={6}>
        {names.map((name) => {
          const token = `{{${name}}}`;
          const description = t(`mailTemplates.ph.${name}` as MessageKey);
          return (
            <Tooltip key={name} label={description} multiline maw={260} withArrow openDelay={300}>
              <Button
                size="compact-xs"
                variant="light"
                ff="monospace"
                fw={400}
                aria-label={t('mailTemplates.insert', { placeholder: token, description })}
                // Keeps the caret where it was in the field.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(token)}
              >
                {token}
              </Button>
            </Tooltip>
          );
        })}
      </Group>
    </Stack>
  );
}
