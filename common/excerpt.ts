/** The first `max` characters and "…", never cutting a surrogate pair in half (PostgreSQL refuses half a pair). */
export function excerpt<T extends string | null>(text: T, max = 80): T {
  if (text === null || text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, cut)}…` as T;
}
