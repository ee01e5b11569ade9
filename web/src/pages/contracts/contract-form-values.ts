import type { ContractStatus } from '../../../../common/schemas/contracts.js';
import type {
  ContractType,
  DeadlineAdjustment,
  LifecycleInput,
  NoticeAlignment,
} from '../../../../common/terms/lifecycle.js';
import type { PeriodUnit } from '../../../../common/terms/periods.js';
import type { Contract, ContractInput } from '../../api/use-contracts.js';
import { lifecycleOf } from './contract-lifecycle.js';

/** A period as the form edits it: a count box and a unit picker, joined into `P3M`. */
export type PeriodValue = { count: string; unit: PeriodUnit };
export type EndMode = 'endDate' | 'initialTerm';

export type FormValues = {
  title: string;
  status: ContractStatus;
  contractNumber: string;
  partnerId: string | null;
  businessUnitId: string | null;
  categoryId: string | null;
  orgUnitId: string | null;
  ownerId: string | null;
  backupOwnerId: string | null;
  masterId: string | null;
  description: string;
  tags: string[];
  type: ContractType;
  startDate: string;
  endMode: EndMode;
  endDate: string;
  initialTerm: PeriodValue;
  renewalTerm: PeriodValue;
  noticePeriod: PeriodValue;
  noticeAlignment: NoticeAlignment;
  maxRenewals: string;
  deadlineAdjustment: DeadlineAdjustment;
  /** Kept as it is: recorded through "Record notice", not edited here. */
  noticeGivenOn: string | null;
  /** Custom field values by key, as the API takes them; empty values are sent as null. */
  custom: Record<string, unknown>;
};

const PERIOD = /^P(\d+)([DWMY])$/;

export function toPeriodValue(text: string | null | undefined, fallback: PeriodUnit = 'M'): PeriodValue {
  const match = PERIOD.exec(text ?? '');
  return match ? { count: match[1] ?? '', unit: match[2] as PeriodUnit } : { count: '', unit: fallback };
}

function periodText(value: PeriodValue): string | null {
  return value.count.trim() === '' ? null : `P${value.count.trim()}${value.unit}`;
}

export function emptyValues(): FormValues {
  return {
    title: '',
    status: 'active',
    contractNumber: '',
    partnerId: null,
    businessUnitId: null,
    categoryId: null,
    orgUnitId: null,
    ownerId: null,
    backupOwnerId: null,
    masterId: null,
    description: '',
    tags: [],
    type: 'auto_renewal',
    startDate: '',
    endMode: 'endDate',
    endDate: '',
    initialTerm: { count: '', unit: 'Y' },
    renewalTerm: { count: '1', unit: 'Y' },
    noticePeriod: { count: '3', unit: 'M' },
    noticeAlignment: 'any_day',
    maxRenewals: '',
    deadlineAdjustment: 'none',
    noticeGivenOn: null,
    custom: {},
  };
}

export function valuesOf(contract: Contract): FormValues {
  const l = lifecycleOf(contract);
  return {
    title: contract.title,
    status: contract.status,
    contractNumber: contract.contractNumber ?? '',
    partnerId: contract.partnerId,
    businessUnitId: contract.businessUnitId,
    categoryId: contract.categoryId,
    orgUnitId: contract.orgUnitId,
    ownerId: contract.ownerId,
    backupOwnerId: contract.backupOwnerId,
    masterId: contract.masterId,
    description: contract.description ?? '',
    tags: contract.tags,
    type: l.type,
    startDate: l.startDate,
    endMode: l.initialTerm ? 'initialTerm' : 'endDate',
    endDate: l.endDate ?? '',
    initialTerm: toPeriodValue(l.initialTerm, 'Y'),
    renewalTerm: toPeriodValue(l.renewalTerm, 'Y'),
    noticePeriod: toPeriodValue(l.noticePeriod, 'M'),
    noticeAlignment: l.noticeAlignment ?? 'any_day',
    maxRenewals: l.maxRenewals == null ? '' : String(l.maxRenewals),
    deadlineAdjustment: l.deadlineAdjustment ?? 'none',
    noticeGivenOn: l.noticeGivenOn ?? null,
    custom: contract.custom,
  };
}

/** Only the fields the chosen contract type uses, so switching type never sends leftovers. */
export function toLifecycle(v: FormValues): LifecycleInput {
  const ends = v.type !== 'indefinite';
  const max = v.maxRenewals.trim();
  return {
    type: v.type,
    startDate: v.startDate,
    endDate: ends && v.endMode === 'endDate' ? v.endDate || null : null,
    initialTerm: ends && v.endMode === 'initialTerm' ? periodText(v.initialTerm) : null,
    renewalTerm: v.type === 'auto_renewal' ? periodText(v.renewalTerm) : null,
    noticePeriod: v.type === 'fixed' ? null : periodText(v.noticePeriod),
    noticeAlignment: v.type === 'indefinite' ? v.noticeAlignment : null,
    maxRenewals: v.type === 'auto_renewal' && max !== '' ? Number(max) : null,
    deadlineAdjustment: v.type === 'fixed' ? null : v.deadlineAdjustment,
    noticeGivenOn: v.noticeGivenOn,
  };
}

export function toBody(v: FormValues): ContractInput {
  return {
    title: v.title.trim(),
    status: v.status,
    contractNumber: v.contractNumber.trim() || null,
    partnerId: v.partnerId,
    ...(v.businessUnitId ? { businessUnitId: v.businessUnitId } : {}),
    categoryId: v.categoryId,
    orgUnitId: v.orgUnitId,
    ownerId: v.ownerId,
    backupOwnerId: v.backupOwnerId,
    masterId: v.masterId,
    description: v.description.trim() || null,
    tags: v.tags,
    custom: v.custom,
    lifecycle: toLifecycle(v),
  };
}
