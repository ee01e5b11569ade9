import { Text } from '@mantine/core';
import type { InfiniteData } from '@tanstack/react-query';
import { type Page, totalOf } from '../../api/paging.js';
import type { MessageKey } from '../../i18n/en.js';
import { useI18n } from '../../i18n/i18n-context.js';

type Props<T> = {
  data: InfiniteData<Page<T>> | undefined;
  /** `<key>.one` / `<key>.other` and `<key>Capped` in the catalogue, e.g. `contracts.count`. */
  messages: 'contracts.count' | 'partners.count';
};

/** "1,234 contracts" above a grid: how many rows match its filters in all, not just the loaded pages. */
export function GridTotal<T>({ data, messages }: Props<T>) {
  const { t, fmt } = useI18n();
  const total = totalOf(data);
  if (!total) return null;
  const count = fmt.number(total.count);
  const text = total.capped
    ? t(`${messages}Capped` as MessageKey, { count })
    : t(`${messages}.${total.count === 1 ? 'one' : 'other'}` as MessageKey, { count });
  return (
    <Text size="sm" c="dimmed" aria-live="polite" data-testid="grid-total">
      {text}
    </Text>
  );
}
