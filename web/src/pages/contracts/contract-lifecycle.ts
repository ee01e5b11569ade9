import type { LifecycleInput } from '../../../../common/terms/lifecycle.js';
import type { Contract } from '../../api/use-contracts.js';

/** The API returns the lifecycle as it stored it after validating it against lifecycleSchema. */
export function lifecycleOf(contract: Contract): LifecycleInput {
  return contract.lifecycle as unknown as LifecycleInput;
}
