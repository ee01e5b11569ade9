import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** What scripts/scan.mjs writes as its summary; older summaries without `finishedAt` count as not recorded. */
const summary = z.object({
  finishedAt: z.iso.datetime({ offset: true }),
  sqlmap: z.object({ findings: z.number().int().min(0) }),
  wapiti: z.object({ findings: z.number().int().min(0) }),
});

const LARGEST = 64 * 1024;

/** The last automated security scan of this build, from its summary file; never a guess. */
export async function lastSecurityScan(
  file: string | null,
): Promise<{ lastRunAt: string | null; findings: number | null }> {
  const none = { lastRunAt: null, findings: null };
  if (!file) return none;
  try {
    const text = await readFile(file, 'utf8');
    if (text.length > LARGEST) return none;
    const parsed = summary.safeParse(JSON.parse(text));
    if (!parsed.success) return none;
    const { finishedAt, sqlmap, wapiti } = parsed.data;
    return { lastRunAt: new Date(finishedAt).toISOString(), findings: sqlmap.findings + wapiti.findings };
  } catch {
    // Missing or unreadable: the page says "not recorded" rather than failing.
    return none;
  }
}
