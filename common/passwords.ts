/** Passwords that appear at the top of every breach corpus; refused outright. */
const COMMON = new Set(
  `123456 123456789 12345678 password qwerty123 qwerty 111111 12345 1234567 123123 1234567890
  000000 abc123 password1 iloveyou 1q2w3e4r qwertyuiop 123321 654321 666666 987654321 123qwe
  1qaz2wsx password123 passw0rd p@ssw0rd p@ssword letmein welcome welcome1 welcome123 admin
  admin123 administrator monkey dragon football baseball sunshine princess master shadow
  superman michael trustno1 whatever starwars zaq12wsx qazwsx 1q2w3e4r5t qwer1234 asdfghjkl
  asdfgh zxcvbnm 11111111 88888888 aa123456 changeme changeme123 secret secret123 summer2024
  winter2024 spring2025 summer2025 autumn2025 winter2025 company123 letmein123 hello123
  iloveyou1 loveme fuckyou computer internet freedom whatever1 q1w2e3r4t5 1qazxsw2 abcd1234
  abcdef123 password12 password1234 passwort passwort1 hallo123 schatz geheim geheim123
  qwertz qwertz123 deedbox deedbox123 contract contracts contract123`.split(/\s+/),
);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** The one password rule, shared by server and web so both explain it the same way. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'too_short';
  if (password.length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9@]/g, ''))) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}
