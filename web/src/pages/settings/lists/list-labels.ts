import type { ListKind } from '../../../api/use-lists.js';
import type { MessageKey } from '../../../i18n/en.js';

type LabelName =
  | 'title'
  | 'description'
  | 'create'
  | 'createTitle'
  | 'renameTitle'
  | 'emptyTitle'
  | 'emptyText'
  | 'created'
  | 'renamed'
  | 'deleted'
  | 'deleteTitle'
  | 'deleteText'
  | 'renameNamed'
  | 'deleteNamed';

const PREFIX: Record<ListKind, 'categories' | 'orgUnits'> = { categories: 'categories', orgUnits: 'orgUnits' };

/** The message key of one label for one kind of list: `categories.create`, `orgUnits.create`. */
export function listLabel(kind: ListKind, name: LabelName): MessageKey {
  return `${PREFIX[kind]}.${name}`;
}
