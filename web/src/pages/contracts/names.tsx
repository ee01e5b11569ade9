import { Anchor, Skeleton, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useBusinessUnits } from '../../api/use-business-units.js';
import { useContract } from '../../api/use-contracts.js';
import { type ListKind, useListItems } from '../../api/use-lists.js';
import { usePartner } from '../../api/use-partners.js';

/** A partner's name by id; rows share the cached partner. */
export function PartnerName({ id, link = true }: { id: string | null; link?: boolean }) {
  const partner = usePartner(id);
  if (!id) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (partner.isPending) return <Skeleton height={14} width={100} />;
  const name = partner.data?.name ?? '—';
  if (!link || !partner.data) return <Text size="sm">{name}</Text>;
  return (
    <Anchor component={Link} to={`/partners/${id}`} size="sm" className="break-anywhere">
      {name}
    </Anchor>
  );
}

export function BusinessUnitName({ id }: { id: string }) {
  const units = useBusinessUnits();
  return <Text size="sm">{units.data?.find((unit) => unit.id === id)?.name ?? '—'}</Text>;
}

/** A category's or organizational unit's name by id. */
export function ListItemName({ kind, id }: { kind: ListKind; id: string | null }) {
  const list = useListItems(kind);
  const name = id ? list.data?.find((item) => item.id === id)?.name : undefined;
  return (
    <Text size="sm" c={name ? undefined : 'dimmed'}>
      {name ?? '—'}
    </Text>
  );
}

/** The master contract's title, linked; a master the reader cannot see shows as a dash. */
export function MasterLink({ id }: { id: string | null }) {
  const master = useContract(id ?? '', undefined, { enabled: Boolean(id) });
  if (!id || master.isError) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (master.isPending) return <Skeleton height={14} width={100} />;
  return (
    <Anchor component={Link} to={`/contracts/${id}`} size="sm" className="break-anywhere">
      {master.data.title}
    </Anchor>
  );
}
