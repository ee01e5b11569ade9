import type { FormEvent } from 'react';

/**
 * A form's submit handler that answers only its own submits: React lets a nested form's
 * submit (e.g. in a portalled modal) bubble to every ancestor form's handler.
 */
export function ownSubmit(handler: (event: FormEvent<HTMLFormElement>) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    handler(event);
  };
}
