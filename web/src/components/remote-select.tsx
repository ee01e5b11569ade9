import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../i18n/i18n-context.js';

export type RemoteSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

type Option = { value: string; label: string };

/**
 * What the user typed, debounced, as the server query; while the box shows the chosen
 * option's label, it lists as if nothing was typed.
 */
export function useRemoteSearch(selectedLabel: string | undefined) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  return { search, setSearch, q };
}

type Props = RemoteSelectProps & {
  search: ReturnType<typeof useRemoteSearch>;
  options: Option[];
  /** The chosen option, kept in the list even when the server's page does not hold it. */
  selected: Option | undefined;
  loading: boolean;
  nothingFound: string;
};

/** A select whose options the server searches, so it works with any number of records. */
export function RemoteSelect({ search, options, selected, loading, nothingFound, value, onChange, ...props }: Props) {
  const t = useT();
  const data = selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options;
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={loading ? t('common.loading') : nothingFound}
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search.search}
      onSearchChange={search.setSearch}
      filter={({ options: all }) => all}
    />
  );
}
