import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document, DocumentPreview, SearchHit } from '../../../common/schemas/documents.js';
import { rowsOf } from '../../db/client.js';
import { documents, documentVersions } from '../../db/schema/index.js';
import { resolveSearch } from '../../db/text-search.js';
import { withClaims } from '../../db/tx.js';
import { addMember, auditEvents, type Caller, call, expectProblem, signUpOrg, uploadDocument } from '../../test/api.js';
import { type Harness, startHarness, TEST_DB } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import type { ListFilter } from '../contracts/contracts.list.repo.js';
import * as listRepo from '../contracts/contracts.list.repo.js';
import { extractPending } from '../documents/documents.text.jobs.js';
import { contractsWithText, storePages } from '../documents/documents.text.repo.js';
import { docx, pdf, wordParagraph } from '../documents/text/text.fixtures.js';
import { scannedPdf, storeDocument } from './search.fixtures.js';

let h: Harness;
let admin: Caller & { me: NonNullable<Caller['me']> };
let other: Caller & { me: NonNullable<Caller['me']> };
/** A viewer in the second unit only. */
let viewer: Caller;
/** An editor in the second unit only: creates contracts, so the inbox is theirs too. */
let editor: Caller;
let unitB: string;
type Named =
  | 'moving'
  | 'movingDoc'
  | 'feldspar'
  | 'lease'
  | 'facility'
  | 'textPdf'
  | 'docx'
  | 'scan'
  | 'facilityDoc'
  | 'deleted'
  | 'inbox'
  | 'otherDoc';
const ids = {} as Record<Named, string>;

const upload = async (who: Caller, contractId: string, name: string, content: Buffer) => {
  const res = await uploadDocument(h, who, `/contracts/${contractId}/documents`, name, content);
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return (res.json() as Document).id;
};

