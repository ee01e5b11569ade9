import type { SignInput } from '../../../../common/schemas/signing-page.js';
import type { SigningField } from '../../api/use-signing.js';
import type { Signature } from './signature-modal.js';

export type Values = Record<string, string | boolean>;

/** Fields the recipient acts on (the others are filled by the server: name, date). */
export const ACTIONABLE = new Set<SigningField['type']>(['signature', 'initials', 'text', 'checkbox']);

/** Whether a field still needs the recipient: a missing signature, an empty required text or box. */
export function isOpen(field: SigningField, values: Values, signature: Signature | null): boolean {
  if (field.type === 'signature' || field.type === 'initials') return signature === null;
  if (!field.required) return false;
  if (field.type === 'text') return String(values[field.id] ?? '').trim() === '';
  if (field.type === 'checkbox') return values[field.id] !== true;
  return false;
}

/** Reading order: page, then top to bottom, then left to right. */
export function inOrder(fields: SigningField[]): SigningField[] {
  return [...fields].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
}

/** The values POST …/sign takes: texts trimmed, boxes as booleans, name fields with the recipient's name. */
export function valuesToSend(fields: SigningField[], values: Values, name: string): SignInput['fields'] {
  return fields.flatMap((f): SignInput['fields'] => {
    if (f.type === 'name') return [{ id: f.id, value: name }];
    if (f.type === 'text') return [{ id: f.id, value: String(values[f.id] ?? '').trim() }];
    if (f.type === 'checkbox') return [{ id: f.id, value: values[f.id] === true }];
    return [];
  });
}
