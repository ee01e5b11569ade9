import { useEffect, useState } from 'react';
import { fetchDocumentBytes } from '../../api/use-documents.js';

export type Bytes = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; bytes: ArrayBuffer };

/**
 * A version's bytes for a viewer, fetched afresh (never cached: pdf.js hands them to its worker,
 * and a preview should not keep a file in memory after it closes). `retry` fetches again.
 */
export function useVersionBytes(documentId: string, version: number) {
  const [bytes, setBytes] = useState<Bytes>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    const controller = new AbortController();
    setBytes({ state: 'loading' });
    fetchDocumentBytes(documentId, version, controller.signal).then(
      (data) => setBytes({ state: 'ready', bytes: data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setBytes({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [documentId, version, attempt]);
  return { bytes, retry: () => setAttempt((n) => n + 1) };
}
