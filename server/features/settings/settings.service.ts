import { formatNumber, numberPeriod } from '../../../common/numbering.js';
import type { CompanyDetails } from '../../../common/schemas/notice-letters.js';
import { todayIn } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as repo from './settings.repo.js';

export interface SettingsPatch {
  currency?: string | undefined;
  orgUnitMandatory?: boolean | undefined;
  requireAttachment?: boolean | undefined;
  contractNumberPattern?: string | null | undefined;
  contractNumberEditable?: boolean | undefined;
}

/** What the next contract saved today would be numbered (the counter holds the last number given). */
async function preview(ctx: Ctx, row: repo.RepositorySettingsRow): Promise<string | null> {
  const pattern = row.contractNumberPattern;
  if (!pattern) return null;
  const day = todayIn(row.timeZone);
  const last = await repo.counterValue(ctx.tx, ctx.orgId, numberPeriod(pattern, day));
  return formatNumber(pattern, day, (last ?? 0) + 1);
}

async function present(ctx: Ctx, row: repo.RepositorySettingsRow) {
  return {
    currency: row.currency,
    orgUnitMandatory: row.orgUnitMandatory,
    requireAttachment: row.requireAttachment,
    contractNumberPattern: row.contractNumberPattern,
    contractNumberEditable: row.contractNumberEditable,
    nextContractNumberPreview: await preview(ctx, row),
  };
}

async function load(ctx: Ctx): Promise<repo.RepositorySettingsRow> {
  const row = await repo.findSettings(ctx.tx, ctx.orgId);
  if (!row) throw AppError.notFound('Account');
  return row;
}

/** Every member reads them: the contract form needs the numbering and mandatory rules. */
export async function get(ctx: Ctx) {
  return present(ctx, await load(ctx));
}

export async function update(ctx: Ctx, patch: SettingsPatch) {
  requireAdmin(ctx);
  const before = await load(ctx);
  const changes = diff(before as unknown as Record<string, unknown>, { ...patch });
  if (Object.keys(changes).length === 0) return present(ctx, before);
  const row = await repo.updateSettings(ctx.tx, ctx.orgId, patch);
  await record(ctx, { action: 'org.settings_updated', objectType: 'org', objectId: ctx.orgId, changes });
  return present(ctx, row);
}

/** The company details every member may read (they head the notice letters). */
export async function getCompany(ctx: Ctx): Promise<{ company: CompanyDetails | null }> {
  return { company: await repo.findCompany(ctx.tx, ctx.orgId) };
}

/** Administrators set the company details as a whole; the change is logged field by field. */
export async function updateCompany(ctx: Ctx, company: CompanyDetails): Promise<{ company: CompanyDetails }> {
  requireAdmin(ctx);
  const before = await repo.findCompany(ctx.tx, ctx.orgId);
  const changes = diff({ ...before }, { ...company });
  if (Object.keys(changes).length === 0) return { company };
  await repo.updateCompany(ctx.tx, ctx.orgId, company);
  await record(ctx, { action: 'org.company_updated', objectType: 'org', objectId: ctx.orgId, changes });
  return { company };
}
