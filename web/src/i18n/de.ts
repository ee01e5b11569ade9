import { accountExport } from './de/account-export.js';
import { activity } from './de/activity.js';
import { apiKeys } from './de/api-keys.js';
import { approvals } from './de/approvals.js';
import { auth } from './de/auth.js';
import { calendar } from './de/calendar.js';
import { common } from './de/common.js';
import { contracts } from './de/contracts.js';
import { documents } from './de/documents.js';
import { errors } from './de/errors.js';
import { home } from './de/home.js';
import { imports } from './de/imports.js';
import { inbox } from './de/inbox.js';
import { mailTemplates } from './de/mail-templates.js';
import { noticeLetters } from './de/notice-letters.js';
import { partners } from './de/partners.js';
import { personal } from './de/personal.js';
import { provisioning } from './de/provisioning.js';
import { recycleBin } from './de/recycle-bin.js';
import { reminders } from './de/reminders.js';
import { repository } from './de/repository.js';
import { search } from './de/search.js';
import { security } from './de/security.js';
import { sessions } from './de/sessions.js';
import { signPage } from './de/sign-page.js';
import { signing } from './de/signing.js';
import { signingEvents } from './de/signing-events.js';
import { sso } from './de/sso.js';
import { subscription } from './de/subscription.js';
import { trust } from './de/trust.js';
import { users } from './de/users.js';
import type { Messages } from './en.js';

/** German; typed against the English catalogue, so a missing key fails the build. */
export const de: Messages = {
  ...common,
  ...auth,
  ...home,
  ...users,
  ...apiKeys,
  ...accountExport,
  ...provisioning,
  ...activity,
  ...personal,
  ...sessions,
  ...security,
  ...sso,
  ...subscription,
  ...trust,
  ...contracts,
  ...documents,
  ...signing,
  ...signingEvents,
  ...signPage,
  ...search,
  ...inbox,
  ...calendar,
  ...partners,
  ...repository,
  ...noticeLetters,
  ...imports,
  ...recycleBin,
  ...mailTemplates,
  ...reminders,
  ...approvals,
  ...errors,
};
