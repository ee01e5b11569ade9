import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, CURRENCY_CODES, countryCodeFrom, isCountryCode, isCurrencyCode } from './iso-codes.js';

describe('ISO codes', () => {
  it('holds the 249 country codes and the currencies in use, each once', () => {
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(['DE', 'GE', 'AT', 'CH', 'US', 'GB'].every(isCountryCode)).toBe(true);
    expect(['EUR', 'CHF', 'USD', 'GBP', 'JPY'].every(isCurrencyCode)).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('XTS')).toBe(false);
  });

  it('reads a country from a file as a code or an English or German name, never from its first letters', () => {
    expect(countryCodeFrom('Germany')).toBe('DE');
    expect(countryCodeFrom(' deutschland ')).toBe('DE');
    expect(countryCodeFrom('Österreich')).toBe('AT');
    expect(countryCodeFrom('Georgia')).toBe('GE');
    expect(countryCodeFrom('de')).toBe('DE');
    expect(countryCodeFrom('Vereinigte Staaten')).toBe('US');
    expect(countryCodeFrom('Ger')).toBeNull();
    expect(countryCodeFrom('XX')).toBeNull();
  });
});
