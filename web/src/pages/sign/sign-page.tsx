import { Alert, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/api-error.js';
import { markViewed, type SigningPage, useSigningPage } from '../../api/use-signing.js';
import { AuthCard } from '../../components/auth-card.js';
import { ErrorState } from '../../components/states.js';
import { usePageTitle } from '../../components/use-page-title.js';
import type { MessageKey } from '../../i18n/en.js';
import { useT } from '../../i18n/i18n-context.js';
import { CodeStep } from './code-step.js';
import classes from './sign.module.css';
import { SignForm } from './sign-form.js';

type Ended = 'invalid' | 'expired' | 'cancelled' | 'declined' | 'unavailable';
const ENDED_BY_REASON: Record<string, Ended> = {
  link_expired: 'expired',
  envelope_expired: 'expired',
  envelope_cancelled: 'cancelled',
  envelope_declined: 'declined',
  envelope_unavailable: 'unavailable',
};

/**
 * The page behind a signer's link (no session: the signed link is the credential). Opening it
 * changes nothing; its script then reports the view, which a mail scanner never does.
 */
export function SignPage() {
  const token = useParams().token ?? '';
  const link = useSigningPage(token);
  const [done, setDone] = useState<'signed' | 'declined' | null>(null);
  // Once confirmed here the form stays, even when a refetch finds the code session over: the form asks again
  // when it sends, so nothing typed is lost.
  const [confirmed, setConfirmed] = useState(false);
  const reported = useRef(false);
  const open = link.data && ['ready', 'waiting', 'signed'].includes(link.data.state);
  useEffect(() => {
    if (!open || reported.current) return;
    reported.current = true;
    // Only evidence; a failure changes nothing the recipient can do.
    markViewed(token).catch(() => undefined);
  }, [open, token]);

  if (done === 'signed') return <Outcome kind="done" />;
  if (done === 'declined') return <Outcome kind="youDeclined" />;
  if (link.isPending) return <Loading />;
  if (isApiError(link.error) && link.error.status === 404) return <Outcome kind="invalid" />;
  if (isApiError(link.error) && link.error.status === 410) {
    return <Outcome kind={ENDED_BY_REASON[link.error.reason ?? ''] ?? 'unavailable'} />;
  }
  if (link.isError) return <ErrorState error={link.error} onRetry={() => void link.refetch()} />;
  const info = link.data;
  switch (info.state) {
    case 'signed':
      return <Outcome kind="alreadySigned" />;
    case 'waiting':
      return <Outcome kind="waiting" info={info} />;
    case 'declined':
    case 'expired':
    case 'cancelled':
      return <Outcome kind={info.state} />;
    case 'ready':
      return (
        <Stack gap="lg">
          <Intro info={info} />
          {info.code.required && !info.code.verified && !confirmed ? (
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} className={classes.narrow}>
              <CodeStep token={token} info={info} onVerified={() => setConfirmed(true)} />
            </Paper>
          ) : (
            <SignForm token={token} info={info} onDone={setDone} />
          )}
        </Stack>
      );
  }
}

function Loading() {
  const t = useT();
  return (
    <AuthCard title={t('signPage.loading')}>
      <Stack aria-busy="true">
        <Skeleton height={20} />
        <Skeleton height={20} width="70%" />
      </Stack>
    </AuthCard>
  );
}

/** Who asks whom to sign what, and the sender's message. */
function Intro({ info }: { info: SigningPage }) {
  const t = useT();
  usePageTitle(info.title);
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.intro}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {info.sender
            ? t('signPage.intro.fromSender', { sender: info.sender, org: info.orgName })
            : t('signPage.intro.fromOrg', { org: info.orgName })}
        </Text>
        <Title order={1} fz={{ base: 22, sm: 26 }} className={classes.wrap}>
          {info.title}
        </Title>
        {info.message && (
          <Text size="sm" className={classes.message}>
            {info.message}
          </Text>
        )}
        <Text size="sm">
          {t(info.recipient.role === 'signer' ? 'signPage.intro.forSigner' : 'signPage.intro.forApprover', {
            name: info.recipient.name,
            email: info.recipient.email,
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('signPage.intro.legal')}
        </Text>
      </Stack>
    </Paper>
  );
}

type OutcomeKind = Ended | 'done' | 'youDeclined' | 'alreadySigned' | 'waiting';
const OUTCOME: Record<OutcomeKind, { title: MessageKey; text: MessageKey; good?: boolean }> = {
  done: { title: 'signPage.done.title', text: 'signPage.done.text', good: true },
  youDeclined: { title: 'signPage.youDeclined.title', text: 'signPage.youDeclined.text' },
  alreadySigned: { title: 'signPage.alreadySigned.title', text: 'signPage.alreadySigned.text', good: true },
  waiting: { title: 'signPage.waiting.title', text: 'signPage.waiting.text' },
  invalid: { title: 'signPage.invalid.title', text: 'signPage.invalid.text' },
  expired: { title: 'signPage.expired.title', text: 'signPage.expired.text' },
  cancelled: { title: 'signPage.cancelled.title', text: 'signPage.cancelled.text' },
  declined: { title: 'signPage.declined.title', text: 'signPage.declined.text' },
  unavailable: { title: 'signPage.unavailable.title', text: 'signPage.unavailable.text' },
};

/** A state in which there is nothing (more) to sign, and why. */
function Outcome({ kind, info }: { kind: OutcomeKind; info?: SigningPage }) {
  const t = useT();
  const { title, text, good } = OUTCOME[kind];
  const body: ReactNode = good ? (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
      {t(text)}
    </Alert>
  ) : (
    <Text size="sm">{t(text)}</Text>
  );
  return (
    <div className={classes.narrow} data-testid="sign-outcome" data-kind={kind}>
      <AuthCard title={t(title)} description={info ? info.title : undefined}>
        {body}
      </AuthCard>
    </div>
  );
}
