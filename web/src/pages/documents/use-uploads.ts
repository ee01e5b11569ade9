import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/api-error.js';
import { type UploadTarget, useSendFile } from '../../api/use-documents.js';

export type UploadStatus = 'sending' | 'processing' | 'done' | 'failed' | 'cancelled';

export type UploadItem = {
  key: number;
  /** Where the file goes, a contract's id or `inbox`: each page lists its own place's uploads only. */
  place: string;
  fileName: string;
  /** For a new version: the name of the document it is a version of. */
  versionOf: string | null;
  size: number;
  sent: number;
  status: UploadStatus;
  error: unknown;
};

export const isActive = (item: UploadItem) => item.status === 'sending' || item.status === 'processing';

/**
 * Files on their way to the server, one request each so each has its own progress and can be
 * cancelled alone. Finished ones stay listed (done or why not) until dismissed.
 */
export function useUploads() {
  const send = useSendFile();
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<number, () => void>());
  const nextKey = useRef(1);
  const update = (key: number, patch: Partial<UploadItem>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function start(place: string, target: UploadTarget, files: File[], versionOf: string | null = null) {
    for (const file of files) {
      const key = nextKey.current++;
      const item: UploadItem = {
        key,
        place,
        fileName: file.name,
        versionOf,
        size: file.size,
        sent: 0,
        status: 'sending',
        error: null,
      };
      setItems((current) => [...current, item]);
      // All bytes sent: the server still checks, encrypts and stores the file before it answers.
      const upload = send(target, file, ({ loaded, total }) =>
        update(key, { sent: loaded, status: loaded >= total ? 'processing' : 'sending' }),
      );
      aborts.current.set(key, upload.abort);
      upload.done
        .then(
          () => update(key, { status: 'done', sent: file.size }),
          (error: unknown) =>
            update(key, isApiError(error, 'aborted') ? { status: 'cancelled' } : { status: 'failed', error }),
        )
        .finally(() => aborts.current.delete(key));
    }
  }

  const active = items.some(isActive);
  // Leaving the page would cut the uploads off; the browser asks first.
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  return {
    items,
    start,
    cancel: (key: number) => aborts.current.get(key)?.(),
    dismiss: (key: number) => setItems((current) => current.filter((item) => item.key !== key)),
    clearFinished: (place: string) =>
      setItems((current) => current.filter((item) => item.place !== place || isActive(item))),
  };
}

export type Uploads = ReturnType<typeof useUploads>;
