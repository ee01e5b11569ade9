import type { Envelope } from '../../api/use-envelopes.js';

const COLOURS = ['blue', 'orange', 'grape', 'teal', 'red', 'lime', 'cyan', 'pink', 'indigo', 'yellow'];

/** The signers in order, each with its colour on the pages and in the picker. */
export function signersOf(envelope: Envelope) {
  return envelope.recipients
    .filter((r) => r.role === 'signer')
    .map((r, index) => ({ ...r, colour: `var(--mantine-color-${COLOURS[index % COLOURS.length]}-6)` }));
}
export type Signer = ReturnType<typeof signersOf>[number];
