import { allItems } from '../../api/paging.js';
import { usePartner, usePartners } from '../../api/use-partners.js';
import { RemoteSelect, type RemoteSelectProps, useRemoteSearch } from '../../components/remote-select.js';
import { useT } from '../../i18n/i18n-context.js';

/** Picks a partner by searching on the server, so it works with any number of partners. */
export function PartnerSelect(props: RemoteSelectProps) {
  const t = useT();
  const selected = usePartner(props.value).data;
  const search = useRemoteSearch(selected?.name);
  const partners = usePartners({ q: search.q });
  return (
    <RemoteSelect
      {...props}
      search={search}
      options={allItems(partners.data).map((p) => ({ value: p.id, label: p.name }))}
      selected={selected ? { value: selected.id, label: selected.name } : undefined}
      loading={partners.isFetching}
      nothingFound={t('partners.noMatch')}
    />
  );
}
