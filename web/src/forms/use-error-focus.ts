import { useEffect, useRef, useState } from 'react';

/** A field's visible label, without Mantine's required asterisk. */
function labelOf(field: HTMLElement): string {
  const label = (field as HTMLInputElement).labels?.[0] ?? null;
  const text = label?.textContent ?? field.getAttribute('aria-label') ?? '';
  return text.replace(/\s*\*\s*$/, '').trim();
}

/**
 * On a long form an error below the fold goes unseen: after a failed submit this scrolls to
 * the first invalid field (in page order) and focuses it, and collects the labels of all
 * invalid fields for a summary at the top.
 */
export function useErrorFocus() {
  const form = useRef<HTMLFormElement | null>(null);
  const [request, setRequest] = useState(0);
  const [labels, setLabels] = useState<string[]>([]);

  useEffect(() => {
    if (request === 0 || !form.current) return;
    const invalid = [...form.current.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
    setLabels([...new Set(invalid.map(labelOf).filter(Boolean))]);
    const first = invalid[0];
    if (!first) return;
    first.scrollIntoView?.({ block: 'center' });
    first.focus({ preventScroll: true });
  }, [request]);

  return {
    labels,
    /** Remembers the form a submit came from (the effect searches it once errors are shown). */
    capture(element: HTMLFormElement) {
      form.current = element;
    },
    /** After the errors of this render are shown: focus the first, refresh the summary. */
    focusFirst() {
      setRequest((n) => n + 1);
    },
    clear() {
      setLabels([]);
    },
  };
}
