import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { allItems } from '../../api/paging.js';
import { usePartner, usePartners } from '../../api/use-partners.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** Picks a partner by searching on the server, so it works with any number of partners. */
export function PartnerSelect({ value, onChange, ...props }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = usePartner(value);
  const selectedName = selected.data?.name;
  // While the box shows the chosen name, list partners as if nothing was typed.
  const q = debounced && debounced !== selectedName ? debounced : undefined;
  const partners = usePartners({ q });
  const options = allItems(partners.data).map((p) => ({ value: p.id, label: p.name }));
  if (selected.data && !options.some((o) => o.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: selected.data.name });
  }
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={partners.isFetching ? t('common.loading') : t('partners.noMatch')}
      {...props}
      data={options}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
    />
  );
}
