import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { PASSWORD_MIN, type PasswordProblem, passwordProblem } from '../../../common/passwords.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/i18n-context.js';

const RULES: { problem: PasswordProblem; label: MessageKey }[] = [
  { problem: 'too_short', label: 'password.ruleLength' },
  { problem: 'common', label: 'password.ruleCommon' },
  { problem: 'contains_email', label: 'password.ruleEmail' },
];

/** The shared password rule, shown as a checklist that ticks off while typing. */
export function PasswordRules({ password, email }: { password: string; email?: string }) {
  const t = useT();
  const problem = passwordProblem(password, email);
  const met = (rule: PasswordProblem) =>
    password.length > 0 && problem !== rule && !(rule !== 'too_short' && problem === 'too_short');
  return (
    <List spacing={2} size="xs" c="dimmed" aria-label={t('password.rulesLabel')} listStyleType="none">
      {RULES.map((rule) => (
        <List.Item key={rule.problem}>
          <Group gap={6} wrap="nowrap">
            <ThemeIcon
              size={14}
              radius="xl"
              variant={met(rule.problem) ? 'filled' : 'light'}
              color={met(rule.problem) ? 'teal' : 'gray'}
            >
              {met(rule.problem) ? <IconCheck size={10} /> : <IconPoint size={10} />}
            </ThemeIcon>
            <Text size="xs" c={met(rule.problem) ? 'teal.8' : 'dimmed'}>
              {t(rule.label, { min: PASSWORD_MIN })}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
