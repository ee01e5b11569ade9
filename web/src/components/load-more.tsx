import { Button, Center } from '@mantine/core';
import { useT } from '../i18n/i18n-context.js';

type Props = { hasMore: boolean; loading: boolean; onLoad: () => void };

export function LoadMore({ hasMore, loading, onLoad }: Props) {
  const t = useT();
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={onLoad}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
