import { Modal, type ModalProps } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';

/** Mantine's modal with a translated, accessible close button. */
export function AppModal(props: ModalProps) {
  const t = useT();
  return <Modal {...props} closeButtonProps={{ 'aria-label': t('common.close'), ...props.closeButtonProps }} />;
}
