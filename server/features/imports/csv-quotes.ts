/** Where a CSV's quoting goes wrong, counted as people count: row 1 is the first row, column 1 the first column. */
export interface QuoteProblem {
  kind: 'quote_in_value' | 'text_after_quote' | 'unclosed_quote';
  row: number;
  column: number;
}

/**
 * Walks the text the way a CSV reader does and lists quoting problems. A quote inside a value
 * that does not start with one (`12" screen`) can only mean the character itself: tolerable.
 * Text after a closing quote (`"abc"d`) or a quote never closed could mean several things: errors.
 */
export function quoteProblems(text: string, delimiter: string): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  let row = 1;
  let column = 1;
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  let openedAt = { row, column };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (state === 'quoted') {
      if (ch !== '"') continue;
      if (text[i + 1] === '"') i++;
      else state = 'closed';
      continue;
    }
    const newline = ch === '\n' || ch === '\r';
    if (newline || ch === delimiter) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (newline) {
        row++;
        column = 1;
      } else column++;
      state = 'start';
      continue;
    }
    if (state === 'start' && ch === '"') {
      state = 'quoted';
      openedAt = { row, column };
    } else if (state === 'closed') {
      problems.push({ kind: 'text_after_quote', row, column });
      state = 'plain';
    } else {
      if (ch === '"') problems.push({ kind: 'quote_in_value', row, column });
      state = 'plain';
    }
  }
  if (state === 'quoted') problems.push({ kind: 'unclosed_quote', ...openedAt });
  return problems;
}
