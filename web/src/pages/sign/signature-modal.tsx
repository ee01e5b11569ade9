import { Button, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { SIGNATURE_LIMITS } from '../../../../common/schemas/signing-page.js';
import { AppModal } from '../../components/app-modal.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';
import classes from './sign.module.css';
import { canvasPng, SignatureCanvas } from './signature-canvas.js';

/** The signature as POST …/sign takes it. */
export type Signature = { kind: 'drawn'; png: string } | { kind: 'typed'; text: string };

type Props = { opened: boolean; name: string; onClose: () => void; onAdopt: (signature: Signature) => void };

/** Draw or type the signature once; it goes into every signature and initials field of the recipient. */
export function SignatureModal({ opened, name, onClose, onAdopt }: Props) {
  const t = useT();
  const [tab, setTab] = useState<string | null>('draw');
  const [drawn, setDrawn] = useState(false);
  const [typed, setTyped] = useState(name);
  const [missing, setMissing] = useState(false);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const adopt = async () => {
    if (tab === 'draw') {
      if (!drawn || !canvas.current) return setMissing(true);
      onAdopt({ kind: 'drawn', png: await canvasPng(canvas.current) });
    } else {
      const text = typed.trim();
      if (!text) return setMissing(true);
      onAdopt({ kind: 'typed', text });
    }
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={onClose} title={t('signPage.signature.title')} size="lg">
      <form onSubmit={ownSubmit(() => void adopt())} noValidate>
        <Stack>
          <Tabs
            value={tab}
            onChange={(next) => {
              setTab(next);
              setMissing(false);
            }}
            keepMounted
          >
            <Tabs.List>
              <Tabs.Tab value="draw">{t('signPage.signature.draw')}</Tabs.Tab>
              <Tabs.Tab value="type">{t('signPage.signature.type')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="draw" pt="md">
              <SignatureCanvas
                canvasRef={canvas}
                onDrawn={(value) => {
                  setDrawn(value);
                  setMissing(false);
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="type" pt="md">
              <Stack gap="xs">
                <TextInput
                  label={t('signPage.signature.typedLabel')}
                  value={typed}
                  maxLength={SIGNATURE_LIMITS.typedLength}
                  onChange={(event) => {
                    setTyped(event.currentTarget.value);
                    setMissing(false);
                  }}
                />
                <Text className={classes.typed} aria-hidden>
                  {typed}
                </Text>
              </Stack>
            </Tabs.Panel>
          </Tabs>
          {missing && (
            <Text size="sm" c="red.8" role="alert">
              {tab === 'draw' ? t('signPage.signature.drawFirst') : t('signPage.signature.typeFirst')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('signPage.signature.adopt')}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
