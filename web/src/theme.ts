import { createTheme, DEFAULT_THEME, type DefaultMantineColor, type MantineColorsTuple } from '@mantine/core';

/** Mantine's palette with darker tones from `from` on, so text in them passes WCAG AA. */
function darker(name: DefaultMantineColor, from: number, tones: string[]): MantineColorsTuple {
  const palette = [...(DEFAULT_THEME.colors[name] ?? [])];
  palette.splice(from, tones.length, ...tones);
  return palette as unknown as MantineColorsTuple;
}

// WCAG 2.1 AA wants 4.5:1 for text. Mantine's grey for secondary text (gray.6) reaches 3.3 on
// white, and its filled and light variants (shade 6 with white text, shade 9 on shade 1) fall
// short for indigo, red, teal, green, orange and yellow. Shade 8 becomes the filled colour, and
// the palettes below are darkened where 8 or 9 still fail: every tone is checked against white,
// gray.0 and gray.1 (cards and table stripes) and, for shade 9, against its own shade 1.
const colors = {
  gray: darker('gray', 6, ['#5f666d']),
  red: darker('red', 8, ['#c92a2a', '#a51d1d']),
  orange: darker('orange', 8, ['#c2410c', '#9a3412']),
  yellow: darker('yellow', 8, ['#975a00', '#7f4a00']),
  teal: darker('teal', 8, ['#087f5b', '#06654a']),
  green: darker('green', 8, ['#237a35', '#1b5e29']),
  cyan: darker('cyan', 8, ['#0b7285', '#095c6b']),
};

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  colors,
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Animations stop for people who ask their system for less motion (WCAG 2.3.3).
  respectReducedMotion: true,
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // A table wider than the screen scrolls; keyboard users need to reach it to scroll it (WCAG 2.1.1).
    TableScrollContainer: { defaultProps: { tabIndex: 0 } },
    Modal: {
      defaultProps: { centered: true, radius: 'lg' },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
  },
});
