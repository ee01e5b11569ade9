import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { allItems } from '../../api/paging.js';
import { useContract, useContracts } from '../../api/use-contracts.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: string | null;
  /** The contract being edited: it cannot be its own master. */
  excludeId: string | null;
  onChange: (id: string | null) => void;
};

const label = (c: { title: string; contractNumber: string | null }) =>
  c.contractNumber ? `${c.title} · ${c.contractNumber}` : c.title;

/** Picks a master contract by searching on the server; deeper cycles are refused by the server. */
export function MasterSelect({ value, excludeId, onChange, ...props }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const selected = useSelectedContract(value);
  const selectedLabel = selected ? label(selected) : undefined;
  // While the box shows the chosen contract, list contracts as if nothing was typed.
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const contracts = useContracts({ ...(q ? { q } : {}), sort: 'title', limit: '20' });
  const options = allItems(contracts.data)
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: label(c) }));
  if (selected && !options.some((o) => o.value === selected.id)) {
    options.unshift({ value: selected.id, label: label(selected) });
  }
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={contracts.isFetching ? t('common.loading') : t('contract.noContractMatch')}
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

function useSelectedContract(id: string | null) {
  const contract = useContract(id ?? '', undefined, { enabled: Boolean(id) });
  return id ? contract.data : undefined;
}
