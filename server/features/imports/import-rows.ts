import { reconcileStatus } from '../../../common/contract-status.js';
import { checkCustomValues, type FieldDefinition } from '../../../common/custom-fields.js';
import { excerpt } from '../../../common/excerpt.js';
import { countryCodeFrom } from '../../../common/iso-codes.js';
import type { ContractStatus } from '../../../common/schemas/contracts.js';
import type { ImportOptions, RowError } from '../../../common/schemas/imports.js';
import type { PARTNER_TYPES } from '../../../common/schemas/partners.js';
import { isAfter } from '../../../common/terms/dates.js';
import { type Lifecycle, lifecycleSchema } from '../../../common/terms/lifecycle.js';
import type { FileRow } from './import-file.js';
import { MAX_REASON } from './import-limits.js';
import type { LifecycleHint } from './import-mapping.js';
import { customRaw, type Parsed, parseChoice, parseDate, parsePeriodText } from './import-values.js';

type Names = Map<string, string>;

export interface CheckContext {
  headers: string[];
  /** Target field → column index. */
  columns: Map<string, number>;
  /** Columns not imported; those whose name says renewal, notice or type are watched for lost terms. */
  ignored: { index: number; header: string; hint: LifecycleHint | null }[];
  options: ImportOptions;
  defs: readonly FieldDefinition[];
  names: { partner: Names; category: Names; orgUnit: Names; businessUnit: Names; userByEmail: Names };
  defaultUnitId: string;
  canWrite: (unitId: string) => boolean;
  orgUnitMandatory: boolean;
  /** Contracts leave draft only with a file or link, which an import cannot bring: rows come in as drafts. */
  attachmentRequired: boolean;
  currency: string;
  /** The org's today: a notice date after it is refused, as in the contract form. */
  today: string;
}

/** A reference by name: an existing id, or a name to create on commit. */
export type Ref = { id: string } | { create: string } | null;

export interface ContractDraft {
  line: number;
  title: string;
  status: ContractStatus;
  contractNumber: string | null;
  description: string | null;
  tags: string[];
  partner: Ref;
  category: Ref;
  orgUnitId: string | null;
  businessUnitId: string;
  ownerId: string | null;
  backupOwnerId: string | null;
  lifecycle: Lifecycle;
  custom: Record<string, unknown>;
}

export interface PartnerDraft {
  line: number;
  name: string;
  type: (typeof PARTNER_TYPES)[number];
  registrationNumber: string | null;
  vatId: string | null;
  address: { street: string | null; postalCode: string | null; city: string | null; country: string | null } | null;
  custom: Record<string, unknown>;
}

const STATUS_NAMES: Record<ContractStatus, string[]> = {
  draft: ['entwurf'],
  in_negotiation: ['in negotiation', 'negotiation', 'in verhandlung', 'verhandlung'],
  active: ['aktiv', 'running', 'laufend'],
  terminated: ['gekündigt', 'gekuendigt', 'cancelled', 'canceled'],
  archived: ['archiviert'],
};
const TYPE_NAMES = {
  fixed: ['befristet', 'fixed term', 'fest'],
  auto_renewal: ['auto renewal', 'auto-renewal', 'automatische verlängerung', 'automatisch verlängernd', 'verlängernd'],
  indefinite: ['unbefristet', 'open-ended', 'open ended'],
};
const ALIGNMENT_NAMES = {
  any_day: ['jederzeit'],
  month_end: ['monatsende'],
  quarter_end: ['quartalsende'],
  year_end: ['jahresende'],
};
const ADJUSTMENT_NAMES = { none: ['keine'], previous_business_day: ['vorheriger werktag'] };
const PARTNER_TYPE_NAMES = { supplier: ['lieferant', 'vendor'], customer: ['kunde'], both: ['beides', 'beide'] };

/** Reads one row, collecting every problem with the column (header) it came from. */
class RowReader {
  readonly errors: RowError[] = [];
  constructor(
    private readonly c: CheckContext,
    readonly row: FileRow,
  ) {}

  header(target: string): string | null {
    const i = this.c.columns.get(target);
    return i === undefined ? null : this.c.headers[i]!;
  }

  text(target: string): string | null {
    const i = this.c.columns.get(target);
    const v = i === undefined ? '' : (this.row.cells[i] ?? '').trim();
    return v === '' ? null : v;
  }

  fail(target: string | null, reason: string, value?: string | null) {
    const column = target ? (this.header(target) ?? target) : null;
    const quoted = value ?? (target ? this.text(target) : null);
    this.errors.push({ row: this.row.line, column, value: excerpt(quoted), reason: excerpt(reason, MAX_REASON) });
  }

