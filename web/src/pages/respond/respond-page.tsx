import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ReminderLinkInfo } from '../../../../common/schemas/reminders.js';
import { isApiError } from '../../api/api-error.js';
import { AuthCard } from '../../components/auth-card.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ErrorState } from '../../components/states.js';
import { describeError } from '../../forms/describe-error.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useConfirmReminderLink, useReminderLink } from './use-reminder-link.js';

/**
 * The acknowledge/dismiss link from a reminder mail. Opening it only shows what would happen
 * (mail scanners follow links); the button does it.
 */
export function RespondPage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const link = useReminderLink(token);
  if (link.isPending) {
    return (
      <AuthCard title={t('respond.loading')}>
        <Stack>
          <Skeleton height={20} />
          <Skeleton height={20} width="70%" />
          <Skeleton height={36} />
        </Stack>
      </AuthCard>
    );
  }
  if (isApiError(link.error) && link.error.status === 404) {
    return <Outcome title={t('respond.invalidTitle')} text={t('respond.invalidText')} />;
  }
  if (isApiError(link.error) && link.error.status === 410) {
    return <Outcome title={t('respond.expiredTitle')} text={t('respond.expiredText')} />;
  }
  if (link.isError) return <ErrorState error={link.error} onRetry={() => void link.refetch()} />;
  return <Confirm token={token} info={link.data} />;
}

function Confirm({ token, info }: { token: string; info: ReminderLinkInfo }) {
  const { t, fmt } = useI18n();
  const confirm = useConfirmReminderLink(token);
  const acknowledge = info.action === 'acknowledge';
  const event = info.eventTitle ?? t(`respond.event.${info.eventType}`);
  const date = fmt.date(info.eventDate);
  const vars = { contract: info.contractTitle, event, date };
  const contractLink = `/contracts/${info.contractId}`;
  if (info.state === 'moved')
    return <Outcome title={t('respond.movedTitle')} text={t('respond.movedText', vars)} to={contractLink} />;
  if (info.state === 'inactive') {
    return <Outcome title={t('respond.inactiveTitle')} text={t('respond.inactiveText')} to={contractLink} />;
  }
  if (info.state === 'not_yours') {
    return <Outcome title={t('respond.notYoursTitle')} text={t('respond.notYoursText')} to={contractLink} />;
  }
  const title = acknowledge ? t('respond.acknowledgeTitle') : t('respond.dismissTitle');
  const done = info.state === 'dismissed' || (acknowledge && info.state === 'acknowledged');
  if (done) {
    const message = confirm.isSuccess
      ? acknowledge
        ? t('respond.doneAcknowledge', { date })
        : t('respond.doneDismiss', { date })
      : info.state === 'dismissed'
        ? t('respond.alreadyDismissed', { date })
        : t('respond.alreadyAcknowledged', { date });
    return (
      <Outcome title={title} to={contractLink}>
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
          {message}
        </Alert>
      </Outcome>
    );
  }
  return (
    <AuthCard
      title={title}
      description={withDate(
        t(acknowledge ? 'respond.acknowledgeWhat' : 'respond.dismissWhat', { ...vars, date: MARK }),
        date,
      )}
    >
      <Stack>
        <ProblemAlert error={confirm.error ? describeError(t, confirm.error) : null} />
        <Text size="sm">{acknowledge ? t('respond.acknowledgeEffect') : t('respond.dismissEffect')}</Text>
        <Text size="xs" c="dimmed">
          {t('respond.for', { email: info.recipientEmail })}
        </Text>
        <Button loading={confirm.isPending} onClick={() => confirm.mutate()} fullWidth>
          {acknowledge ? t('respond.confirmAcknowledge') : t('respond.confirmDismiss')}
        </Button>
        <Button component={Link} to={contractLink} variant="default" fullWidth>
          {t('respond.openContract')}
        </Button>
      </Stack>
    </AuthCard>
  );
}

const MARK = '\u0000';

/** A sentence whose date does not break across lines ("2027-03-" / "31"). */
function withDate(sentence: string, date: string): ReactNode {
  const [before, after] = sentence.split(MARK);
  return (
    <>
      {before}
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span>
      {after}
    </>
  );
}

type OutcomeProps = { title: string; text?: string; to?: string; children?: ReactNode };

/** A final state: what happened or why nothing can, and the way on. */
function Outcome({ title, text, to, children }: OutcomeProps) {
  const { t } = useI18n();
  return (
    <AuthCard title={title}>
      <Stack>
        {children}
        {text && <Text size="sm">{text}</Text>}
        <Button component={Link} to={to ?? '/'} variant={children ? 'filled' : 'default'} fullWidth>
          {to ? t('respond.openContract') : t('respond.openDeedbox')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
