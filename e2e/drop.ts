import type { Locator, Page } from '@playwright/test';

export type FileSpec = { name: string; mimeType: string; buffer: Buffer };

/** Drops files on the element as a person drags them from the desktop: dragenter, dragover, drop. */
export async function dropFiles(page: Page, target: Locator, files: FileSpec[]) {
  const payload = JSON.stringify(files.map((f) => ({ ...f, buffer: f.buffer.toString('base64') })));
  // A string, because the browser tests are type-checked without the DOM library.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    for (const f of ${payload}) {
      const bytes = Uint8Array.from(atob(f.buffer), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.mimeType }));
    }
    return transfer;
  })()`);
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
}

/**
 * Holds the next upload of `fileName` at the network until `release` is called, so the page can be
 * seen while the file is still on its way (the bytes of a small file otherwise arrive at once).
 */
export async function holdUpload(page: Page, fileName: string) {
  let release = () => {};
  let arrive = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const pattern = /\/api\/v1\/(contracts\/[^/]+\/documents|documents\/[^/]+\/versions)$/;
  await page.route(pattern, async (route) => {
    const body = route.request().postDataBuffer()?.toString('latin1') ?? '';
    if (route.request().method() !== 'POST' || !body.includes(`filename="${fileName}"`)) return route.fallback();
    arrive();
    await released;
    // A cancelled upload has gone from the browser by now; there is nothing left to send on.
    await route.continue().catch(() => undefined);
  });
  return { arrived, release: () => release() };
}
