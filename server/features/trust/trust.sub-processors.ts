import { isIP } from 'node:net';
import type { SubProcessor } from '../../../common/schemas/trust.js';
import type { Config } from '../../config.js';

/**
 * The third parties this deployment hands data to: one per configured adapter, then the operator's
 * TRUST_SUBPROCESSORS (an entry named like an adapter's completes it). Only names, never credentials.
 */
export function subProcessors(config: Config): SubProcessor[] {
  const list = [...mailRelay(config), ...payments(config), ...sms(config), ...storage(config)];
  for (const extra of config.trust.subProcessors) {
    const entry = { purpose: extra.purpose, location: extra.location ?? null, url: extra.url ?? null };
    const adapter = list.find((p) => p.name.toLowerCase() === extra.name.toLowerCase());
    if (adapter) Object.assign(adapter, entry);
    else list.push({ name: extra.name, role: 'other', ...entry });
  }
  return list;
}

const adapter = (name: string, role: SubProcessor['role'], url: string | null, location: string | null = null) => ({
  name,
  role,
  purpose: null,
  location,
  url,
});

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** A relay on this machine or the private network is the operator's own, not a third party. */
function isOwnHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (!bare.includes('.') && isIP(bare) === 0) return true;
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare.endsWith('.internal') || bare.endsWith('.local'))
    return true;
  if (isIP(bare) === 4) return /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(bare);
  if (isIP(bare) === 6) return bare === '::1' || /^f[cd]/i.test(bare) || /^fe80:/i.test(bare);
  return false;
}

function mailRelay(config: Config): SubProcessor[] {
  if (!config.mail.smtpUrl) return [];
  // The host name only: the URL may carry a user name and password.
  const host = new URL(config.mail.smtpUrl).hostname.toLowerCase();
  return isOwnHost(host) ? [] : [adapter(host, 'email', null)];
}

function payments(config: Config): SubProcessor[] {
  const { stripe } = config.subscriptions;
  const used =
    stripe.webhookSecret !== null ||
    stripe.portalUrl !== null ||
    Object.keys(stripe.paymentLinks).length > 0 ||
    Object.keys(stripe.prices).length > 0;
  return used ? [adapter('Stripe', 'payments', 'https://stripe.com/privacy')] : [];
}

function sms(config: Config): SubProcessor[] {
  switch (config.sms.provider) {
    case 'none':
      return [];
    case 'twilio':
      return [adapter('Twilio', 'sms', 'https://www.twilio.com/legal/privacy')];
  }
}

function storage(config: Config): SubProcessor[] {
  const s = config.storage;
  switch (s.driver) {
    case 'local':
      return [];
    case 'azure': {
      // An emulator or a private endpoint (BlobEndpoint=…) is not a third party.
      const endpoint = /(?:^|;)\s*BlobEndpoint\s*=\s*([^;]+)/i.exec(s.connectionString)?.[1];
      const host = endpoint ? hostOf(endpoint) : '';
      const own = /UseDevelopmentStorage=true/i.test(s.connectionString) || (host !== '' && isOwnHost(host));
      return own ? [] : [adapter('Microsoft Azure Blob Storage', 'storage', 'https://azure.microsoft.com/')];
    }
    case 's3': {
      // Without an endpoint the driver talks to Amazon S3 in the configured region.
      if (!s.endpoint) return [adapter('Amazon S3', 'storage', 'https://aws.amazon.com/s3/', s.region)];
      const host = new URL(s.endpoint).hostname.toLowerCase();
      return isOwnHost(host) ? [] : [adapter(host, 'storage', null)];
    }
  }
}
