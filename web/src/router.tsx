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
import { OutboxPage } from './pages/dev/outbox-page.js';
import { HomePage } from './pages/home/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { ActivityPage } from './pages/settings/activity/activity-page.js';
import { ApiKeysPage } from './pages/settings/api-keys/api-keys-page.js';
import { BusinessUnitsPage } from './pages/settings/business-units/business-units-page.js';
import { PersonalPage } from './pages/settings/personal/personal-page.js';
import { SettingsIndex } from './pages/settings/settings-index.js';
import { UsersPage } from './pages/settings/users/users-page.js';

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
