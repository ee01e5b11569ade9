import {
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  LETTER_KINDS,
  LETTER_LOCALES,
  type LetterKind,
  type LetterLocale,
  noticeLetterInput,
} from '../../../../../common/schemas/notice-letters.js';
import { isApiError } from '../../../api/api-error.js';
import { type Contract, useContract } from '../../../api/use-contracts.js';
import { useCurrentMe } from '../../../api/use-me.js';
import {
  type NoticeLetterDraft,
  useGenerateNoticeLetter,
  useNoticeLetterDraft,
} from '../../../api/use-notice-letters.js';
import { BackLink } from '../../../components/back-link.js';
import { notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { ErrorState, PageLoader } from '../../../components/states.js';
import { describeError } from '../../../forms/describe-error.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';

/** /contracts/:id/notice-letter?kind=termination: the letter drafted, edited and generated as a PDF. */
export function NoticeLetterPage() {
  const { id = '' } = useParams();
  const contract = useContract(id);
  if (contract.isPending) return <PageLoader />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  return <LetterView contract={contract.data} />;
}

function LetterView({ contract }: { contract: Contract }) {
  const { t, locale: uiLocale } = useI18n();
  const [params, setParams] = useSearchParams();
  const renews = contract.lifecycle.type === 'auto_renewal';
  const asked = params.get('kind');
  const kind: LetterKind = asked === 'non_renewal' && renews ? 'non_renewal' : 'termination';
  const askedLocale = params.get('locale') ?? uiLocale;
  const locale: LetterLocale = (LETTER_LOCALES as readonly string[]).includes(askedLocale)
    ? (askedLocale as LetterLocale)
    : 'en';
  const draft = useNoticeLetterDraft(contract.id, kind, locale);
  const choose = (next: { kind?: string; locale?: string }) =>
    setParams({ kind: next.kind ?? kind, locale: next.locale ?? locale }, { replace: true });
  return (
    <Stack gap="md">
      <BackLink to={`/contracts/${contract.id}`}>{contract.title}</BackLink>
      <PageHeader title={t('letter.title')} description={t('letter.description')} mb={0} />
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} maw={820}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="letter-kind">
                {t('letter.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="letter-kind"
                fullWidth
                value={kind}
                onChange={(value) => choose({ kind: value })}
                data={LETTER_KINDS.filter((k) => renews || k === 'termination').map((k) => ({
                  value: k,
                  label: t(`letter.kind.${k}`),
                }))}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="letter-language">
                {t('letter.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="letter-language"
                fullWidth
                value={locale}
                onChange={(value) => choose({ locale: value })}
                data={LETTER_LOCALES.map((l) => ({ value: l, label: t(`letter.language.${l}`) }))}
              />
            </Stack>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('letter.edited')}
          </Text>
          {draft.isPending ? (
            <Skeleton height={360} radius="md" />
          ) : draft.isError ? (
            <DraftRefused error={draft.error} partnerId={contract.partnerId} />
          ) : (
            <LetterForm key={`${kind}-${locale}`} contract={contract} draft={draft.data} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Why no letter can be drafted, with the way to fix it where the app has one. */
function DraftRefused({ error, partnerId }: { error: unknown; partnerId: string | null }) {
  const t = useT();
  const { abilities } = useCurrentMe();
  const reason = isApiError(error) ? error.reason : undefined;
  return (
    <Stack gap="xs">
      <ProblemAlert error={describeError(t, error)} />
      {reason === 'company_details_missing' && abilities.manageSettings && (
        <Anchor component={Link} to="/settings/company" size="sm" underline="always">
          {t('letter.toCompany')}
        </Anchor>
      )}
      {reason === 'partner_address_missing' && partnerId && (
        <Anchor component={Link} to={`/partners/${partnerId}`} size="sm" underline="always">
          {t('letter.toPartner')}
        </Anchor>
      )}
    </Stack>
  );
}

function Block({ label, lines }: { label: string; lines: string[] }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: address lines are positional and may repeat
        <Text key={i} size="sm" className="break-anywhere">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function LetterForm({ contract, draft }: { contract: Contract; draft: NoticeLetterDraft }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const generate = useGenerateNoticeLetter(contract.id);
  const form = useZodForm(noticeLetterInput, {
    kind: draft.kind,
    locale: draft.locale,
    subject: draft.subject,
    body: draft.body,
    recordNotice: true,
  });
  const submit = form.onSubmit((data) =>
    generate.mutate(data, {
      onSuccess: () => {
        notifySuccess(t(data.recordNotice ? 'letter.generatedWithNotice' : 'letter.generated'));
        void navigate(`/contracts/${contract.id}?tab=documents`);
      },
      onError: form.showError,
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={form.formError} />
        <Text size="sm" fw={500} data-testid="letter-facts">
          {t('letter.facts', { deadline: fmt.date(draft.noticeDeadline), endsOn: fmt.date(draft.endsOn) })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Block label={t('letter.from')} lines={draft.sender} />
          <Block label={t('letter.to')} lines={draft.recipient} />
        </SimpleGrid>
        <Text size="sm" ta="right">
          {draft.placeAndDate}
        </Text>
        {/* Both grow with their text; the subject wraps instead of scrolling sideways at 390 px. */}
        {(['subject', 'body'] as const).map((name) => (
          <Textarea
            key={name}
            label={t(`letter.${name}`)}
            description={name === 'body' ? t('letter.bodyHint') : undefined}
            required
            autosize
            minRows={name === 'body' ? 10 : 1}
            maxRows={name === 'body' ? 30 : 4}
            {...form.textProps(name)}
          />
        ))}
        <Block label={t('letter.signature')} lines={draft.signature} />
        <Checkbox
          label={t('letter.recordNotice', { date: fmt.date(draft.date) })}
          description={t('letter.recordNoticeHint')}
          checked={form.values.recordNotice ?? false}
          onChange={(event) => form.setValue('recordNotice', event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={`/contracts/${contract.id}`}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={generate.isPending} leftSection={<IconFileTypePdf size={16} />}>
            {t('letter.generate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
