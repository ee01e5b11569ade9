import { accountExport } from './en/account-export.js';
import { activity } from './en/activity.js';
import { apiKeys } from './en/api-keys.js';
import { approvals } from './en/approvals.js';
import { auth } from './en/auth.js';
import { calendar } from './en/calendar.js';
import { common } from './en/common.js';
import { contracts } from './en/contracts.js';
import { documents } from './en/documents.js';
import { errors } from './en/errors.js';
import { home } from './en/home.js';
import { imports } from './en/imports.js';
import { inbox } from './en/inbox.js';
import { mailTemplates } from './en/mail-templates.js';
import { noticeLetters } from './en/notice-letters.js';
import { partners } from './en/partners.js';
import { personal } from './en/personal.js';
import { provisioning } from './en/provisioning.js';
import { recycleBin } from './en/recycle-bin.js';
import { reminders } from './en/reminders.js';
import { repository } from './en/repository.js';
import { search } from './en/search.js';
import { security } from './en/security.js';
import { sessions } from './en/sessions.js';
import { signPage } from './en/sign-page.js';
import { signing } from './en/signing.js';
import { signingEvents } from './en/signing-events.js';
import { sso } from './en/sso.js';
import { subscription } from './en/subscription.js';
import { trust } from './en/trust.js';
import { users } from './en/users.js';

/** The reference catalogue: every other language must translate each of these keys. */
export const en = {
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

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
