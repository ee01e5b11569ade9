import { Navigate } from 'react-router';
import { useCurrentMe } from '../../api/use-me.js';
import { allowedSettings } from '../../layouts/main-nav.js';

/** /settings opens the first section this user may use. */
export function SettingsIndex() {
  const { abilities } = useCurrentMe();
  const first = allowedSettings(abilities)[0]?.to ?? '/settings/personal';
  return <Navigate to={first} replace />;
}
