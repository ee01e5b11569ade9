import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Config } from '../../config.js';
import { AppError } from '../../platform/errors.js';

type Rules = Config['webhooks'];

/** Addresses a webhook may not reach in production: private, loopback, link-local, unique-local and the like. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** Whether `address` (an IP literal) is one a production webhook may not reach; IPv4-mapped IPv6 counts as IPv4. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family === 6) return PRIVATE.check(bare, 'ipv6');
  return true;
}

type UrlRule = 'webhook_url_format' | 'webhook_url_scheme' | 'webhook_url_credentials' | 'webhook_url_private';
const MESSAGES: Record<UrlRule, string> = {
  webhook_url_format: 'must be an absolute http(s) URL with a host name',
  webhook_url_scheme: 'must start with https://',
  webhook_url_credentials: 'must not contain a user name or password',
  webhook_url_private: 'must not point at a private, loopback, link-local or unique-local address',
};

/** A refused URL: at save, a 422 naming `url` and the rule; at send time, the delivery's error. */
export class WebhookUrlError extends Error {
  constructor(readonly rule: UrlRule) {
    super(`url ${MESSAGES[rule]}`);
  }
  toAppError(): AppError {
    return AppError.invalid('url', this.rule, MESSAGES[this.rule]);
  }
}

const LOCAL_NAMES = /(^|\.)(localhost|localdomain|local|internal|home\.arpa)$/i;

/** The URL's own rules (scheme, credentials, a host that is a private address or a local name); no DNS. */
export function parseWebhookUrl(rules: Rules, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('webhook_url_format');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlError('webhook_url_format');
  if (!url.hostname) throw new WebhookUrlError('webhook_url_format');
  if (rules.requireHttps && url.protocol !== 'https:') throw new WebhookUrlError('webhook_url_scheme');
  if (url.username || url.password) throw new WebhookUrlError('webhook_url_credentials');
  if (!rules.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) ? isPrivateAddress(host) : LOCAL_NAMES.test(host)) throw new WebhookUrlError('webhook_url_private');
  }
  return url;
}

/** Checks a URL as an administrator saves it: a 422 naming `url` and the rule. */
export function checkWebhookUrl(rules: Rules, raw: string): string {
  try {
    return parseWebhookUrl(rules, raw).toString();
  } catch (error) {
    throw error instanceof WebhookUrlError ? error.toAppError() : error;
  }
}

export interface Target {
  url: URL;
  /** The address to connect to: resolved and checked once, so a second DNS answer cannot move the request. */
  address: string;
  family: 4 | 6;
}

/**
 * Resolves the URL's host and checks every address it names (unless private targets are allowed);
 * the request then connects to the checked address, so DNS rebinding cannot slip past the check.
 */
export async function resolveTarget(rules: Rules, raw: string): Promise<Target> {
  const url = parseWebhookUrl(rules, raw);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Error(`${host} has no address`);
  if (!rules.allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    throw new WebhookUrlError('webhook_url_private');
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
