import { allItems } from '../../api/paging.js';
import { useContract, useContracts } from '../../api/use-contracts.js';
import { RemoteSelect, type RemoteSelectProps, useRemoteSearch } from '../../components/remote-select.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = RemoteSelectProps & {
  /** The contract being edited: it cannot be its own master. */
  excludeId: string | null;
};

const label = (c: { title: string; contractNumber: string | null }) =>
  c.contractNumber ? `${c.title} · ${c.contractNumber}` : c.title;

/** Picks a master contract by searching on the server; deeper cycles are refused by the server. */
export function MasterSelect({ excludeId, ...props }: Props) {
  const t = useT();
  const selected = useSelectedContract(props.value);
  const search = useRemoteSearch(selected ? label(selected) : undefined);
  const contracts = useContracts({ ...(search.q ? { q: search.q } : {}), sort: 'title', limit: '20' });
  const options = allItems(contracts.data)
    .filter((c) => c.id !== excludeId)
    .map((c) => ({ value: c.id, label: label(c) }));
  return (
    <RemoteSelect
      {...props}
      search={search}
      options={options}
      selected={selected ? { value: selected.id, label: label(selected) } : undefined}
      loading={contracts.isFetching}
      nothingFound={t('contract.noContractMatch')}
    />
  );
}

function useSelectedContract(id: string | null) {
  const contract = useContract(id ?? '', undefined, { enabled: Boolean(id) });
  return id ? contract.data : undefined;
}
