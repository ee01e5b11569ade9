export const home = {
  'home.greetingMorning': 'Good morning, {name}',
  'home.greetingAfternoon': 'Good afternoon, {name}',
  'home.greetingEvening': 'Good evening, {name}',
  'home.subtitle': 'You are working in {org}.',

  'home.verifyTitle': 'Please verify your e-mail address',
  'home.verifyText':
    'We sent a link to {email}. Verifying makes sure deadline reminders and password resets reach you.',
  'home.verifyResend': 'Resend link',
  'home.verifyResent': 'Link sent',
  'home.verifySent': 'A new verification link is on its way to {email}.',

  'home.startTitle': 'Get your workspace ready',
  'home.startIntro': 'A few steps that make Deedbox work for your whole team.',
  'home.startTitleMember': 'Getting started',
  'home.startIntroMember':
    'Deedbox keeps the contracts of your business units and their deadlines in view. Set it up to suit you.',
  'home.stepInvite': 'Invite your colleagues',
  'home.stepInviteText': 'Add the people who own contracts and give them a role per business unit.',
  'home.stepUnits': 'Set up business units',
  'home.stepUnitsText': 'Mirror your divisions, legal entities or teams — they decide who sees which contract.',
  'home.stepApi': 'Connect other systems',
  'home.stepApiText': 'Create API keys for your ERP, CRM or scripts, limited to a role and units.',
  'home.stepActivity': 'Review the activity log',
  'home.stepActivityText': 'See who did what and when, in a tamper-evident log you can export.',
  'home.stepPersonal': 'Make Deedbox yours',
  'home.stepPersonalText': 'Choose your language, date format and time zone, and manage your password.',

  'home.accessTitle': 'Your access',
  'home.accessAdmin':
    'As an administrator you can see and change everything in every business unit, including settings.',
  'home.accessIntro': 'Your role in each business unit of your organization:',
  'home.accessNone': 'You have no role in any business unit yet. An administrator can give you access.',
  'home.rolesExplained':
    'Editors create and change contracts in their unit; viewers can read them. Administrators manage everything.',
};
