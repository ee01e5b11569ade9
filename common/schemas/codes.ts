import { z } from 'zod';
import { isCountryCode, isCurrencyCode } from '../iso-codes.js';

/** An ISO 3166-1 alpha-2 code as written in the standard ("DE"); "de", "GER" or "Germany" is refused. */
export const countryCode = z
  .string()
  .trim()
  .refine(isCountryCode, {
    message: 'must be an ISO 3166-1 alpha-2 country code such as DE',
    params: { rule: 'unknown_country' },
  });

/** An ISO 4217 currency code as written in the standard ("EUR"); "eur" or "XYZ" is refused. */
export const currencyCode = z
  .string()
  .trim()
  .refine(isCurrencyCode, {
    message: 'must be an ISO 4217 currency code such as EUR',
    params: { rule: 'unknown_currency' },
  });
