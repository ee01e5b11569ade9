/**
 * What one import may hold, so memory and work stay bounded whatever the file: a 10 KB workbook
 * can name a huge shared string in every row, and a zip can unpack to gigabytes.
 */
export const LIMITS = {
  /** The upload itself. */
  file: 50 * 1024 * 1024,
  /** Data rows (the header not counted). */
  rows: 20_000,
  columns: 200,
  /** Excel's own limit for a cell; no field of a contract needs more. */
  cell: 32_767,
  /** A column name; the mapping names columns by it. */
  header: 200,
  /** All cells together, in characters, as the rows are read. */
  text: 50_000_000,
  /** A workbook's parts as its zip declares them unpacked, and how many parts it may have. */
  xlsxUnpacked: 200 * 1024 * 1024,
  xlsxEntries: 1_000,
} as const;
export const MAX_FILE = LIMITS.file;

/** Row errors quote a cell's start (common/excerpt.ts) and their reason up to this many characters. */
export const MAX_REASON = 300;
