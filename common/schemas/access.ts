import { z } from 'zod';

/** Why someone may (or may not) open a contract: the access policy's own answer, as it decided. */
export const ACCESS_REASONS = ['administrator', 'unit_role', 'no_role', 'locked', 'invited'] as const;

export const accessEntry = z.object({
  kind: z.enum(['member', 'api_key']),
  id: z.uuid(),
  name: z.string(),
  /** Members only. */
  email: z.string().nullable(),
  access: z.enum(['edit', 'read', 'none']),
  reason: z.enum(ACCESS_REASONS),
  /** The role in the contract's business unit that gives the access (reason `unit_role`). */
  role: z.enum(['editor', 'viewer']).nullable(),
  /** API keys: whether the key names business units or acts in all of them. */
  scope: z.enum(['all_units', 'listed_units']).nullable(),
});
export type AccessEntry = z.infer<typeof accessEntry>;

export const contractAccessOutput = z.object({
  contractId: z.uuid(),
  businessUnit: z.object({ id: z.uuid(), name: z.string() }),
  /** False: the caller is no administrator and sees only their own access. */
  complete: z.boolean(),
  /** Edit before read before none, then members before API keys, then by name. */
  entries: z.array(accessEntry),
});
export type ContractAccess = z.infer<typeof contractAccessOutput>;
