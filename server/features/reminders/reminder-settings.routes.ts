import {
  reminderPreferences,
  reminderSettingsOutput,
  reminderSettingsPatch,
} from '../../../common/schemas/reminders.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as settings from './reminder-settings.service.js';

export function reminderSettingsRoutes(app: App) {
  app.get('/settings/reminders', { schema: { tags: ['settings'], response: { 200: reminderSettingsOutput } } }, (req) =>
    inOrg(req, (ctx) => settings.get(ctx)),
  );

  app.patch(
    '/settings/reminders',
    {
      config: { current: (ctx) => settings.get(ctx) },
      schema: { tags: ['settings'], body: reminderSettingsPatch, response: { 200: reminderSettingsOutput } },
    },
    (req) => inOrg(req, (ctx) => settings.update(ctx, req.body)),
  );

  app.get('/me/reminder-preferences', { schema: { tags: ['me'], response: { 200: reminderPreferences } } }, (req) =>
    inOrg(req, (ctx) => settings.getPreferences(ctx)),
  );

  app.put(
    '/me/reminder-preferences',
    { schema: { tags: ['me'], body: reminderPreferences, response: { 200: reminderPreferences } } },
    (req) => inOrg(req, (ctx) => settings.setPreferences(ctx, req.body)),
  );
}
