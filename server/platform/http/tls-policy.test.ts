import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { tlsFacts } from './tls-policy.js';

const MASTER = `1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('what the trust page says of encryption in transit', () => {
  it('says nobody serves HTTPS in development on plain HTTP, and sends no HSTS', () => {
    expect(tlsFacts(loadConfig({ NODE_ENV: 'development', DATA_DIR: ':memory:' }))).toEqual({
      terminatedBy: 'none',
      minVersion: null,
      hsts: { enabled: false, maxAgeSeconds: 31_536_000, includeSubDomains: true },
    });
  });

  it('names the proxy in production behind TRUST_PROXY, with HSTS, and no minimum of its own', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: ':memory:',
      SECRET_KEY: 'k'.repeat(40),
      MASTER_KEYS: MASTER,
      SMTP_URL: 'smtp://mail.example.com:587',
      TRUST_PROXY: '10.0.0.0/8',
    });
    expect(tlsFacts(config)).toEqual({
      terminatedBy: 'proxy',
      minVersion: null,
      hsts: { enabled: true, maxAgeSeconds: 31_536_000, includeSubDomains: true },
    });
  });
});
