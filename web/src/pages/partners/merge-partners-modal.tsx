import { Alert, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { allItems } from '../../api/paging.js';
import { type Partner, useMergePartners, usePartners } from '../../api/use-partners.js';
import { AppModal } from '../../components/app-modal.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';

type Props = { opened: boolean; partner: Partner; onClose: () => void };

/** Picks duplicates of this partner by searching and folds them into it after a confirmation. */
export function MergePartnersModal({ opened, partner, onClose }: Props) {
  const t = useT();
  return (
    <AppModal opened={opened} onClose={onClose} size="lg" title={t('merge.title', { name: partner.name })}>
      {opened && <MergeForm partner={partner} onDone={onClose} />}
    </AppModal>
  );
}

function MergeForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const partners = usePartners({ q: q || undefined });
  const merge = useMergePartners(partner.id);
  const found = allItems(partners.data).filter((p) => p.id !== partner.id);
  const options = new Map(chosen);
  for (const p of found) options.set(p.id, p.name);
  const change = (ids: string[]) => {
    setChosen(new Map(ids.map((id) => [id, options.get(id) ?? id])));
    setConfirming(false);
  };
  const names = [...chosen.values()];
  const submit = () =>
    merge.mutate([...chosen.keys()], {
      onSuccess: (merged) => {
        notifySuccess(t('merge.done', { count: String(names.length), name: merged.name }));
        onDone();
      },
    });
  return (
    <Stack>
      <Text size="sm">{t('merge.text', { name: partner.name })}</Text>
      <MultiSelect
        label={t('merge.duplicates')}
        placeholder={t('partners.searchPlaceholder')}
        searchable
        data-autofocus
        nothingFoundMessage={partners.isFetching ? t('common.loading') : t('partners.noMatch')}
        data={[...options].map(([value, label]) => ({ value, label }))}
        value={[...chosen.keys()]}
        onChange={change}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
      />
      {confirming && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} />} title={t('merge.confirmTitle')}>
          <Text size="sm">{t('merge.confirmText', { names: names.join(', '), name: partner.name })}</Text>
        </Alert>
      )}
      <ProblemAlert error={merge.isError ? describeError(t, merge.error) : null} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        {confirming ? (
          <Button color="red" loading={merge.isPending} onClick={submit}>
            {t('merge.submit', { count: String(names.length) })}
          </Button>
        ) : (
          <Button disabled={chosen.size === 0} onClick={() => setConfirming(true)}>
            {t('merge.review')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
