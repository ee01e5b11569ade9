import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RouteError } from './components/route-error.js';
import { AppLayout } from './layouts/app-layout.js';
import { GuestOnly } from './layouts/guest-only.js';
import { PublicLayout } from './layouts/public-layout.js';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page.js';
import { InvitePage } from './pages/auth/invite-page.js';
import { ResetPasswordPage } from './pages/auth/reset-password-page.js';
import { SignInPage } from './pages/auth/sign-in-page.js';
import { SignUpPage } from './pages/auth/sign-up-page.js';
import { VerifyEmailPage } from './pages/auth/verify-email-page.js';
import { HomePage } from './pages/home/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SettingsIndex } from './pages/settings/settings-index.js';

// Settings and development pages load on first visit (layouts show a loader); sign-in and home come at once.
const ActivityPage = lazy(() =>
  import('./pages/settings/activity/activity-page.js').then((m) => ({ default: m.ActivityPage })),
);
const ApiKeysPage = lazy(() =>
  import('./pages/settings/api-keys/api-keys-page.js').then((m) => ({ default: m.ApiKeysPage })),
);
const BusinessUnitsPage = lazy(() =>
  import('./pages/settings/business-units/business-units-page.js').then((m) => ({ default: m.BusinessUnitsPage })),
);
const PersonalPage = lazy(() =>
  import('./pages/settings/personal/personal-page.js').then((m) => ({ default: m.PersonalPage })),
);
const UsersPage = lazy(() => import('./pages/settings/users/users-page.js').then((m) => ({ default: m.UsersPage })));
const OutboxPage = lazy(() => import('./pages/dev/outbox-page.js').then((m) => ({ default: m.OutboxPage })));

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            element: <GuestOnly />,
            children: [
              { path: '/sign-in', element: <SignInPage /> },
              { path: '/sign-up', element: <SignUpPage /> },
              { path: '/forgot-password', element: <ForgotPasswordPage /> },
            ],
          },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/verify-email', element: <VerifyEmailPage /> },
          { path: '/invite/:token', element: <InvitePage /> },
        ],
      },
      { element: <PublicLayout wide />, children: [{ path: '/dev/outbox', element: <OutboxPage /> }] },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/settings', element: <SettingsIndex /> },
          { path: '/settings/users', element: <UsersPage /> },
          { path: '/settings/business-units', element: <BusinessUnitsPage /> },
          { path: '/settings/api-keys', element: <ApiKeysPage /> },
          { path: '/settings/activity', element: <ActivityPage /> },
          { path: '/settings/personal', element: <PersonalPage /> },
          { path: '/home', element: <Navigate to="/" replace /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
