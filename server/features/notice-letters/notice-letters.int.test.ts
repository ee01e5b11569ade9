import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/terms/dates.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { pdfText } from '../documents/text/parse-pdf.js';
import { letterDate } from './notice-letters.text.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A long first term ending 2099-12-31, three months' notice: by the term engine the deadline is 2099-09-30, whatever today is. */
const lifecycle = {
  type: 'auto_renewal',
  startDate: '2025-01-01',
  endDate: '2099-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

const COMPANY = {
  legalName: 'Acme Logistics GmbH',
  street: 'Friedrichstraße 12',
  postalCode: '10117',
  city: 'Berlin',
  country: 'DE',
  signatoryName: 'Erika Mustermann',
  signatoryTitle: 'Geschäftsführerin',
};

let numbered = 41;

async function setUp(
  who: Caller,
  opts: { company?: boolean; partner?: 'none' | 'no_address' | 'full'; life?: object } = {},
) {
  if (opts.company !== false) {
    expect((await call(h, who, 'PUT', '/settings/company', COMPANY)).statusCode).toBe(200);
  }
  let partnerId: string | null = null;
  if ((opts.partner ?? 'full') !== 'none') {
    const address =
      opts.partner === 'no_address'
        ? null
        : { street: '1 Canal Street', postalCode: 'M1 3HE', city: 'Manchester', country: 'GB' };
    const res = await call(h, who, 'POST', '/partners', { name: 'Northern Freight Ltd', type: 'supplier', address });
    expect(res.statusCode).toBe(201);
    partnerId = res.json().id;
  }
  return newContract(h, who, {
    title: 'Warehouse services',
    contractNumber: `CT-2025-${String(++numbered).padStart(4, '0')}`,
    status: 'active',
    partnerId,
    lifecycle: opts.life ?? lifecycle,
  });
}

const draftOf = (who: Caller | null, id: string, kind: string, locale: string) =>
  call(h, who, 'GET', `/contracts/${id}/notice-letter/draft?kind=${kind}&locale=${locale}`);

describe('drafting a notice letter', () => {
  it('drafts termination and non-renewal in English and German from the contract, partner and company', async () => {
    const admin = await signUpOrg(h);
    const { id } = await setUp(admin);
    const today = todayIn('Europe/Berlin');

    const en = await draftOf(admin, id, 'termination', 'en');
    expect(en.statusCode).toBe(200);
    expect(en.json()).toMatchObject({
      kind: 'termination',
      locale: 'en',
      senderLine: 'Acme Logistics GmbH · Friedrichstraße 12 · 10117 Berlin',
      sender: ['Acme Logistics GmbH', 'Friedrichstraße 12', '10117 Berlin'],
      recipient: ['Northern Freight Ltd', '1 Canal Street', 'M1 3HE Manchester', 'UNITED KINGDOM'],
      placeAndDate: `Berlin, ${letterDate(today, 'en')}`,
      subject: 'Termination of the contract "Warehouse services" (contract no. CT-2025-0042)',
      signature: ['Erika Mustermann', 'Geschäftsführerin', 'Acme Logistics GmbH'],
      date: today,
      noticeDeadline: '2099-09-30',
      endsOn: '2099-12-31',
    });
    expect(en.json().body).toContain(
      'We hereby give notice to terminate the contract "Warehouse services" (contract no. CT-2025-0042) between us, ' +
        'dated 1 January 2025, with effect from the end of 31 December 2099.',
    );
    expect(en.json().body).toContain('on or before the notice deadline of 30 September 2099.');

    const de = (await draftOf(admin, id, 'termination', 'de')).json();
    expect(de.subject).toBe('Kündigung des Vertrags „Warehouse services“ (Vertragsnr. CT-2025-0042)');
    expect(de.recipient).toEqual([
      'Northern Freight Ltd',
      '1 Canal Street',
      'M1 3HE Manchester',
      'VEREINIGTES KÖNIGREICH',
    ]);
    expect(de.body).toContain('hiermit kündigen wir den zwischen uns bestehenden Vertrag „Warehouse services“');
    expect(de.body).toContain('vom 1. Januar 2025 fristgerecht zum 31. Dezember 2099.');
    expect(de.body).toContain('innerhalb der Kündigungsfrist, die am 30. September 2099 endet.');
    expect(de.body).toMatch(/^Sehr geehrte Damen und Herren,\n[\s\S]*Mit freundlichen Grüßen$/);

    const nonRenewalEn = (await draftOf(admin, id, 'non_renewal', 'en')).json();
    expect(nonRenewalEn.subject).toBe('Non-renewal of the contract "Warehouse services" (contract no. CT-2025-0042)');
    expect(nonRenewalEn.body).toContain(
      'We hereby give notice that we will not renew the contract "Warehouse services"',
    );
    expect(nonRenewalEn.body).toContain('The contract ends at the end of 31 December 2099 and is not to be renewed.');
    const nonRenewalDe = (await draftOf(admin, id, 'non_renewal', 'de')).json();
    expect(nonRenewalDe.subject).toBe('Nichtverlängerung des Vertrags „Warehouse services“ (Vertragsnr. CT-2025-0042)');
    expect(nonRenewalDe.body).toContain(
      'Der Vertrag endet mit Ablauf des 31. Dezember 2099 und verlängert sich nicht.',
    );
  });

  it('refuses with the reason: no deadline, a contract that does not renew, no partner, no address, no company', async () => {
    const admin = await signUpOrg(h);
    const fixed = await setUp(admin, { life: { type: 'fixed', startDate: '2025-01-01', endDate: '2099-12-31' } });
    const reasonOf = async (id: string, kind = 'termination') =>
      expectProblem(await draftOf(admin, id, kind, 'en'), 409, 'conflict').reason;
    expect(await reasonOf(fixed.id)).toBe('no_notice_deadline');
    const indefinite = await setUp(admin, {
      life: { type: 'indefinite', startDate: '2025-01-01', noticePeriod: 'P3M' },
    });
    expect(await reasonOf(indefinite.id, 'non_renewal')).toBe('not_renewing');
    expect((await draftOf(admin, indefinite.id, 'termination', 'en')).statusCode).toBe(200);
    expect(await reasonOf((await setUp(admin, { partner: 'none' })).id)).toBe('no_partner');
    expect(await reasonOf((await setUp(admin, { partner: 'no_address' })).id)).toBe('partner_address_missing');

    const fresh = await signUpOrg(h);
    const noCompany = await setUp(fresh, { company: false });
    expect(expectProblem(await draftOf(fresh, noCompany.id, 'termination', 'de'), 409, 'conflict').reason).toBe(
      'company_details_missing',
    );
    const posted = await call(h, fresh, 'POST', `/contracts/${noCompany.id}/notice-letter`, {
      kind: 'termination',
      locale: 'en',
      subject: 'S',
      body: 'B',
      recordNotice: true,
    });
    expect(expectProblem(posted, 409, 'conflict').reason).toBe('company_details_missing');
    expect((await call(h, fresh, 'GET', `/contracts/${noCompany.id}/documents`)).json().items).toEqual([]);
  });

  it('answers 422 for an unknown kind or language', async () => {
    const admin = await signUpOrg(h);
    const { id } = await setUp(admin);
    expect(
      expectProblem(await draftOf(admin, id, 'eviction', 'en'), 422, 'validation_failed').errors?.[0],
    ).toMatchObject({ field: 'kind' });
    expect(
      expectProblem(await draftOf(admin, id, 'termination', 'fr'), 422, 'validation_failed').errors?.[0],
    ).toMatchObject({ field: 'locale' });
  });
});

describe('generating the letter', () => {
  it('stores the PDF on the contract, encrypted, and records notice in the same step', async () => {
    const admin = await signUpOrg(h);
    const { id, contractNumber } = await setUp(admin);
    const draft = (await draftOf(admin, id, 'termination', 'de')).json();
    const body = `${draft.body}\nPS: Ansprechpartner ist Frau Мария Петрова.`;
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice-letter`, {
      kind: 'termination',
      locale: 'de',
      subject: draft.subject,
      body,
      recordNotice: true,
    });
    expect(res.statusCode).toBe(201);
    const { document, contract } = res.json();
    expect(document).toMatchObject({
      contractId: id,
      kind: 'file',
      name: expect.stringMatching(/^Kündigung \d{4}-\d{2}-\d{2}\.pdf$/),
    });
    expect(contract).toMatchObject({
      status: 'terminated',
      lifecycle: { noticeGivenOn: draft.date },
      computed: { phase: 'notice_given', endsOn: '2099-12-31', noticeDeadline: null },
    });

    const listed = (await call(h, admin, 'GET', `/contracts/${id}/documents`)).json().items;
    expect(listed.map((d: { id: string }) => d.id)).toEqual([document.id]);
    const content = await call(h, admin, 'GET', `/documents/${document.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const parsed = await pdfText(content.rawPayload, 100_000);
    if (parsed.status !== 'pages') throw new Error(`no text: ${parsed.status}`);
    const text = parsed.pages.join(' ').replace(/\s+/g, ' ');
    for (const expected of [
      'Acme Logistics GmbH',
      'Friedrichstraße 12',
      '10117 Berlin',
      'Northern Freight Ltd',
      '1 Canal Street',
      'M1 3HE Manchester',
      contractNumber,
      '31. Dezember 2099',
      '30. September 2099',
      'Erika Mustermann',
      'Мария Петрова',
    ]) {
      expect(text).toContain(expected);
    }
    expect(document.versions).toEqual([expect.objectContaining({ number: 1, mimeType: 'application/pdf' })]);
    // Sealed at rest like every document: the stored blobs hold no PDF and no name from the letter.
    const stored: Buffer[] = [];
    for await (const name of h.app.deps.blobs.list(`orgs/${admin.me!.org.id}`)) {
      const chunks: Buffer[] = [];
      for await (const chunk of await h.app.deps.blobs.get(name)) chunks.push(chunk as Buffer);
      stored.push(Buffer.concat(chunks));
    }
    expect(stored).toHaveLength(1);
    expect(stored[0]!.includes('%PDF')).toBe(false);
    expect(stored[0]!.includes('Acme')).toBe(false);

    const letters = await auditEvents(h, admin, '&action=contract.notice_letter_created');
    expect(letters).toEqual([
      expect.objectContaining({
        objectId: id,
        changes: {
          letter: { before: null, after: 'termination' },
          locale: { before: null, after: 'de' },
          name: { before: null, after: document.name },
        },
      }),
    ]);
    expect(await auditEvents(h, admin, '&action=contract.notice_recorded')).toEqual([
      expect.objectContaining({ objectId: id }),
    ]);
    expect(await auditEvents(h, admin, '&action=document.uploaded')).toHaveLength(1);
    // Notice is recorded: no deadline ahead, so no second letter.
    expect(expectProblem(await draftOf(admin, id, 'termination', 'de'), 409, 'conflict').reason).toBe(
      'no_notice_deadline',
    );
  });

  it('without recordNotice leaves the lifecycle as it was', async () => {
    const admin = await signUpOrg(h);
    const { id } = await setUp(admin);
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice-letter`, {
      kind: 'non_renewal',
      locale: 'en',
      subject: 'Non-renewal',
      body: 'Dear Sir or Madam,\n\nwe will not renew.',
      recordNotice: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().contract).toMatchObject({ status: 'active', computed: { noticeDeadline: '2099-09-30' } });
    expect(await auditEvents(h, admin, '&action=contract.notice_recorded')).toEqual([]);
  });

  it('answers 422 for bad input and stores nothing', async () => {
    const admin = await signUpOrg(h);
    const { id } = await setUp(admin);
    const good = { kind: 'termination', locale: 'en', subject: 'Termination', body: 'Text', recordNotice: true };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, kind: 'eviction' }, 'kind', 'invalid_value'],
      [{ ...good, body: '   ' }, 'body', 'too_small'],
      [{ ...good, body: 'x'.repeat(10_001) }, 'body', 'too_big'],
      [{ ...good, subject: '' }, 'subject', 'too_small'],
      [{ ...good, locale: 'fr' }, 'locale', 'invalid_value'],
    ];
    for (const [payload, field, rule] of cases) {
      const res = await call(h, admin, 'POST', `/contracts/${id}/notice-letter`, payload);
      expect(expectProblem(res, 422, 'validation_failed').errors?.[0]).toMatchObject({ field, rule });
    }
    expect((await call(h, admin, 'GET', `/contracts/${id}/documents`)).json().items).toEqual([]);
    expect((await call(h, admin, 'GET', `/contracts/${id}`)).json().status).toBe('active');
  });

  it('keeps nothing when recording the notice fails: no document, no notice, no log entry', async () => {
    const admin = await signUpOrg(h);
    // Started tomorrow at the earliest: notice today would be before the start, which recording refuses.
    const { id } = await setUp(admin, {
      life: {
        type: 'auto_renewal',
        startDate: '2098-01-01',
        endDate: '2099-12-31',
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    });
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice-letter`, {
      kind: 'termination',
      locale: 'en',
      subject: 'Termination',
      body: 'Text',
      recordNotice: true,
    });
    expect(expectProblem(res, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'givenOn' });
    expect((await call(h, admin, 'GET', `/contracts/${id}/documents`)).json().items).toEqual([]);
    expect(await auditEvents(h, admin, '&action=contract.notice_letter_created')).toEqual([]);
    expect(await auditEvents(h, admin, '&action=document.uploaded')).toEqual([]);
  });

  it('answers 401 without a session, 404 for another org and 403 for a viewer', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const { id } = await setUp(admin);
    const body = { kind: 'termination', locale: 'en', subject: 'S', body: 'B', recordNotice: false };
    expectProblem(await draftOf(null, id, 'termination', 'en'), 401, 'unauthenticated');
    expectProblem(await draftOf(stranger, id, 'termination', 'en'), 404, 'not_found');
    expectProblem(await draftOf(viewer, id, 'termination', 'en'), 403, 'forbidden');
    expectProblem(await call(h, null, 'POST', `/contracts/${id}/notice-letter`, body), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'POST', `/contracts/${id}/notice-letter`, body), 404, 'not_found');
    expectProblem(await call(h, viewer, 'POST', `/contracts/${id}/notice-letter`, body), 403, 'forbidden');
    expect((await call(h, admin, 'GET', `/contracts/${id}/documents`)).json().items).toEqual([]);
  });
});

describe('company details', () => {
  it('are read by members, set by administrators only, validated and logged', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    expect((await call(h, admin, 'GET', '/settings/company')).json()).toEqual({ company: null });
    const bad = await call(h, admin, 'PUT', '/settings/company', { ...COMPANY, country: 'Germany', street: ' ' });
    const fields = expectProblem(bad, 422, 'validation_failed').errors?.map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['street:too_small', 'country:unknown_country']));
    expectProblem(await call(h, viewer, 'PUT', '/settings/company', COMPANY), 403, 'forbidden');
    expectProblem(await call(h, null, 'PUT', '/settings/company', COMPANY), 401, 'unauthenticated');

    const saved = await call(h, admin, 'PUT', '/settings/company', { ...COMPANY, signatoryTitle: '' });
    expect(saved.json()).toEqual({ company: { ...COMPANY, signatoryTitle: null } });
    expect((await call(h, viewer, 'GET', '/settings/company')).json().company.legalName).toBe('Acme Logistics GmbH');
    const [event] = await auditEvents(h, admin, '&action=org.company_updated');
    expect(event).toMatchObject({ changes: { legalName: { before: null, after: 'Acme Logistics GmbH' } } });
  });
});
