export const auth = {
  'signIn.title': 'Welcome back',
  'signIn.description': 'Sign in to your Deedbox account.',
  'signIn.submit': 'Sign in',
  'signIn.forgot': 'Forgot password?',
  'signIn.or': 'or',
  'signIn.sso': 'Continue with single sign-on',
  'signIn.noAccount': 'New to Deedbox?',
  'signIn.createAccount': 'Create an account',
  'signIn.passkey': 'Sign in with a passkey',

  'signUp.title': 'Create your account',
  'signUp.description': 'Set up Deedbox for your company in under a minute.',
  'signUp.companyHint': 'Your organization in Deedbox. You can invite colleagues afterwards.',
  'signUp.submit': 'Create account',
  'signUp.adminNote': 'You become the administrator of your organization.',
  'signUp.haveAccount': 'Already have an account?',
  'signUp.signIn': 'Sign in',
  'signUp.sentTitle': 'Check your inbox',
  'signUp.sentText':
    'We sent a link to {email}. Open it within 48 hours to confirm your address; your account is created then. Already registered with this address? Then the e-mail tells you how to sign in.',

  'confirmSignUp.title': 'Creating your account',
  'confirmSignUp.working': 'One moment, please…',
  'confirmSignUp.failedTitle': 'Your account was not created',
  'confirmSignUp.invalidTitle': 'This sign-up link no longer works',
  'confirmSignUp.invalidText':
    'The link may have been used already or expired. If your account exists, sign in; otherwise sign up again.',

  'forgot.title': 'Reset your password',
  'forgot.description': 'Enter your e-mail address and we will send you a link to choose a new password.',
  'forgot.submit': 'Send reset link',
  'forgot.sentTitle': 'Check your inbox',
  'forgot.sentText':
    'If an account exists for {email}, a link to reset the password is on its way. The link is valid for a limited time.',
  'forgot.back': 'Back to sign in',

  'reset.title': 'Choose a new password',
  'reset.description': 'Your new password replaces the old one everywhere.',
  'reset.submit': 'Save new password',
  'reset.doneTitle': 'Password changed',
  'reset.doneText': 'Your password has been changed. You can now sign in with the new password.',
  'reset.invalidTitle': 'This reset link no longer works',
  'reset.invalidText':
    'Reset links can be used once and expire after a while. Request a new one and use the latest e-mail.',

  'verify.title': 'Verifying your e-mail address',
  'verify.working': 'One moment, please…',
  'verify.doneTitle': 'E-mail address verified',
  'verify.doneText': 'Thank you. Reminders and notifications will reach you at this address.',
  'verify.continue': 'Continue to Deedbox',
  'verify.failedTitle': 'Verification did not complete',
  'verify.invalidTitle': 'This verification link no longer works',
  'verify.invalidText':
    'The link may have been used already or has expired. Sign in and request a new one from the start page.',

  'invite.loading': 'Loading invitation…',
  'invite.title': 'Join {org}',
  'invite.description':
    '{inviter} invited you to work with {org} on Deedbox. Choose your name and a password to get started.',
  'invite.submit': 'Accept invitation',
  'invite.invalidTitle': 'This invitation is no longer valid',
  'invite.invalidText':
    'It may have expired or been accepted already. Ask the person who invited you to send a new invitation.',
};
