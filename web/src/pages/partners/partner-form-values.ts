import { PARTNER_TYPES } from '../../../../common/schemas/partners.js';
import type { Partner, PartnerInput } from '../../api/use-partners.js';

export type PartnerType = (typeof PARTNER_TYPES)[number];
export { PARTNER_TYPES };

export type ContactValues = { key: string; name: string; email: string; phone: string; role: string };
export type PartnerValues = {
  name: string;
  type: PartnerType;
  registrationNumber: string;
  vatId: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  contacts: ContactValues[];
  custom: Record<string, unknown>;
};

let nextKey = 0;
export const newContact = (): ContactValues => ({ key: `c${nextKey++}`, name: '', email: '', phone: '', role: '' });

export function partnerValues(partner: Partner | null): PartnerValues {
  const a = partner?.address;
  return {
    name: partner?.name ?? '',
    type: partner?.type ?? 'supplier',
    registrationNumber: partner?.registrationNumber ?? '',
    vatId: partner?.vatId ?? '',
    street: a?.street ?? '',
    postalCode: a?.postalCode ?? '',
    city: a?.city ?? '',
    country: a?.country ?? '',
    contacts: (partner?.contacts ?? []).map((c) => ({
      ...newContact(),
      name: c.name,
      email: c.email ?? '',
      phone: c.phone ?? '',
      role: c.role ?? '',
    })),
    custom: { ...(partner?.custom ?? {}) },
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Filled custom values; on an edit a value the user cleared is sent as null, which removes it. */
function customBody(v: PartnerValues, stored: Record<string, unknown> | null): Record<string, unknown> {
  const custom: Record<string, unknown> = {};
  for (const key of Object.keys(stored ?? {})) custom[key] = null;
  for (const [key, value] of Object.entries(v.custom)) if (!isEmpty(value)) custom[key] = value;
  return custom;
}

export function partnerBody(v: PartnerValues, stored: Record<string, unknown> | null = null): PartnerInput {
  const address = {
    street: orNull(v.street),
    postalCode: orNull(v.postalCode),
    city: orNull(v.city),
    country: orNull(v.country),
  };
  const hasAddress = Object.values(address).some((part) => part !== null);
  return {
    name: v.name.trim(),
    type: v.type,
    registrationNumber: orNull(v.registrationNumber),
    vatId: orNull(v.vatId),
    address: hasAddress ? address : null,
    contacts: v.contacts.map((c) => ({
      name: c.name.trim(),
      email: orNull(c.email),
      phone: orNull(c.phone),
      role: orNull(c.role),
    })),
    custom: customBody(v, stored),
  };
}

/** Where an issue path of the partner body shows in the form: "address.country" → "country". */
export function partnerFieldOf(path: string): string {
  return path
    .replace(/^body[./]/, '')
    .replace(/^address[./]/, '')
    .replace(/\//g, '.');
}
