import { z } from 'zod';
import { PASSWORD_MAX, passwordProblem } from '../passwords.js';
import { isoDateTime } from './common.js';

export const LOCALES = ['en', 'de'] as const;
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD.MM.YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export const ROLES = ['administrator', 'editor', 'viewer'] as const;
export const UNIT_ROLES = ['editor', 'viewer'] as const;

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const personName = z.string().trim().min(1).max(120);
export const timeZone = z
  .string()
  .max(64)
  .refine((tz) => isTimeZone(tz), { message: 'must be an IANA time zone such as Europe/Berlin' });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const PASSWORD_MESSAGES = {
  too_short: 'must be at least 10 characters',
  too_long: `must be at most ${PASSWORD_MAX} characters`,
  common: 'is too common: it appears in lists of breached passwords',
  contains_email: 'must not contain your e-mail address',
} as const;

/** A new password; the e-mail rule is checked where the e-mail is known. */
export const newPassword = z.string().superRefine((value, ctx) => {
  const problemCode = passwordProblem(value);
  if (problemCode)
    ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problemCode], params: { rule: problemCode } });
});
export { PASSWORD_MESSAGES };

export const signUpInput = z.object({
  name: personName,
  email,
  password: newPassword,
  companyName: z.string().trim().min(1).max(160),
  locale: z.enum(LOCALES).default('en'),
});
export const signInInput = z.object({ email, password: z.string().min(1).max(PASSWORD_MAX) });
export const forgotPasswordInput = z.object({ email });
export const resetPasswordInput = z.object({ token: z.string().min(20).max(200), password: newPassword });
export const verifyEmailInput = z.object({ token: z.string().min(20).max(200) });
export const acceptInvitationInput = z.object({ name: personName, password: newPassword });
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword,
});
export const updateMeInput = z
  .object({
    name: personName,
    locale: z.enum(LOCALES),
    dateFormat: z.enum(DATE_FORMATS),
    timeZone,
  })
  .partial();

/** What the caller may do across the account; the UI shows pages and actions only from these. */
export const abilities = z.object({
  manageUsers: z.boolean(),
  manageBusinessUnits: z.boolean(),
  manageApiKeys: z.boolean(),
  viewActivity: z.boolean(),
  /** Export the whole account (every record and document) as a ZIP. */
  exportAccount: z.boolean(),
  /** The repository settings: currency, numbering, mandatory organizational unit. */
  manageSettings: z.boolean(),
  /** Rename and delete categories and organizational units (settings lists). */
  manageLists: z.boolean(),
  manageCustomFields: z.boolean(),
  manageMailTemplates: z.boolean(),
  manageReminderSettings: z.boolean(),
  /** See deleted contracts, restore or purge them. */
  useRecycleBin: z.boolean(),
  /** Writes in at least one business unit, so a new contract has somewhere to go. */
  createContracts: z.boolean(),
  editPartners: z.boolean(),
  /** Add categories and organizational units from the contract form. */
  addListEntries: z.boolean(),
  /** Import contracts or partners (at least one of them). */
  importData: z.boolean(),
  /** Read the development outbox, where the server has one (`GET /meta` says). */
  readDevOutbox: z.boolean(),
});
export type Abilities = z.infer<typeof abilities>;

export const meOutput = z.object({
  /** The signed-in person; null when the caller is an API key. */
  user: z
    .object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      emailVerified: z.boolean(),
      locale: z.enum(LOCALES),
      dateFormat: z.enum(DATE_FORMATS),
      timeZone: z.string(),
    })
    .nullable(),
  apiKey: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  org: z.object({ id: z.uuid(), name: z.string() }),
  isAdmin: z.boolean(),
  roles: z.array(z.object({ businessUnitId: z.uuid(), businessUnitName: z.string(), role: z.enum(ROLES) })),
  abilities,
  via: z.enum(['session', 'apiKey']),
  csrfToken: z.string().nullable(),
  /** `enrolment`: the account demands a second factor the person lacks; only enrolment and sign-out work. */
  signInStage: z.enum(['full', 'enrolment']),
});
export type Me = z.infer<typeof meOutput>;

/** The org's active members as anyone in it may see them: enough to pick an owner. */
export const DIRECTORY_LIMIT = 1000;
export const directoryQuery = z.object({ q: z.string().trim().min(1).max(200).optional() });
export const directoryMember = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export const directoryOutput = z.object({ items: z.array(directoryMember) });

export const invitationOutput = z.object({
  orgName: z.string(),
  email: z.string(),
  /** The name the administrator typed for the invitee; null when they left it empty. */
  name: z.string().nullable(),
  invitedBy: z.string(),
  expiresAt: isoDateTime,
});
