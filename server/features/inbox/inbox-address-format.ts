/** The address of an inbox: its secret local part at the listener's domain, in lower case. */
export function inboxAddress(localPart: string, domain: string): string {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/i.test(localPart)) throw new Error('inbox local part: letters, digits, . _ - only');
  return `${localPart}@${domain}`.toLowerCase();
}

/** The local part (lower case) of an address at `domain`, compared without case; null for any other domain. */
export function inboxLocalPart(address: string, domain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  return address.slice(0, at).toLowerCase();
}