  /** A problem with a rule the web app translates, in a column that may not be mapped. */
  flag(column: string, value: string | null, rule: string, reason: string, params?: RowError['params']) {
    const quoted = { value: excerpt(value), reason: excerpt(reason, MAX_REASON) };
    this.errors.push({ row: this.row.line, column, ...quoted, rule, ...(params ? { params } : {}) });
  }

  cell(index: number): string {
    return (this.row.cells[index] ?? '').trim();
  }

  parse<T>(target: string, parse: (t: string) => Parsed<T>): T | null {
    const t = this.text(target);
    if (t === null) return null;
    const r = parse(t);
    if (r.ok) return r.value;
    this.fail(target, r.reason, t);
    return null;
  }

  /** Text of at most `max` characters; `required` reports an empty cell. */
  str(target: string, max: number, required = false): string | null {
    const t = this.text(target);
    if (t === null && required) this.fail(target, 'is required');
    if (t !== null && t.length > max) this.fail(target, `must be at most ${max} characters`);
    return t;
  }

  ref(target: string, names: Names, create: boolean, what: string): Ref {
    const t = this.text(target);
    if (t === null) return null;
    const id = names.get(t.toLowerCase());
    if (id) return { id };
    if (create) return { create: t };
    this.fail(target, `is not a ${what} of this account`);
    return null;
  }

  custom(): Record<string, unknown> {
    const raw: Record<string, unknown> = {};
    const opts = {
      currency: this.c.currency,
      userByEmail: this.c.names.userByEmail,
      dateFormat: this.c.options.dateFormat,
    };
    for (const def of this.c.defs) {
      const value = this.parse(`cf.${def.key}`, (t) => customRaw(def, t, opts));
      if (value !== null) raw[def.key] = value;
    }
    const { values, issues } = checkCustomValues(this.c.defs, raw, { requireMandatory: true });
    for (const issue of issues) this.fail(`cf.${issue.field.slice('custom.'.length)}`, issue.message);
    return values;
  }
}

function readLifecycle(r: RowReader, c: CheckContext): Lifecycle | null {
  const before = r.errors.length;
  const date = (f: string) => r.parse(f, (t) => parseDate(t, c.options.dateFormat));
  const period = (f: string) => r.parse(f, parsePeriodText);
  const input = {
    startDate: date('lifecycle.startDate'),
    endDate: date('lifecycle.endDate'),
    initialTerm: period('lifecycle.initialTerm'),
    renewalTerm: period('lifecycle.renewalTerm'),
    noticePeriod: period('lifecycle.noticePeriod'),
    noticeAlignment: r.parse('lifecycle.noticeAlignment', (t) => parseChoice(t, ALIGNMENT_NAMES)),
    maxRenewals: r.parse('lifecycle.maxRenewals', (t) =>
      /^\d{1,4}$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, reason: 'is not a whole number' },
    ),
    deadlineAdjustment: r.parse('lifecycle.deadlineAdjustment', (t) => parseChoice(t, ADJUSTMENT_NAMES)),
    noticeGivenOn: date('lifecycle.noticeGivenOn'),
  };
  // Without a type column: renewal term means auto-renewal, an end means fixed, else indefinite.
  const inferred = input.renewalTerm ? 'auto_renewal' : input.endDate || input.initialTerm ? 'fixed' : 'indefinite';
  const type = r.text('lifecycle.type') ? r.parse('lifecycle.type', (t) => parseChoice(t, TYPE_NAMES)) : inferred;
  if (r.errors.length > before) return null;
  if (!input.startDate) {
    r.fail('lifecycle.startDate', 'is required');
    return null;
  }
  const parsed = lifecycleSchema.safeParse({ ...input, type });
  if (parsed.success && parsed.data.noticeGivenOn && isAfter(parsed.data.noticeGivenOn, c.today)) {
    r.fail('lifecycle.noticeGivenOn', `is after today (${c.today}); notice can only be recorded once given`);
    return null;
  }
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) r.fail(`lifecycle.${issue.path.join('.')}`, issue.message);
  return null;
}

/** Cells that say "nothing here": a column of these loses no terms when it is left out. */
const NOTHING = new Set([
  '',
  '-',
  '–',
  '—',
  '0',
  'no',
  'n',
  'nein',
  'false',
  'falsch',
  'none',
  'keine',
  'kein',
  'n/a',
  'na',
]);

/**
 * A row whose renewal or notice terms sit in a column that is not imported would be saved with
 * a different lifecycle (an auto-renewing contract as fixed-term, a deadline lost): an error.
 */