const search = async (who: Caller, q: string): Promise<SearchHit[]> => {
  const res = await call(h, who, 'GET', `/search?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: SearchHit[] }).items;
};
const documentIds = async (who: Caller, q: string) =>
  (await search(who, q)).filter((hit) => hit.kind === 'document').map((hit) => hit.documentId);
const marked = (hit: SearchHit | undefined) =>
  (hit?.snippets ?? []).flatMap((s) => s.parts.filter((_, i) => i % 2 === 1));

beforeAll(async () => {
  h = await startHarness();
  admin = (await signUpOrg(h)) as typeof admin;
  other = (await signUpOrg(h, 'Other Corp')) as typeof other;
  unitB = (await call(h, admin, 'POST', '/business-units', { name: 'Facilities' })).json().id as string;
  viewer = await addMember(h, admin, { roles: { [unitB]: 'viewer' } });
  editor = await addMember(h, admin, { roles: { [unitB]: 'editor' } });
  const lease = await newContract(h, admin, { title: 'Office lease', description: 'Rent for the Berlin office' });
  const facility = await newContract(h, admin, { title: 'Cleaning', businessUnitId: unitB });
  const doomed = await newContract(h, admin, { title: 'Old deal' });
  ids.lease = lease.id;
  ids.facility = facility.id;

  ids.textPdf = await upload(
    admin,
    lease.id,
    'lease.pdf',
    pdf([{ lines: ['Lease agreement'] }, { lines: ['Kündigungsfrist: drei Monate', 'Quartzite flooring'] }]),
  );
  const word = docx(
    wordParagraph('Non-Disclosure Agreement', 'Heading1') + wordParagraph('Indemnification survives the term.'),
  );
  ids.docx = await upload(admin, lease.id, 'nda.docx', word);
  ids.scan = await upload(admin, lease.id, 'scan.pdf', scannedPdf('Cover sheet', ['Termination notice', 'Kündigung']));
  ids.facilityDoc = await upload(admin, facility.id, 'cleaning.pdf', pdf([{ lines: ['Basalt staircase cleaning'] }]));
  ids.deleted = await upload(admin, lease.id, 'old.pdf', pdf([{ lines: ['Obsidian clause'] }]));
  await upload(admin, doomed.id, 'deal.pdf', pdf([{ lines: ['Obsidian appendix'] }]));
  ids.inbox = (
    await storeDocument(
      h,
      admin,
      { inbox: true },
      { name: 'mail.pdf', content: pdf([{ lines: ['Granite invoice'] }]), mimeType: 'application/pdf' },
    )
  ).id;
  ids.moving = (await newContract(h, admin, { title: 'Moving' })).id;
  ids.movingDoc = await upload(admin, ids.moving, 'moving.pdf', pdf([{ lines: ['Dolomite terrace'] }]));
  const memo = pdf([{ lines: ['Feldspar memo'] }]);
  ids.feldspar = (
    await storeDocument(h, admin, { inbox: true }, { name: 'memo.pdf', content: memo, mimeType: 'application/pdf' })
  ).id;
  const otherContract = await newContract(h, other, { title: 'Their lease' });
  ids.otherDoc = await upload(other, otherContract.id, 'theirs.pdf', pdf([{ lines: ['Quartzite Basalt Granite'] }]));

  for (const who of [admin, other]) {
    const counts = await extractPending(h.app.deps, { limit: 20, orgId: who.me.org.id });
    expect(counts.failed + counts.retrying, JSON.stringify(counts)).toBe(0);
  }
  expect((await call(h, admin, 'DELETE', `/documents/${ids.deleted}`)).statusCode).toBe(204);
  expect((await call(h, admin, 'DELETE', `/contracts/${doomed.id}`)).statusCode).toBe(204);
}, 240_000);
afterAll(() => h?.close());

describe('search', () => {
  it('marks each version extracted once the job has run', async () => {
    for (const id of [ids.textPdf, ids.docx, ids.scan]) {
      const doc = (await call(h, admin, 'GET', `/documents/${id}`)).json() as Document;
      expect(doc.versions[0]!.textStatus).toBe('extracted');
    }
  });

  it('finds a word of a PDF page with its page number, accents and case ignored, the match marked', async () => {
    const [hit] = (await search(admin, 'KUNDIGUNGSFRIST')).filter((x) => x.kind === 'document');
    expect(hit).toMatchObject({
      documentId: ids.textPdf,
      title: 'lease.pdf',
      contractId: ids.lease,
      contractTitle: 'Office lease',
      version: 1,
    });
    expect(hit!.snippets[0]!.page).toBe(2);
    expect(marked(hit)).toEqual(['Kündigungsfrist']);
    expect(hit!.snippets[0]!.parts.join('')).toContain('Kündigungsfrist: drei Monate');
  });

  it('finds a Word paragraph by a stem of its word, and a scanned page through OCR', async () => {
    const [word] = await search(admin, 'indemnify');
    expect(word).toMatchObject({ kind: 'document', documentId: ids.docx, title: 'nda.docx' });
    expect(word!.snippets[0]!.page).toBeNull();
    expect(marked(word)).toEqual(['Indemnification']);

    const [scan] = await search(admin, 'termination');
    expect(scan).toMatchObject({ kind: 'document', documentId: ids.scan });
    expect(scan!.snippets.map((s) => s.page)).toEqual([2]);
    expect(marked(scan)).toEqual(['Termination']);
  });

  it('finds contracts by their fields, ahead of documents', async () => {
    const hits = await search(admin, 'office lea');
    expect(hits[0]).toMatchObject({ kind: 'contract', contractId: ids.lease, title: 'Office lease', documentId: null });
    expect(marked(hits[0])).toEqual(['office']);
  });

  it('never shows another org’s document, a deleted one or one on a deleted contract', async () => {
    expect(await documentIds(admin, 'quartzite')).toEqual([ids.textPdf]);
    expect(await documentIds(other, 'quartzite')).toEqual([ids.otherDoc]);
    expect(await documentIds(admin, 'obsidian')).toEqual([]);
  });

  it('shows documents only in the units the caller may see, the inbox only to those who create contracts', async () => {
    expect(await documentIds(admin, 'basalt')).toEqual([ids.facilityDoc]);
    expect(await documentIds(viewer, 'basalt')).toEqual([ids.facilityDoc]);
    expect(await documentIds(viewer, 'quartzite')).toEqual([]);
    expect(await documentIds(viewer, 'granite')).toEqual([]);
    expect(await documentIds(editor, 'granite')).toEqual([ids.inbox]);
    expect(await documentIds(admin, 'granite')).toEqual([ids.inbox]);
  });

  it('follows a contract to its new unit, and a document from the inbox to a contract', async () => {
    expect(await documentIds(viewer, 'dolomite')).toEqual([]);
    expect((await call(h, admin, 'PATCH', `/contracts/${ids.moving}`, { businessUnitId: unitB })).statusCode).toBe(200);
    expect(await documentIds(viewer, 'dolomite')).toEqual([ids.movingDoc]);

    expect(await documentIds(viewer, 'feldspar')).toEqual([]);
    // What attaching an inbox item to a contract does to the row.
    await withClaims(h.database.db, { orgId: admin.me.org.id }, (tx) =>
      tx.update(documents).set({ contractId: ids.facility, inInbox: false }).where(eq(documents.id, ids.feldspar)),
    );
    expect(await documentIds(viewer, 'feldspar')).toEqual([ids.feldspar]);
  });

  /** The contract grid's rows for a search. */
  const grid = async (who: Caller, q: string): Promise<{ id: string; title: string }[]> => {
    const res = await call(h, who, 'GET', `/contracts?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  it('lets the contract grid’s search find contracts by their documents’ text', async () => {
    const titles = async (who: Caller, q: string) => (await grid(who, q)).map((c) => c.title);
    expect(await titles(admin, 'indemnification')).toEqual(['Office lease']);
    expect(await titles(admin, 'basalt')).toEqual(['Cleaning']);
    expect(await titles(viewer, 'quartzite')).toEqual([]);
    expect(await titles(admin, 'obsidian')).toEqual([]);
  });

  it('keeps the grid’s document text in step as documents are deleted, restored and given new versions', async () => {
    const found = async (q: string) => (await grid(admin, q)).map((c) => c.id);
    const contract = await newContract(h, admin, { title: 'Quarry' });
    const doc = await upload(admin, contract.id, 'quarry.pdf', pdf([{ lines: ['Travertine quarry'] }]));
    expect(await found('travertine')).toEqual([]);
    await extractPending(h.app.deps, { limit: 5, orgId: admin.me.org.id });
    expect(await found('travertine')).toEqual([contract.id]);

    expect((await call(h, admin, 'DELETE', `/documents/${doc}`)).statusCode).toBe(204);
    expect(await found('travertine')).toEqual([]);
    expect((await call(h, admin, 'POST', `/documents/${doc}/restore`)).statusCode).toBe(200);
    expect(await found('travertine')).toEqual([contract.id]);

    // A new version's text counts once it is extracted; the old version's no longer does.
    const next = await uploadDocument(
      h,
      admin,
      `/documents/${doc}/versions`,
      'quarry.pdf',
      pdf([{ lines: ['Marble quarry'] }]),
    );
    expect(next.statusCode, next.body).toBe(201);
    expect(await found('travertine')).toEqual([]);
    expect(await found('marble')).toEqual([]);
    await extractPending(h.app.deps, { limit: 5, orgId: admin.me.org.id });
    expect(await found('marble')).toEqual([contract.id]);
    expect(await found('quarry')).toEqual([contract.id]);
  });

  it('finds the same contracts by text whether it looks the few matches up by id or tests each contract', async () => {
    const orgId = admin.me.org.id;
    const sort = { field: 'updatedAt', descending: true } as const;
    for (const q of ['quarry', 'indemnification', 'basalt', 'obsidian', 'lease']) {
      const [byId, byTest] = await withClaims(h.database.db, { orgId }, async (tx) => {
        const search = await resolveSearch(tx, q);
        const few = await contractsWithText(tx, orgId, search.query, 1000);
        expect(few, q).not.toBeNull();
        const run = async (f: ListFilter) => ({
          ids: (await listRepo.list(tx, orgId, f, sort, 100)).map((r) => r.contract.id),
          count: await listRepo.count(tx, orgId, f, 100),
        });
        return [await run({ units: 'all', search, textContracts: few ?? [] }), await run({ units: 'all', search })];
      });
      expect(byTest, q).toEqual(byId);
      expect(byId.count, q).toBe(byId.ids.length);
    }
    expect(
      await withClaims(h.database.db, { orgId }, async (tx) => {
        const search = await resolveSearch(tx, 'quarry');
        return contractsWithText(tx, orgId, search.query, 0);
      }),
    ).toBeNull();
  });

  it('keeps both documents’ text when two are stored for one contract at the same time', async () => {
    const contract = await newContract(h, admin, { title: 'Twin quarries' });
    const docs = [
      await upload(admin, contract.id, 'a.pdf', pdf([{ lines: ['First'] }])),
      await upload(admin, contract.id, 'b.pdf', pdf([{ lines: ['Second'] }])),
    ];
    const orgId = admin.me.org.id;
    const versionOf = (documentId: string) =>
      withClaims(h.database.db, { orgId }, async (tx) => {
        const [row] = await tx
          .select({ id: documentVersions.id })
          .from(documentVersions)
          .where(eq(documentVersions.documentId, documentId));
        return row!.id;
      });
    const scope = (await call(h, admin, 'GET', `/contracts/${contract.id}`)).json().businessUnitId as string;
    const versions = [await versionOf(docs[0]!), await versionOf(docs[1]!)];
    const store = (
      versionId: string,
      word: string,
      hooks: { stored?: (pid: number) => void; hold?: Promise<void> } = {},
    ) =>
      withClaims(h.database.db, { orgId }, async (tx) => {
        await storePages(tx, orgId, { id: versionId, scope }, [
          { page: 1, text: `${word} quarry`, sealed: Buffer.from('sealed') },
        ]);
        const [me] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        hooks.stored?.(me!.pid);
        await hooks.hold;
      });
    /** How many backends wait for a lock this one holds. */
    const blockedBy = async (pid: number) => {
      const result = await h.database.db.execute(
        sql`select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`,
      );
      return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
    };
    if (TEST_DB === 'postgres') {
      // The first keeps its transaction open, its pages stored, until the second is seen waiting
      // for it (refresh_contract_text locks the contract's row).
      let release!: () => void;
      const hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      let stored!: (pid: number) => void;
      const firstStored = new Promise<number>((resolve) => {
        stored = resolve;
      });
      const first = store(versions[0]!, 'Porphyry', { stored, hold });
      const firstPid = await firstStored;
      const second = store(versions[1]!, 'Serpentine');
      while ((await blockedBy(firstPid)) === 0) await new Promise((resolve) => setImmediate(resolve));
      release();
      await Promise.all([first, second]);
    } else {
      // One connection: transactions run one after the other.
      await store(versions[0]!, 'Porphyry');
      await store(versions[1]!, 'Serpentine');
    }
    for (const word of ['porphyry', 'serpentine']) {
      const items = (await call(h, admin, 'GET', `/contracts?q=${word}`)).json().items as { id: string }[];
      expect(
        items.map((c) => c.id),
        word,
      ).toEqual([contract.id]);
    }
  });

  it('refuses an empty or too long search (422) and a caller without a session (401)', async () => {
    for (const q of ['', '%20%20', 'x'.repeat(201)]) {
      const res = await call(h, admin, 'GET', `/search?q=${q}`);
      expect(expectProblem(res, 422, 'validation_failed').errors![0]!.field).toBe('q');
    }
    expectProblem(await call(h, admin, 'GET', '/search?q=lease&limit=0'), 422, 'validation_failed');
    expectProblem(await call(h, null, 'GET', '/search?q=lease'), 401, 'unauthenticated');
  });
});

describe('preview', () => {
  const preview = async (who: Caller | null, id: string) => call(h, who, 'GET', `/documents/${id}/preview`);

  it('shows Word as sanitised HTML and says pdf for a PDF, each logged as previewed', async () => {
    const word = await preview(admin, ids.docx);
    expect(word.statusCode, word.body).toBe(200);
    const body = word.json() as DocumentPreview;
    expect(body.kind).toBe('html');
    expect(body.html).toContain('<h1>Non-Disclosure Agreement</h1>');
    expect(body.html).toContain('Indemnification survives the term.');
    expect((await preview(admin, ids.textPdf)).json()).toEqual({ kind: 'pdf' });
    const events = await auditEvents(h, admin, '&action=document.previewed');
    expect(events.map((e) => e.objectId)).toEqual(expect.arrayContaining([ids.docx, ids.textPdf]));
  });

  it('answers another org (404), an unknown version (422) and no session (401)', async () => {
    expectProblem(await preview(other, ids.docx), 404, 'not_found');
    expectProblem(await call(h, admin, 'GET', `/documents/${ids.docx}/preview?version=9`), 422, 'validation_failed');
    expectProblem(await preview(null, ids.docx), 401, 'unauthenticated');
  });
});
