import { Button, PasswordInput, Skeleton, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { passwordProblem } from '../../../../common/passwords.js';
import { acceptInvitationInput } from '../../../../common/schemas/auth.js';
import { isApiError } from '../../api/api-error.js';
import type { SecondFactorStep } from '../../api/use-factors.js';
import { useAcceptInvitation, useInvitation } from '../../api/use-invitation.js';
import { AuthCard } from '../../components/auth-card.js';
import { PasswordRules } from '../../components/password-rules.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ErrorState } from '../../components/states.js';
import { useZodForm } from '../../forms/use-zod-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { InvalidLink } from './invalid-link.js';
import { SecondFactorForm } from './second-factor-form.js';

export function InvitePage() {
  const { t } = useI18n();
  const token = useParams().token ?? '';
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <AuthCard title={t('invite.loading')}>
        <Stack>
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      </AuthCard>
    );
  }
  if (isApiError(invitation.error) && invitation.error.status === 404) {
    return <InvalidLink title={t('invite.invalidTitle')} text={t('invite.invalidText')} />;
  }
  if (invitation.isError) return <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />;
  const { orgName, invitedBy, email, name } = invitation.data;
  return (
    <AuthCard
      title={t('invite.title', { org: orgName })}
      description={t('invite.description', { inviter: invitedBy, org: orgName })}
    >
      <AcceptForm token={token} email={email} name={name ?? ''} />
    </AuthCard>
  );
}

/** The name starts as the administrator typed it; the invitee may correct it before accepting. */
function AcceptForm({ token, email, name }: { token: string; email: string; name: string }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const [step, setStep] = useState<SecondFactorStep | null>(null);
  const form = useZodForm(acceptInvitationInput, { name, password: '' });
  const done = () => navigate('/', { replace: true });
  const submit = form.onSubmit((input) => {
    if (passwordProblem(input.password, email) === 'contains_email') {
      form.setFieldError('password', 'validation.contains_email');
      return;
    }
    accept.mutate(
      { ...input, locale },
      { onSuccess: (answer) => ('secondFactor' in answer ? setStep(answer) : done()), onError: form.showError },
    );
  });
  // The invitation is accepted; someone who already has a second factor signs in with it now.
  if (step) return <SecondFactorForm step={step} onDone={done} onRestart={() => navigate('/sign-in')} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <TextInput label={t('field.email')} value={email} readOnly variant="filled" />
        <TextInput label={t('field.name')} autoComplete="name" required {...form.textProps('name')} />
        <Stack gap={8}>
          <PasswordInput
            label={t('field.password')}
            autoComplete="new-password"
            required
            {...form.textProps('password')}
          />
          <PasswordRules password={form.values.password} email={email} />
        </Stack>
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
