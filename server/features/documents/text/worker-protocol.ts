// What the parent and the isolated worker (text.worker.ts) say to each other. Kept free of
// imports: the worker loads it for every file. The parent checks replies with worker-replies.ts.

export type WorkerTask =
  | { task: 'extract'; file: string; mimeType: string; maxChars: number }
  | { task: 'word-html'; file: string; maxChars: number };

/** A PDF page without a text layer: its index and size in points, to render it for OCR. */
export interface ScannedPage {
  index: number;
  width: number;
  height: number;
}

export type FileFailure = { status: 'failed'; reason: 'too_large' | 'unreadable' | 'encrypted' };

/**
 * The worker's answer to 'extract'. pages: text per page, '' where a PDF page has no text
 * layer (those are listed in scanned); image: the whole file is a picture for OCR.
 */
export type ParsedText =
  | { status: 'pages'; pages: string[]; scanned: ScannedPage[] }
  | { status: 'image' }
  | { status: 'no_text' }
  | FileFailure;

export type ParsedHtml = { status: 'html'; html: string } | FileFailure;

export const failed = (reason: FileFailure['reason']): FileFailure => ({ status: 'failed', reason });
