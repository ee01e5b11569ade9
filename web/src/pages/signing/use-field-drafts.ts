import { useEffect, useRef, useState } from 'react';
import type { FieldType } from '../../../../common/schemas/signing.js';
import { type Envelope, type EnvelopeField, usePutFields } from '../../api/use-envelopes.js';
import type { Box } from './field-geometry.js';

/** A field as the editor holds it: `key` stays while the server gives a new one its `id`. */
export type Draft = Box & {
  key: string;
  id?: string;
  recipientId: string;
  type: FieldType;
  page: number;
  required: boolean;
  label: string | null;
};
export type SaveState = { state: 'saved' | 'saving' | 'error'; error?: unknown };

const SAVE_AFTER_MS = 600;
let counter = 0;
export const newKey = () => `new-${++counter}`;

const fromServer = (f: EnvelopeField): Draft => ({ ...f, key: f.id });
const near = (a: number, b: number) => Math.abs(a - b) < 0.0002;
const same = (d: Draft, f: EnvelopeField) =>
  d.page === f.page &&
  d.type === f.type &&
  d.recipientId === f.recipientId &&
  near(d.x, f.x) &&
  near(d.y, f.y) &&
  near(d.w, f.w) &&
  near(d.h, f.h);

/** The saved list with the editor's keys kept: a new field finds the stored one at its place. */
function adopt(drafts: Draft[], saved: EnvelopeField[]): Draft[] {
  const free = [...saved];
  return drafts.flatMap((d) => {
    const index = free.findIndex((f) => (d.id ? f.id === d.id : same(d, f)));
    if (index < 0) return [];
    const [match] = free.splice(index, 1);
    return [{ ...fromServer(match!), key: d.key }];
  });
}

/**
 * The envelope's fields while they are edited, saved (the whole list) a moment after each change.
 * An answer to an older save is not adopted: the newer change's save follows it.
 */
export function useFieldDrafts(envelope: Envelope) {
  const put = usePutFields(envelope.id);
  const [drafts, setDrafts] = useState<Draft[]>(() => envelope.fields.map(fromServer));
  const [save, setSave] = useState<SaveState>({ state: 'saved' });
  const version = useRef(0);
  const latest = useRef(drafts);
  const timer = useRef<number | undefined>(undefined);
  const flushRef = useRef<() => void>(() => undefined);
  // Leaving the step (or the page) with a change still waiting saves it now instead of dropping it.
  useEffect(
    () => () => {
      if (timer.current === undefined) return;
      window.clearTimeout(timer.current);
      flushRef.current();
    },
    [],
  );

  const flush = () => {
    timer.current = undefined;
    const sent = version.current;
    const list = latest.current;
    put.mutate(
      list.map(({ key: _key, ...field }) => field),
      {
        onSuccess: (answer) => {
          if (version.current !== sent) return;
          latest.current = adopt(list, answer.fields);
          setDrafts(latest.current);
          setSave({ state: 'saved' });
        },
        onError: (error) => {
          if (version.current === sent) setSave({ state: 'error', error });
        },
      },
    );
  };
  flushRef.current = flush;
  const change = (next: Draft[]) => {
    version.current += 1;
    latest.current = next;
    setDrafts(next);
    setSave({ state: 'saving' });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
  };
  return {
    drafts,
    save,
    retry: flush,
    add: (draft: Draft) => change([...latest.current, draft]),
    update: (key: string, box: Box) => change(latest.current.map((d) => (d.key === key ? { ...d, ...box } : d))),
    remove: (key: string) => change(latest.current.filter((d) => d.key !== key)),
  };
}
