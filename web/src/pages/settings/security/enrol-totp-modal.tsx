import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { confirmTotpInput } from '../../../../../common/schemas/factors.js';
import { useConfirmTotp, useRefreshMe, useStartTotp } from '../../../api/use-factors.js';
import { AppModal } from '../../../components/app-modal.js';
import { CopyValueButton } from '../../../components/copy-value-button.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { ErrorState, PageLoader } from '../../../components/states.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';
import { BackupCodesView } from './backup-codes-view.js';

/** The SVG our server drew, as an image: it is shown, never inserted into the page as markup. */
const svgSource = (svg: string) => `data:image/svg+xml;base64,${btoa(svg)}`;

type Props = { opened: boolean; onClose: () => void };

/** Scan the QR code (or type the secret), then confirm with the first code; the first factor shows backup codes. */
export function EnrolTotpModal({ opened, onClose }: Props) {
  const t = useT();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const refreshMe = useRefreshMe();
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useZodForm(confirmTotpInput, { code: '' });
  const { mutate: begin, reset: resetStart } = start;
  // One enrolment per opening: a second would replace the first while its QR code is shown.
  const begun = useRef(false);
  useEffect(() => {
    if (opened && !begun.current) {
      begun.current = true;
      begin();
    }
  }, [opened, begin]);
  const close = () => {
    begun.current = false;
    resetStart();
    confirm.reset();
    form.reset();
    setCodes(null);
    onClose();
  };
  // A session that could only enrol is whole once a factor is confirmed: /me is asked again.
  const finish = () => {
    close();
    void refreshMe();
  };
  const enrolment = start.data;
  const submit = form.onSubmit(({ code }) => {
    if (!enrolment) return;
    confirm.mutate(
      { id: enrolment.id, code },
      { onSuccess: (done) => (done.backupCodes ? setCodes(done.backupCodes) : finish()), onError: form.showError },
    );
  });
  return (
    <AppModal opened={opened} onClose={codes ? finish : close} title={t('security.enrolTitle')} size="lg">
      {codes ? (
        <BackupCodesView codes={codes} intro={t('security.enrolDone')} onSaved={finish} />
      ) : start.error ? (
        <ErrorState error={start.error} onRetry={() => begin()} />
      ) : !enrolment ? (
        <PageLoader />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={form.formError} />
            <Text size="sm">{t('security.enrolScan')}</Text>
            <Image src={svgSource(enrolment.qrSvg)} alt={t('security.qrAlt')} w={200} h={200} mx="auto" />
            <Text size="sm">{t('security.enrolType')}</Text>
            <Group gap="sm">
              <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                {enrolment.secret}
              </Code>
              <CopyValueButton value={enrolment.secret} label={t('security.copySecret')} />
            </Group>
            <TextInput
              label={t('security.confirmCode')}
              description={t('secondFactor.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              {...form.textProps('code')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={confirm.isPending}>
                {t('security.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
