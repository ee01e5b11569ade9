import { Alert, Button, Code, Group, Paper, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { type AuditVerification, useVerifyAuditChain } from '../../../api/use-audit.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Recomputes the hash chain on the server and reports where, if anywhere, it breaks. */
export function VerifyChain() {
  const { t } = useI18n();
  const verify = useVerifyAuditChain();
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {t('activity.verifyIntro')}
        </Text>
        <Button
          variant="light"
          leftSection={<IconShieldCheck size={16} />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('activity.verify')}
        </Button>
      </Group>
      {verify.data && <VerifyResult result={verify.data} />}
      {verify.isError && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <ProblemAlert error={describeError(t, verify.error)} />
        </div>
      )}
    </Paper>
  );
}

function VerifyResult({ result }: { result: AuditVerification }) {
  const { t, fmt } = useI18n();
  if (result.intact) {
    return (
      <Alert
        mt="sm"
        color="teal"
        variant="light"
        icon={<IconShieldCheck size={18} />}
        title={t('activity.intactTitle')}
      >
        <Text size="sm">{t('activity.intactText', { count: fmt.number(result.checked) })}</Text>
        {result.headHash && (
          <Text size="xs" c="dimmed" mt={4} className="break-anywhere">
            {t('activity.headHash')} <Code fz="xs">{result.headHash}</Code>
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert
      mt="sm"
      color="red"
      variant="light"
      icon={<IconShieldX size={18} />}
      title={t('activity.brokenTitle', { seq: String(result.firstBrokenSeq ?? '?') })}
    >
      <Text size="sm">{t('activity.brokenText', { count: fmt.number(result.checked) })}</Text>
      {result.reason && (
        <Text size="sm" mt={4}>
          {result.reason}
        </Text>
      )}
    </Alert>
  );
}
