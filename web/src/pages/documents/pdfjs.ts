import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, TextLayer } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file of our own origin, so the app's Content-Security-Policy (script-src 'self') allows it.
GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };
export { TextLayer };

/**
 * Opens a PDF from its bytes. pdf.js never evaluates strings from the file (isEvalSupported:
 * false; the CSP forbids it anyway) and draws no XFA forms or annotations' scripts.
 */
export function openPdf(bytes: ArrayBuffer) {
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false });
}
