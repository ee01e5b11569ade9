import { Modal, type ModalProps } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../i18n/i18n-context.js';

/**
 * React's submit event bubbles through portals: a form in a modal opened from inside another
 * form would otherwise also submit the outer one (and save a half-filled contract).
 */
function keepSubmitInside(event: FormEvent) {
  event.stopPropagation();
}

/** Mantine's modal with a translated, accessible close button; submits never leave it. */
export function AppModal({ children, ...props }: ModalProps) {
  const t = useT();
  return (
    <Modal {...props} closeButtonProps={{ 'aria-label': t('common.close'), ...props.closeButtonProps }}>
      <div style={{ display: 'contents' }} onSubmit={keepSubmitInside}>
        {children}
      </div>
    </Modal>
  );
}
