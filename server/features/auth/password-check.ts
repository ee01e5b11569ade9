import { setClaims } from '../../db/tx.js';
import type { Ctx } from '../../platform/context.js';
import { verifyPassword } from '../../platform/crypto/passwords.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import * as users from '../users/users.repo.js';
import { recordFailure, recordSuccess, retryAfter, throttledError, throttleFor } from './sign-in-throttle.js';

/**
 * The person's password asked again before a change that needs it (a new password, a factor
 * removed, new backup codes). Wrong ones count on the same throttle as wrong sign-ins (per account
 * and source address) and are logged, so a stolen session cannot guess the password here; the
 * refusal commits that count. `purpose` names the change in the log.
 */
export async function confirmPassword(
  ctx: Ctx,
  userId: string,
  password: string,
  check: { field: string; message: string; purpose: string },
): Promise<void> {
  const user = (await users.findUser(ctx.tx, userId))!;
  const throttle = throttleFor(ctx.request.ip, user.email);
  await setClaims(ctx.tx, { ip: throttle.ip });
  const now = new Date();
  const seconds = await retryAfter(ctx.tx, throttle, now);
  if (seconds) throw throttledError(seconds);
  if (user.passwordHash && (await verifyPassword(password, user.passwordHash))) {
    await recordSuccess(ctx.tx, throttle);
    return;
  }
  const { failures } = await recordFailure(ctx.tx, throttle, now);
  await record(ctx, {
    action: 'auth.password_check_failed',
    objectType: 'user',
    objectId: userId,
    extra: { purpose: check.purpose, failures },
  });
  throw AppError.committing(
    new AppError('invalid_credentials', `The password is wrong (${check.field} ${check.message}).`, {
      errors: [{ field: check.field, rule: 'wrong', message: check.message }],
    }),
  );
}
