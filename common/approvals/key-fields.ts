/**
 * Contract fields whose change while an approval runs resets it (a new round starts at step 1):
 * what the approvers approved is no longer what the contract says. `lifecycle` holds the dates and
 * terms (start, end, renewal, notice). The UI prints this list next to the approval.
 */
export const APPROVAL_KEY_FIELDS = ['title', 'partnerId', 'businessUnitId', 'lifecycle'] as const;
export type ApprovalKeyField = (typeof APPROVAL_KEY_FIELDS)[number];

export function touchesKeyFields(changedKeys: readonly string[]): boolean {
  return changedKeys.some((k) => (APPROVAL_KEY_FIELDS as readonly string[]).includes(k));
}
