import { Badge } from '@mantine/core';
import type { TextStatus } from '../../../../common/schemas/documents.js';
import { useT } from '../../i18n/i18n-context.js';

const STATUS_COLORS: Record<TextStatus, string> = {
  pending: 'blue',
  extracted: 'teal',
  no_text: 'gray',
  ocr_unavailable: 'yellow',
  failed: 'orange',
};

/** How far the server got reading a version's text, which is what search finds it by. */
export function TextStatusBadge({ status }: { status: TextStatus }) {
  const t = useT();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status]} tt="none" data-testid="text-status">
      {t(`documents.text.${status}`)}
    </Badge>
  );
}
