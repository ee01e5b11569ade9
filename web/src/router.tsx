import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RouteError } from './components/route-error.js';
import { AppLayout } from './layouts/app-layout.js';
import { GuestOnly } from './layouts/guest-only.js';
import { PublicLayout } from './layouts/public-layout.js';
import { ConfirmSignUpPage } from './pages/auth/confirm-sign-up-page.js';
import { EndSessionPage } from './pages/auth/end-session-page.js';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page.js';
import { InvitePage } from './pages/auth/invite-page.js';
import { ResetPasswordPage } from './pages/auth/reset-password-page.js';
import { SignInPage } from './pages/auth/sign-in-page.js';
import { SignUpPage } from './pages/auth/sign-up-page.js';
import { SsoErrorPage } from './pages/auth/sso-error-page.js';
import { VerifyEmailPage } from './pages/auth/verify-email-page.js';
import { HomePage } from './pages/home/home-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SettingsIndex } from './pages/settings/settings-index.js';

// Repository, settings and development pages load on first visit (layouts show a loader); sign-in and home come at once.
const ActivityPage = lazy(() =>
  import('./pages/settings/activity/activity-page.js').then((m) => ({ default: m.ActivityPage })),
);
const ProvisioningPage = lazy(() =>
  import('./pages/settings/provisioning/provisioning-page.js').then((m) => ({ default: m.ProvisioningPage })),
);
const AccountExportPage = lazy(() =>
  import('./pages/settings/account-export/account-export-page.js').then((m) => ({ default: m.AccountExportPage })),
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
const SessionsPage = lazy(() =>
  import('./pages/settings/sessions/sessions-page.js').then((m) => ({ default: m.SessionsPage })),
);
const SecurityPage = lazy(() =>
  import('./pages/settings/security/security-page.js').then((m) => ({ default: m.SecurityPage })),
);
const SubscriptionPage = lazy(() =>
  import('./pages/settings/subscription/subscription-page.js').then((m) => ({ default: m.SubscriptionPage })),
);
const SsoPage = lazy(() => import('./pages/settings/sso/sso-page.js').then((m) => ({ default: m.SsoPage })));
const UsersPage = lazy(() => import('./pages/settings/users/users-page.js').then((m) => ({ default: m.UsersPage })));
const ContractsPage = lazy(() =>
  import('./pages/contracts/contracts-page.js').then((m) => ({ default: m.ContractsPage })),
);
const ContractPage = lazy(() =>
  import('./pages/contracts/contract-page.js').then((m) => ({ default: m.ContractPage })),
);
const NewContractPage = lazy(() =>
  import('./pages/contracts/contract-form-page.js').then((m) => ({ default: m.NewContractPage })),
);
const EditContractPage = lazy(() =>
  import('./pages/contracts/contract-form-page.js').then((m) => ({ default: m.EditContractPage })),
);
const DocumentPreviewPage = lazy(() =>
  import('./pages/documents/preview-page.js').then((m) => ({ default: m.DocumentPreviewPage })),
);
const SearchPage = lazy(() => import('./pages/search/search-page.js').then((m) => ({ default: m.SearchPage })));
const InboxPage = lazy(() => import('./pages/inbox/inbox-page.js').then((m) => ({ default: m.InboxPage })));
const InboxReviewPage = lazy(() =>
  import('./pages/inbox/review-page.js').then((m) => ({ default: m.InboxReviewPage })),
);
const InboxSettingsPage = lazy(() =>
  import('./pages/settings/inbox/inbox-settings-page.js').then((m) => ({ default: m.InboxSettingsPage })),
);
const CalendarPage = lazy(() => import('./pages/calendar/calendar-page.js').then((m) => ({ default: m.CalendarPage })));
const PartnersPage = lazy(() => import('./pages/partners/partners-page.js').then((m) => ({ default: m.PartnersPage })));
const PartnerPage = lazy(() => import('./pages/partners/partner-page.js').then((m) => ({ default: m.PartnerPage })));
const ApprovalTemplatesPage = lazy(() =>
  import('./pages/settings/approval-templates/approval-templates-page.js').then((m) => ({
    default: m.ApprovalTemplatesPage,
  })),
);
const ListPage = lazy(() => import('./pages/settings/lists/list-page.js').then((m) => ({ default: m.ListPage })));
const CustomFieldsPage = lazy(() =>
  import('./pages/settings/custom-fields/custom-fields-page.js').then((m) => ({ default: m.CustomFieldsPage })),
);
const RepositorySettingsPage = lazy(() =>
  import('./pages/settings/repository/repository-settings-page.js').then((m) => ({
    default: m.RepositorySettingsPage,
  })),
);
const CompanySettingsPage = lazy(() =>
  import('./pages/settings/company/company-settings-page.js').then((m) => ({ default: m.CompanySettingsPage })),
);
const NoticeLetterPage = lazy(() =>
  import('./pages/contracts/notice-letter/notice-letter-page.js').then((m) => ({ default: m.NoticeLetterPage })),
);
const ReminderSettingsPage = lazy(() =>
  import('./pages/settings/reminders/reminder-settings-page.js').then((m) => ({ default: m.ReminderSettingsPage })),
);
const MailTemplatesPage = lazy(() =>
  import('./pages/settings/mail-templates/mail-templates-page.js').then((m) => ({ default: m.MailTemplatesPage })),
);
const RespondPage = lazy(() => import('./pages/respond/respond-page.js').then((m) => ({ default: m.RespondPage })));
const ImportPage = lazy(() => import('./pages/imports/import-page.js').then((m) => ({ default: m.ImportPage })));
const RecycleBinPage = lazy(() =>
  import('./pages/recycle-bin/recycle-bin-page.js').then((m) => ({ default: m.RecycleBinPage })),
);
const TrustPage = lazy(() => import('./pages/trust/trust-page.js').then((m) => ({ default: m.TrustPage })));
const EnvelopePage = lazy(() => import('./pages/signing/envelope-page.js').then((m) => ({ default: m.EnvelopePage })));
const EnvelopeEditorPage = lazy(() =>
  import('./pages/signing/envelope-editor-page.js').then((m) => ({ default: m.EnvelopeEditorPage })),
);
const SignPage = lazy(() => import('./pages/sign/sign-page.js').then((m) => ({ default: m.SignPage })));
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
          { path: '/confirm-sign-up', element: <ConfirmSignUpPage /> },
          { path: '/invite/:token', element: <InvitePage /> },
          { path: '/respond/:token', element: <RespondPage /> },
          { path: '/end-session', element: <EndSessionPage /> },
          { path: '/sso-error', element: <SsoErrorPage /> },
        ],
      },
      {
        element: <PublicLayout width={880} />,
        children: [
          { path: '/trust', element: <TrustPage /> },
          { path: '/sign/:token', element: <SignPage /> },
        ],
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: '/contracts', element: <ContractsPage /> },
          { path: '/contracts/new', element: <NewContractPage /> },
          { path: '/contracts/:id', element: <ContractPage /> },
          { path: '/contracts/:id/edit', element: <EditContractPage /> },
          { path: '/contracts/:id/notice-letter', element: <NoticeLetterPage /> },
          { path: '/documents/:id/preview', element: <DocumentPreviewPage /> },
          { path: '/envelopes/:id', element: <EnvelopePage /> },
          { path: '/envelopes/:id/edit', element: <EnvelopeEditorPage /> },
          { path: '/search', element: <SearchPage /> },
          { path: '/inbox', element: <InboxPage /> },
          { path: '/inbox/:id', element: <InboxReviewPage /> },
          { path: '/calendar', element: <CalendarPage /> },
          { path: '/partners', element: <PartnersPage /> },
          { path: '/partners/:id', element: <PartnerPage /> },
          { path: '/imports/new', element: <ImportPage /> },
          { path: '/settings/recycle-bin', element: <RecycleBinPage /> },
          { path: '/settings', element: <SettingsIndex /> },
          { path: '/settings/users', element: <UsersPage /> },
          { path: '/settings/business-units', element: <BusinessUnitsPage /> },
          { path: '/settings/categories', element: <ListPage kind="categories" key="categories" /> },
          { path: '/settings/org-units', element: <ListPage kind="orgUnits" key="orgUnits" /> },
          { path: '/settings/custom-fields', element: <CustomFieldsPage /> },
          { path: '/settings/repository', element: <RepositorySettingsPage /> },
          { path: '/settings/company', element: <CompanySettingsPage /> },
          { path: '/settings/inbox', element: <InboxSettingsPage /> },
          { path: '/settings/approval-templates', element: <ApprovalTemplatesPage /> },
          { path: '/settings/mail-templates', element: <MailTemplatesPage /> },
          { path: '/settings/reminders', element: <ReminderSettingsPage /> },
          { path: '/settings/api-keys', element: <ApiKeysPage /> },
          { path: '/settings/export', element: <AccountExportPage /> },
          { path: '/settings/provisioning', element: <ProvisioningPage /> },
          { path: '/settings/activity', element: <ActivityPage /> },
          { path: '/settings/personal', element: <PersonalPage /> },
          { path: '/settings/sessions', element: <SessionsPage /> },
          { path: '/settings/security', element: <SecurityPage /> },
          { path: '/settings/sso', element: <SsoPage /> },
          { path: '/settings/subscription', element: <SubscriptionPage /> },
          { path: '/dev/outbox', element: <OutboxPage /> },
          { path: '/home', element: <Navigate to="/" replace /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
