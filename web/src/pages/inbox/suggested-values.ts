import type { PeriodUnit } from '../../../../common/terms/periods.js';
import type { ContractSuggestion } from '../../api/use-inbox.js';
import type { FormValues } from '../contracts/contract-form-values.js';
import type { Suggested } from '../contracts/use-contract-form.js';

const UNITS: Record<NonNullable<ContractSuggestion['noticePeriod']>['unit'], PeriodUnit> = {
  day: 'D',
  week: 'W',
  month: 'M',
  year: 'Y',
};

/**
 * The contract form filled in from what a document's text suggests, and which fields that
 * touched, each with the words it was read from (the value itself where the server gave none).
 */
export function suggestedForm(
  base: FormValues,
  found: ContractSuggestion | null,
): { values: FormValues; suggested: Suggested } {
  if (!found) return { values: base, suggested: {} };
  const values = { ...base };
  const suggested: Suggested = {};
  const mark = (name: keyof Suggested & keyof ContractSuggestion, fallback: string) => {
    suggested[name] = found.evidence[name] ?? fallback;
  };
  if (found.title) {
    values.title = found.title;
    mark('title', found.title);
  }
  if (found.partnerId) {
    values.partnerId = found.partnerId;
    mark('partnerId', '');
  }
  if (found.startDate) {
    values.startDate = found.startDate;
    mark('startDate', found.startDate);
  }
  if (found.endDate) {
    values.endMode = 'endDate';
    values.endDate = found.endDate;
    mark('endDate', found.endDate);
  }
  if (found.noticePeriod) {
    values.noticePeriod = { count: String(found.noticePeriod.count), unit: UNITS[found.noticePeriod.unit] };
    mark('noticePeriod', '');
  }
  return { values, suggested };
}
