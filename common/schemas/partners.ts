import { z } from 'zod';
import { email } from './auth.js';
import { countryCode } from './codes.js';
import { isoDateTime, pageQuery } from './common.js';

export const PARTNER_TYPES = ['supplier', 'customer', 'both'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
/** Custom field values by key; checked against the org's partner field definitions. */
const custom = z.record(z.string().max(40), z.unknown());

export const partnerAddress = z.object({
  street: text(200).nullable().default(null),
  postalCode: text(20).nullable().default(null),
  city: text(120).nullable().default(null),
  country: countryCode.nullable().default(null),
});
export type PartnerAddress = z.infer<typeof partnerAddress>;
/** As stored: a country saved before codes were checked is shown as it is and must be fixed on the next save. */
const storedAddress = partnerAddress.extend({ country: z.string().nullable() });

export const partnerContact = z.object({
  name: text(120),
  email: email.nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()/.-]{3,30}$/, 'must be a phone number such as +49 30 1234567')
    .nullable()
    .default(null),
  role: text(120).nullable().default(null),
});
export type PartnerContact = z.infer<typeof partnerContact>;

export const partnerInput = z
  .object({
    name: text(200),
    type: z.enum(PARTNER_TYPES),
    registrationNumber: text(80).nullable().default(null),
    vatId: text(40).nullable().default(null),
    address: partnerAddress.nullable().default(null),
    contacts: z.array(partnerContact).max(100).default([]),
    custom: custom.default({}),
  })
  .meta({
    example: {
      name: 'Muster Immobilien GmbH',
      type: 'supplier',
      vatId: 'DE123456789',
      address: { street: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' },
      contacts: [{ name: 'Erika Mustermann', email: 'erika@muster.example', phone: '+49 30 1234567' }],
    },
  });
export const partnerPatch = z
  .object({
    name: text(200),
    type: z.enum(PARTNER_TYPES),
    registrationNumber: text(80).nullable(),
    vatId: text(40).nullable(),
    address: partnerAddress.nullable(),
    contacts: z.array(partnerContact).max(100),
    /** Merged into the stored values; null removes a value. */
    custom,
  })
  .partial();

export const partnerOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(PARTNER_TYPES),
  registrationNumber: z.string().nullable(),
  vatId: z.string().nullable(),
  address: storedAddress.nullable(),
  contacts: z.array(partnerContact),
  custom: z.record(z.string(), z.unknown()),
  /** Contracts with this partner that the caller can see (recycle bin excluded). */
  contractCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** Filters; `cf.<key>=value` filters by custom field (equality, "has this option" for multi-select; repeat to match any). */
/** Sort keys of the partner list, one per grid column; `cf.<key>` sorts by a custom field; `-` for descending. */
export const PARTNER_SORTS = [
  'name',
  'type',
  'registrationNumber',
  'vatId',
  'address.street',
  'address.postalCode',
  'address.city',
  'address.country',
  'contacts',
  'contractCount',
  'createdAt',
  'updatedAt',
] as const;
export type PartnerSort = string;
const PARTNER_SORT = new RegExp(`^-?(${PARTNER_SORTS.join('|').replaceAll('.', '\\.')}|cf\\.[a-z][a-z0-9_]{0,39})$`);

export const partnerListQuery = pageQuery
  .extend({
    q: z.string().trim().min(1).max(200).optional(),
    type: z.enum(PARTNER_TYPES).optional(),
    sort: z.string().regex(PARTNER_SORT, 'is not a sort order of the partner list').default('name'),
  })
  .catchall(z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]));

export const partnerMergeInput = z.object({
  /** Partners folded into this one: their contracts move here, then they are deleted. */
  duplicateIds: z.array(z.uuid()).min(1).max(50),
});
