import { describe, expect, it } from 'vitest';
import { type ApprovalMailFacts, composeApprovalMail } from './approvals.mail.js';

const config = { appUrl: 'https://deedbox.example' };
const org = { id: 'org-1', name: 'Acme GmbH' };
const facts: ApprovalMailFacts = {
  contractId: '3f1c2a9e-0000-4000-8000-000000000001',
  contractTitle: 'Supply <b>deal</b>',
  contractNumber: 'C-7',
  requesterName: 'Erin Editor',
  stepName: 'Legal',
  dueOn: '2027-03-05',
  outcome: null,
  rejectedBy: null,
  rejectionComment: null,
};
const delivery = (kind: 'approval_request' | 'approval_overdue' | 'approval_outcome', locale: 'en' | 'de') => ({
  id: 'd-1',
  kind,
  subjectId: 's-1',
  recipientEmail: 'anna@example.com',
  locale,
});

describe('approval mails', () => {
  it('asks for an approval in English and German, linking to the Approval tab', () => {
    const en = composeApprovalMail(config, org, delivery('approval_request', 'en'), facts);
    expect(en.subject).toBe('Approval requested: Supply <b>deal</b> (C-7)');
    expect(en.text).toContain(
      'Erin Editor asks you to approve the contract “Supply <b>deal</b> (C-7)” (step “Legal”).',
    );
    expect(en.text).toContain(`https://deedbox.example/contracts/${facts.contractId}?tab=approval`);
    expect(en).toMatchObject({ to: 'anna@example.com', messageId: '<d-1@deedbox.example>', orgId: 'org-1' });
    const de = composeApprovalMail(config, org, delivery('approval_request', 'de'), facts);
    expect(de.subject).toBe('Freigabe erbeten: Supply <b>deal</b> (C-7)');
    expect(de.text).toContain('Vertrag öffnen');
  });

  it('escapes what people typed in the HTML part', () => {
    const mail = composeApprovalMail(config, org, delivery('approval_request', 'en'), facts);
    expect(mail.html).toContain('Supply &lt;b&gt;deal&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>deal</b>');
  });

  it('says a step is overdue, and how a round ended, with the reason for a rejection', () => {
    const overdue = composeApprovalMail(config, org, delivery('approval_overdue', 'en'), facts);
    expect(overdue.subject).toBe('Approval overdue: Supply <b>deal</b> (C-7)');
    expect(overdue.text).toMatch(/Step “Legal” .* is still waiting/);
    const approved = composeApprovalMail(config, org, delivery('approval_outcome', 'de'), {
      ...facts,
      outcome: 'approved',
    });
    expect(approved.subject).toBe('Freigegeben: Supply <b>deal</b> (C-7)');
    const rejected = composeApprovalMail(config, org, delivery('approval_outcome', 'en'), {
      ...facts,
      outcome: 'rejected',
      rejectedBy: 'Anna Approver',
      rejectionComment: 'Wrong partner',
    });
    expect(rejected.subject).toBe('Rejected: Supply <b>deal</b> (C-7)');
    expect(rejected.text).toContain('Anna Approver rejected the approval');
    expect(rejected.text).toContain('Reason: Wrong partner');
  });
});
