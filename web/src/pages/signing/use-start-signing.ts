import { useNavigate } from 'react-router';
import { useCreateEnvelope } from '../../api/use-envelopes.js';
import { notifyError } from '../../components/notify.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** Makes a draft signature request from a PDF document's newest version and opens its editor. */
export function useStartSigning() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateEnvelope();
  return (documentId: string) =>
    create.mutate(
      { documentId, locale },
      {
        onSuccess: (envelope) => navigate(`/envelopes/${envelope.id}/edit`),
        onError: (error) => notifyError(t, error),
      },
    );
}
