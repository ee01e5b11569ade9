import type { AuditEvent } from '../../../api/use-audit.js';
import type { MessageKey } from '../../../i18n/en.js';
import { isMessageKey, type Translate } from '../../../i18n/translate.js';

export const OBJECT_TYPES = ['user', 'business_unit', 'api_key', 'org', 'audit'] as const;

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key as MessageKey) : fallback;
}

export function actionLabel(t: Translate, action: string): string {
  return labelOr(t, `action.${action}`, action);
}

export function objectTypeLabel(t: Translate, type: string): string {
  return labelOr(t, `objectType.${type}`, type);
}

export function changeFieldLabel(t: Translate, field: string): string {
  return labelOr(t, `changeField.${field}`, field);
}

export function actorLabel(t: Translate, actor: AuditEvent['actor']): { name: string; detail: string | null } {
  switch (actor.type) {
    case 'user':
      return { name: actor.name ?? actor.email ?? t('activity.unknownUser'), detail: actor.name ? actor.email : null };
    case 'api_key':
      return { name: actor.name ?? t('activity.apiKey'), detail: t('activity.apiKey') };
    case 'system':
      return { name: t('activity.system'), detail: null };
    case 'anonymous':
      return { name: t('activity.anonymous'), detail: actor.email };
  }
}
