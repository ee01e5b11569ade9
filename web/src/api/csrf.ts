const CSRF_COOKIE = 'dbx_csrf';
let tokenFromMe: string | null = null;

/** The /me answer repeats the CSRF token; keep it for when the cookie cannot be read. */
export function rememberCsrfToken(token: string | null): void {
  tokenFromMe = token;
}

export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return tokenFromMe;
}
