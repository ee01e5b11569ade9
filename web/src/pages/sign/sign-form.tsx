import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import type { SigningPage } from '../../api/use-signing.js';
import { useSign } from '../../api/use-signing.js';
import { AppModal } from '../../components/app-modal.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import { CodeStep } from './code-step.js';
import { DeclineModal } from './decline-modal.js';
import { ACTIONABLE, inOrder, isOpen, type Values, valuesToSend } from './field-state.js';
import classes from './sign.module.css';
import { SignDocument } from './sign-document.js';
import { SignField } from './sign-fields.js';
import { signProblem } from './sign-problem.js';
import { type Signature, SignatureModal } from './signature-modal.js';

type Props = { token: string; info: SigningPage; onDone: (outcome: 'signed' | 'declined') => void };

/** The recipient's turn: the document with their fields, the consent, Sign and Decline. */
export function SignForm({ token, info, onDone }: Props) {
  const t = useT();
  const sign = useSign(token);
  const signer = info.recipient.role === 'signer';
  const [signature, setSignature] = useState<Signature | null>(null);
  const [values, setValues] = useState<Values>({});
  const [consent, setConsent] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [problem, setProblem] = useState<'fields' | 'consent' | null>(null);
  const elements = useRef(new Map<string, HTMLElement>()).current;
  const refOf = (id: string) => (element: HTMLElement | null) =>
    element ? elements.set(id, element) : elements.delete(id);
  const actionable = inOrder(info.fields.filter((f) => ACTIONABLE.has(f.type)));
  const open = actionable.filter((f) => isOpen(f, values, signature));

  /** Scrolls to the next field still to do after the one in focus (or the first), and focuses it. */
  const nextField = () => {
    const focused = actionable.findIndex((f) => elements.get(f.id)?.contains(document.activeElement));
    const target = open.find((f) => actionable.indexOf(f) > focused) ?? open[0];
    const element = target && elements.get(target.id);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    (element.matches('input, button') ? element : element.querySelector<HTMLElement>('input'))?.focus({
      preventScroll: true,
    });
  };

  const submit = () => {
    if (open.length > 0 || (signer && !signature)) {
      setProblem('fields');
      return nextField();
    }
    if (!consent) return setProblem('consent');
    setProblem(null);
    const fields = valuesToSend(info.fields, values, info.recipient.name);
    sign.mutate(
      { fields, consent: true, ...(signer && signature && { signature }) },
      { onSuccess: () => onDone('signed') },
    );
  };
  // The code session ran out while the form was open: confirm a new code, then send what is filled in.
  const codeAgain = isApiError(sign.error, 'forbidden') && sign.error.reason === 'code_required';

  return (
    <Stack gap="lg">
      <SignDocument
        token={token}
        pages={info.pages}
        overlay={(number) =>
          info.fields
            .filter((f) => f.page === number)
            .map((f) => (
              <SignField
                key={f.id}
                field={f}
                name={info.recipient.name}
                values={values}
                signature={signature}
                refOf={refOf}
                onSign={() => setDrawing(true)}
                onValue={(id, value) => setValues((old) => ({ ...old, [id]: value }))}
              />
            ))
        }
      />
      <Paper withBorder radius="md" px="md" py="xs" className={classes.bar}>
        <Group justify="space-between" wrap="nowrap" gap="xs" mih={36}>
          <Text size="sm" role="status" data-testid="fields-left">
            {open.length === 0 ? t('signPage.fieldsDone') : t('signPage.fieldsLeft', { count: open.length })}
          </Text>
          {open.length > 0 && (
            <Button variant="light" size="sm" leftSection={<IconArrowDown size={16} />} onClick={nextField}>
              {t('signPage.nextField')}
            </Button>
          )}
        </Group>
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={ownSubmit(submit)} noValidate>
          <Stack gap="sm">
            {signer && (
              <Group>
                <Button variant="default" onClick={() => setDrawing(true)}>
                  {signature ? t('signPage.changeSignature') : t('signPage.addSignature')}
                </Button>
              </Group>
            )}
            {problem === 'fields' && (
              <Alert color="yellow" variant="light" role="alert">
                {signer && !signature ? t('signPage.signatureMissing') : t('signPage.fieldsMissing')}
              </Alert>
            )}
            <Checkbox
              label={t('signPage.consent')}
              checked={consent}
              onChange={(event) => {
                setConsent(event.currentTarget.checked);
                setProblem(null);
              }}
              error={problem === 'consent' ? t('signPage.consentRequired') : undefined}
            />
            <ProblemAlert error={sign.error && !codeAgain ? signProblem(t, sign.error) : null} />
            <Group justify="space-between" wrap="wrap-reverse" gap="xs">
              <Button variant="subtle" color="red" onClick={() => setDeclining(true)}>
                {t('signPage.decline.open')}
              </Button>
              <Button type="submit" loading={sign.isPending}>
                {signer ? t('signPage.sign') : t('signPage.approve')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <SignatureModal
        opened={drawing}
        name={info.recipient.name}
        onClose={() => setDrawing(false)}
        onAdopt={(adopted) => {
          setSignature(adopted);
          setProblem(null);
        }}
      />
      <AppModal opened={codeAgain} onClose={() => sign.reset()} title={t('signPage.code.again')} centered>
        <CodeStep
          token={token}
          info={info}
          onVerified={() => {
            sign.reset();
            submit();
          }}
        />
      </AppModal>
      <DeclineModal
        token={token}
        opened={declining}
        onClose={() => setDeclining(false)}
        onDeclined={() => onDone('declined')}
      />
    </Stack>
  );
}
