import type { AuditEvent } from '../../../api/use-audit.js';
import type { MessageKey } from '../../../i18n/en.js';
import { isMessageKey, type Translate } from '../../../i18n/translate.js';

export const OBJECT_TYPES = [
  'contract',
  'partner',
  'billing_line',
  'category',
  'org_unit',
  'custom_field',
  'saved_view',
  'import',
  'user',
  'session',
  'business_unit',
  'api_key',
  'scim_token',
  'scim_group',
  'org',
  'audit_log',
] as const;

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key as MessageKey) : fallback;
}

export function actionLabel(t: Translate, action: string): string {
  return labelOr(t, `action.${action}`, action);
}

export function objectTypeLabel(t: Translate, type: string): string {
  return labelOr(t, `objectType.${type}`, type);
}

export function actorLabel(t: Translate, actor: AuditEvent['actor']): { name: string; detail: string | null } {
  switch (actor.type) {
    case 'user':
      return { name: actor.name ?? actor.email ?? t('activity.unknownUser'), detail: actor.name ? actor.email : null };
    case 'api_key':
      return { name: actor.name ?? t('activity.apiKey'), detail: t('activity.apiKey') };
    case 'system':
      // Provisioning by the identity provider names itself; other system work is "System".
      return { name: actor.name === 'SCIM' ? 'SCIM' : t('activity.system'), detail: null };
    case 'anonymous':
      return { name: t('activity.anonymous'), detail: actor.email };
  }
}

/** The best human name for the object: the subject, the organization, or the name the server resolved. */
export function objectName(event: AuditEvent, orgName: string): string | null {
  const subject = event.subject?.name ?? event.subject?.email;
  if (subject) return subject;
  if (event.objectType === 'org') return orgName;
  if (event.objectType === 'user' && event.objectId === event.actor.id) return event.actor.name ?? event.actor.email;
  return event.objectName;
}