function lostTerms(r: RowReader, c: CheckContext, lifecycle: Lifecycle) {
  for (const { index, header, hint } of c.ignored) {
    const value = r.cell(index);
    if (!hint || NOTHING.has(value.toLowerCase())) continue;
    if (hint === 'renewal' && lifecycle.type !== 'auto_renewal')
      r.flag(
        header,
        value,
        'renewal_not_imported',
        'holds renewal terms but is not imported: this row would not renew',
        {
          type: lifecycle.type,
        },
      );
    if (hint === 'notice' && !lifecycle.noticePeriod)
      r.flag(
        header,
        value,
        'notice_not_imported',
        'holds notice terms but is not imported: this row would have no notice deadline',
      );
    const typed = parseChoice(value, TYPE_NAMES);
    if (hint === 'type' && typed.ok && typed.value !== lifecycle.type)
      r.flag(header, value, 'type_not_imported', `names the contract type ${typed.value} but is not imported`, {
        type: lifecycle.type,
      });
  }
}

export function readContract(c: CheckContext, row: FileRow): { draft: ContractDraft | null; errors: RowError[] } {
  const r = new RowReader(c, row);
  const title = r.str('title', 300, true);
  const status = r.parse('status', (t) => parseChoice(t, STATUS_NAMES)) ?? (c.attachmentRequired ? 'draft' : 'active');
  const businessUnit = r.ref('businessUnit', c.names.businessUnit, false, 'business unit');
  const businessUnitId = businessUnit && 'id' in businessUnit ? businessUnit.id : c.defaultUnitId;
  if (!r.errors.length && !c.canWrite(businessUnitId))
    r.fail('businessUnit', 'your role does not allow adding contracts to this business unit', r.text('businessUnit'));
  const orgUnit = r.ref('orgUnit', c.names.orgUnit, false, 'organizational unit');
  if (c.orgUnitMandatory && !r.text('orgUnit')) r.fail('orgUnit', 'is required in this account');
  const user = (f: string) => {
    const ref = r.ref(f, c.names.userByEmail, false, 'member e-mail address');
    return ref && 'id' in ref ? ref.id : null;
  };
  const draft = {
    line: row.line,
    title: title ?? '',
    status: status as ContractStatus,
    contractNumber: r.str('contractNumber', 80),
    description: r.str('description', 20_000),
    tags: (r.text('tags') ?? '')
      .split(/[;,]/)
      .map((t) => t.trim())
      .filter(Boolean),
    partner: r.ref('partner', c.names.partner, c.options.createPartners, 'business partner'),
    category: r.ref('category', c.names.category, c.options.createCategories, 'category'),
    orgUnitId: orgUnit && 'id' in orgUnit ? orgUnit.id : null,
    businessUnitId,
    ownerId: user('owner'),
    backupOwnerId: user('backupOwner'),
    custom: r.custom(),
  };
  if (draft.tags.some((t) => t.length > 60)) r.fail('tags', 'each tag must be at most 60 characters');
  const lifecycle = readLifecycle(r, c);
  // The contract form's rule: a notice date makes the contract terminated; terminated needs one.
  const reconciled = lifecycle ? reconcileStatus(draft.status, lifecycle.noticeGivenOn) : null;
  if (reconciled?.ok === false)
    r.fail('status', 'is terminated, so the notice date (lifecycle.noticeGivenOn) is required');
  if (reconciled?.ok) draft.status = reconciled.status;
  if (c.attachmentRequired && draft.status !== 'draft')
    r.flag(
      r.header('status') ?? 'status',
      r.text('status'),
      'attachment_required',
      'must be draft: this account requires a file or link before a contract leaves draft; add them after the import',
    );
  if (lifecycle) lostTerms(r, c, lifecycle);
  return { draft: r.errors.length || !lifecycle ? null : { ...draft, lifecycle }, errors: r.errors };
}

export function readPartner(c: CheckContext, row: FileRow): { draft: PartnerDraft | null; errors: RowError[] } {
  const r = new RowReader(c, row);
  const country = r.parse('address.country', (t) => {
    const code = countryCodeFrom(t);
    return code
      ? { ok: true, value: code }
      : { ok: false, reason: 'must be an ISO 3166 country code such as DE, or a country name' };
  });
  const address = {
    street: r.str('address.street', 200),
    postalCode: r.str('address.postalCode', 20),
    city: r.str('address.city', 120),
    country,
  };
  const draft: PartnerDraft = {
    line: row.line,
    name: r.str('name', 200, true) ?? '',
    type: r.parse('type', (t) => parseChoice(t, PARTNER_TYPE_NAMES)) ?? 'supplier',
    registrationNumber: r.str('registrationNumber', 80),
    vatId: r.str('vatId', 40),
    address: Object.values(address).some((v) => v !== null) ? address : null,
    custom: r.custom(),
  };
  return { draft: r.errors.length ? null : draft, errors: r.errors };
}
