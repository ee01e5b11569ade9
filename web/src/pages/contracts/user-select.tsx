import { Select, type SelectProps, Skeleton, Text } from '@mantine/core';
import { useDirectory } from '../../api/use-directory.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
};

/** Picks a member of the org by name or e-mail (the directory holds only active members). */
export function UserSelect({ value, onChange, ...props }: Props) {
  const t = useT();
  const directory = useDirectory();
  const members = directory.data ?? [];
  const options = members.map((m) => ({ value: m.id, label: m.name, email: m.email }));
  // Someone who left or was locked keeps their place until the value is changed.
  if (value && !directory.isPending && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: t('contract.formerMember'), email: '' });
  }
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={directory.isPending ? t('common.loading') : t('contract.noMemberMatch')}
      {...props}
      data={options.map(({ value: id, label }) => ({ value: id, label }))}
      value={value}
      onChange={onChange}
      filter={({ options: all, search }) => {
        const needle = search.trim().toLowerCase();
        if (!needle) return all;
        const emails = new Map(options.map((o) => [o.value, o.email.toLowerCase()]));
        return all.filter(
          (o) =>
            'value' in o && (o.label.toLowerCase().includes(needle) || emails.get(o.value)?.includes(needle) === true),
        );
      }}
    />
  );
}

/** A member's name by id, for the contract page and grid. */
export function UserName({ id }: { id: string | null }) {
  const t = useT();
  const directory = useDirectory();
  if (!id) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (directory.isPending) return <Skeleton height={14} width={100} />;
  const member = directory.data?.find((m) => m.id === id);
  return (
    <Text size="sm" c={member ? undefined : 'dimmed'} className="break-anywhere">
      {member?.name ?? t('contract.formerMember')}
    </Text>
  );
}
