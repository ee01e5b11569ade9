import { Checkbox, Group, Input, MultiSelect, Stack, TagsInput } from '@mantine/core';
import { useDirectory } from '../../api/use-directory.js';
import { useT } from '../../i18n/i18n-context.js';

export type RecipientValues = {
  owner: boolean;
  backupOwner: boolean;
  unitEditors: boolean;
  userIds: string[];
  emails: string[];
};

export type RecipientErrors = Partial<Record<'recipients' | 'userIds' | 'emails', string>>;

type Props = { value: RecipientValues; onChange: (next: RecipientValues) => void; errors: RecipientErrors };

/** Who gets a reminder: the contract's people by role, chosen members, and outside addresses (for information). */
export function RecipientsInput({ value, onChange, errors }: Props) {
  const t = useT();
  const directory = useDirectory();
  const members = directory.data ?? [];
  const options = members.map((m) => ({ value: m.id, label: m.name, email: m.email.toLowerCase() }));
  for (const id of value.userIds) {
    if (!directory.isPending && !options.some((o) => o.value === id)) {
      options.push({ value: id, label: t('contract.formerMember'), email: '' });
    }
  }
  const set = (patch: Partial<RecipientValues>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Input.Wrapper label={t('reminder.recipients')} error={errors.recipients} required labelElement="div">
        <Group gap="lg" mt={6}>
          <Checkbox
            label={t('reminder.to.owner')}
            checked={value.owner}
            onChange={(e) => set({ owner: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('reminder.to.backupOwner')}
            checked={value.backupOwner}
            onChange={(e) => set({ backupOwner: e.currentTarget.checked })}
          />
          <Checkbox
            label={t('reminder.to.unitEditors')}
            checked={value.unitEditors}
            onChange={(e) => set({ unitEditors: e.currentTarget.checked })}
          />
        </Group>
      </Input.Wrapper>
      <MultiSelect
        label={t('reminder.users')}
        placeholder={value.userIds.length ? undefined : t('reminder.usersPlaceholder')}
        searchable
        clearable
        hidePickedOptions
        value={value.userIds}
        error={errors.userIds}
        data={options.map(({ value: id, label }) => ({ value: id, label }))}
        nothingFoundMessage={directory.isPending ? t('common.loading') : t('contract.noMemberMatch')}
        onChange={(userIds) => set({ userIds })}
        filter={({ options: all, search }) => {
          const needle = search.trim().toLowerCase();
          if (!needle) return all;
          const emails = new Map(options.map((o) => [o.value, o.email]));
          return all.filter(
            (o) =>
              'value' in o &&
              (o.label.toLowerCase().includes(needle) || emails.get(o.value)?.includes(needle) === true),
          );
        }}
      />
      <TagsInput
        label={t('reminder.emails')}
        description={t('reminder.emailsHint')}
        placeholder={value.emails.length ? undefined : t('reminder.emailsPlaceholder')}
        value={value.emails}
        error={errors.emails}
        splitChars={[',', ';', ' ']}
        acceptValueOnBlur
        clearable
        onChange={(emails) => set({ emails: emails.map((e) => e.trim()).filter(Boolean) })}
      />
    </Stack>
  );
}
