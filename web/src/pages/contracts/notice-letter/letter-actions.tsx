import { Button, Group } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.js';

/** Beside the notice deadline: draft the letter that gives the notice (termination; non-renewal when it renews). */
export function LetterActions({ contractId, renews }: { contractId: string; renews: boolean }) {
  const t = useT();
  const to = (kind: string) => `/contracts/${contractId}/notice-letter?kind=${kind}`;
  return (
    <Group gap="xs" mt="xs">
      <Button
        component={Link}
        to={to('termination')}
        size="xs"
        variant="light"
        leftSection={<IconMailForward size={14} />}
      >
        {t('letter.draftTermination')}
      </Button>
      {renews && (
        <Button component={Link} to={to('non_renewal')} size="xs" variant="default">
          {t('letter.draftNonRenewal')}
        </Button>
      )}
    </Group>
  );
}
