import { checkTemplate, PLACEHOLDERS, TemplateError } from '../../../../common/reminders/template.js';
import { LOCALES } from '../../../../common/schemas/auth.js';
import { MAIL_TEMPLATE_KINDS, type MailPreview, type MailTemplateKind } from '../../../../common/schemas/reminders.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { requireAdmin } from '../../access/access.policy.js';
import { diff, record } from '../../audit/audit.service.js';
import { DEFAULT_TEMPLATES, type Locale, type MailText, sampleValues } from './defaults.js';
import { renderTemplate } from './render.js';
import * as repo from './templates.repo.js';

export interface MailTemplateView {
  kind: MailTemplateKind;
  locale: Locale;
  subject: string;
  body: string;
  isDefault: boolean;
  placeholders: string[];
  updatedAt: string | null;
}

function present(kind: MailTemplateKind, locale: Locale, row: repo.MailTemplateRow | null): MailTemplateView {
  const text = row ?? DEFAULT_TEMPLATES[kind][locale];
  return {
    kind,
    locale,
    subject: text.subject,
    body: text.body,
    isDefault: row === null,
    placeholders: PLACEHOLDERS[kind],
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}

/** Checks both fields, then renders with sample values; every problem is a 422 naming its field. */
function validated(kind: MailTemplateKind, locale: Locale, text: MailText): MailPreview {
  const errors: FieldError[] = (['subject', 'body'] as const).flatMap((field) =>
    checkTemplate(text[field], PLACEHOLDERS[kind]).map((p) => ({ field, rule: p.rule, message: p.message })),
  );
  const [first, ...rest] = errors;
  if (first) throw AppError.invalidAll([first, ...rest]);
  let mail: MailPreview;
  try {
    mail = renderTemplate(text, locale, sampleValues(kind, locale));
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    throw AppError.invalid('body', 'render_failed', `cannot be rendered: ${err.message}`);
  }
  if (mail.subject === '') throw AppError.invalid('subject', 'render_failed', 'renders empty with sample values');
  if (mail.text === '') throw AppError.invalid('body', 'render_failed', 'renders empty with sample values');
  return mail;
}

export async function list(ctx: Ctx): Promise<MailTemplateView[]> {
  requireAdmin(ctx);
  const rows = await repo.listOf(ctx.tx, ctx.orgId);
  const own = new Map(rows.map((r) => [`${r.kind}:${r.locale}`, r]));
  return MAIL_TEMPLATE_KINDS.flatMap((kind) =>
    LOCALES.map((locale) => present(kind, locale, own.get(`${kind}:${locale}`) ?? null)),
  );
}

export async function save(ctx: Ctx, kind: MailTemplateKind, locale: Locale, input: MailText) {
  requireAdmin(ctx);
  validated(kind, locale, input);
  const before = present(kind, locale, await repo.find(ctx.tx, ctx.orgId, kind, locale));
  const changes = diff({ subject: before.subject, body: before.body }, { subject: input.subject, body: input.body });
  if (Object.keys(changes).length === 0) return before;
  const row = await repo.upsert(ctx.tx, {
    orgId: ctx.orgId,
    kind,
    locale,
    subject: input.subject,
    body: input.body,
    updatedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: 'mail_template.updated',
    objectType: 'mail_template',
    objectId: `${kind}/${locale}`,
    changes,
    extra: { kind, locale },
  });
  return present(kind, locale, row);
}

/** Back to the built-in text; resetting a template that was never changed changes nothing. */
export async function reset(ctx: Ctx, kind: MailTemplateKind, locale: Locale) {
  requireAdmin(ctx);
  const before = await repo.find(ctx.tx, ctx.orgId, kind, locale);
  if (before && (await repo.remove(ctx.tx, ctx.orgId, kind, locale))) {
    const builtIn = DEFAULT_TEMPLATES[kind][locale];
    await record(ctx, {
      action: 'mail_template.reset',
      objectType: 'mail_template',
      objectId: `${kind}/${locale}`,
      changes: diff({ subject: before.subject, body: before.body }, { ...builtIn }),
      extra: { kind, locale },
    });
  }
  return present(kind, locale, null);
}

export function preview(ctx: Ctx, input: MailText & { kind: MailTemplateKind; locale: Locale }): MailPreview {
  requireAdmin(ctx);
  return validated(input.kind, input.locale, input);
}
