import { Loader, Select, TextInput } from '@mantine/core';
import type { UNIT_ROLES } from '../../../../../common/schemas/auth.js';
import { useT } from '../../../i18n/i18n-context.js';

export type UnitRoleChoice = (typeof UNIT_ROLES)[number] | 'none';
const CHOICES: UnitRoleChoice[] = ['editor', 'viewer', 'none'];

type Props = {
  unitName: string;
  userName: string;
  isAdmin: boolean;
  value: UnitRoleChoice;
  saving: boolean;
  disabled: boolean;
  onChange: (role: UnitRoleChoice) => void;
};

export function UnitRoleSelect({ unitName, userName, isAdmin, value, saving, disabled, onChange }: Props) {
  const t = useT();
  const label = t('users.roleIn', { name: userName, unit: unitName });
  if (isAdmin) {
    // Administrators hold every unit; the cell says so instead of offering a choice.
    return (
      <TextInput
        size="xs"
        w={118}
        value={t('role.administrator')}
        disabled
        readOnly
        aria-label={label}
        styles={{
          input: { color: 'var(--mantine-color-grape-8)', background: 'var(--mantine-color-grape-0)', opacity: 1 },
        }}
      />
    );
  }
  return (
    <Select
      size="xs"
      w={118}
      aria-label={label}
      value={value}
      disabled={disabled}
      allowDeselect={false}
      rightSection={saving ? <Loader size={12} /> : undefined}
      data={CHOICES.map((choice) => ({ value: choice, label: t(`role.${choice}`) }))}
      onChange={(next) => {
        const choice = CHOICES.find((c) => c === next);
        if (choice && choice !== value) onChange(choice);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
