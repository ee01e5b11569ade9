import { describe, expect, it } from 'vitest';
import type { SigningField } from '../../api/use-signing.js';
import { inOrder, isOpen, valuesToSend } from './field-state.js';

let n = 0;
const field = (type: SigningField['type'], more: Partial<SigningField> = {}): SigningField => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  type,
  page: 1,
  x: 0.1,
  y: 0.1,
  w: 0.2,
  h: 0.05,
  required: true,
  label: null,
  ...more,
});
const drawn = { kind: 'drawn' as const, png: 'iVBOR' };

describe('the signing page’s fields', () => {
  it('a signature or initials field is open until there is a signature, whether required or not', () => {
    for (const type of ['signature', 'initials'] as const) {
      expect(isOpen(field(type), {}, null)).toBe(true);
      expect(isOpen(field(type, { required: false }), {}, null)).toBe(true);
      expect(isOpen(field(type), {}, drawn)).toBe(false);
      expect(isOpen(field(type), {}, { kind: 'typed', text: 'Sam' })).toBe(false);
    }
  });

  it('a required text is open while blank, a required box while unticked; optional ones never hold up signing', () => {
    const text = field('text');
    expect(isOpen(text, {}, drawn)).toBe(true);
    expect(isOpen(text, { [text.id]: '   ' }, drawn)).toBe(true);
    expect(isOpen(text, { [text.id]: 'Berlin' }, drawn)).toBe(false);
    const box = field('checkbox');
    expect(isOpen(box, { [box.id]: false }, drawn)).toBe(true);
    expect(isOpen(box, { [box.id]: true }, drawn)).toBe(false);
    expect(isOpen(field('text', { required: false }), {}, drawn)).toBe(false);
    expect(isOpen(field('checkbox', { required: false }), {}, drawn)).toBe(false);
  });

  it('name and date are filled by the page and the server, never open', () => {
    expect(isOpen(field('name'), {}, null)).toBe(false);
    expect(isOpen(field('date_signed'), {}, null)).toBe(false);
  });

  it('"next field" follows reading order: page, then top to bottom, then left to right', () => {
    const lowerOnOne = field('text', { y: 0.8 });
    const onTwo = field('signature', { page: 2, y: 0.05 });
    const right = field('checkbox', { x: 0.7, y: 0.3 });
    const left = field('checkbox', { x: 0.2, y: 0.3 });
    expect(inOrder([onTwo, lowerOnOne, right, left]).map((f) => f.id)).toEqual(
      [left, right, lowerOnOne, onTwo].map((f) => f.id),
    );
  });

  it('sends texts trimmed, boxes as booleans, names as the recipient’s name, and nothing for signatures or dates', () => {
    const text = field('text');
    const box = field('checkbox');
    const name = field('name');
    const sent = valuesToSend(
      [field('signature'), text, box, name, field('date_signed')],
      { [text.id]: ' Berlin ' },
      'Sam',
    );
    expect(sent).toEqual([
      { id: text.id, value: 'Berlin' },
      { id: box.id, value: false },
      { id: name.id, value: 'Sam' },
    ]);
  });
});
