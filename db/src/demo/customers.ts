import { customerName, LOCALE_SHARES, LOCALES, type Locale } from './names';
import { deriveUuid, weightedPicker, type Random } from './random';
import type { CustomerRow } from './rows';
import { asciiName } from './transliterate';

/** Share of tickets that bring a new customer: about one customer per 2.5 tickets. */
export const NEW_CUSTOMER_SHARE = 0.4;

// The stream label for deriveUuid(): customer ids depend only on (seed, number).
const CUSTOMER_STREAM = 1;

// Reserved example domains only (RFC 2606): demo mail must never reach a real mailbox.
const pickDomain = weightedPicker([
  ['example.com', 30],
  ['example.org', 15],
  ['example.net', 15],
  ['mail.example.com', 20],
  ['post.example.net', 10],
  ['inbox.example.org', 10],
]);

const pickLocale = weightedPicker(LOCALES.map((locale): [Locale, number] => [locale, LOCALE_SHARES[locale]]));

type Pattern = (first: string, last: string) => string;
const pickPattern = weightedPicker<Pattern>([
  [(first, last) => `${first}.${last}`, 50],
  [(first, last) => `${first}${last}`, 15],
  [(first, last) => `${first.slice(0, 1)}${last}`, 15],
  [(first, last) => `${last}.${first}`, 10],
  [(first, last) => `${first}_${last}`, 10],
]);

/**
 * The id of customer number `index` (0-based) for a seed, the same whenever it is asked for.
 *
 * @example
 * customerId(1, 0) === customerId(1, 0); // true
 */
export function customerId(seed: number, index: number): string {
  return deriveUuid(seed, CUSTOMER_STREAM, index);
}

/**
 * Creates customer number `index`, first seen at `firstSeen` (epoch ms): a locale-fitting name and
 * a lower-case address on an example domain. The number is part of the address, which keeps
 * addresses unique without remembering the ones already given.
 *
 * @example
 * createCustomer(20261123, 0, Date.UTC(2026, 0, 5, 10), createRandom(1));
 * // { id: '…', externalId: 'customer-000001', email: 'milica.jovanovic1@example.com', locale: 'sr', … }
 */
export function createCustomer(seed: number, index: number, firstSeen: number, random: Random): CustomerRow {
  const locale = pickLocale(random);
  const name = customerName(locale, random);
  const local = pickPattern(random)(asciiName(name.first, locale), asciiName(name.last, locale));
  const seen = new Date(firstSeen);
  return {
    id: customerId(seed, index),
    externalId: `customer-${String(index + 1).padStart(6, '0')}`,
    email: `${local}${index + 1}@${pickDomain(random)}`,
    name: name.full,
    locale,
    createdAt: seen,
    updatedAt: seen,
  };
}

/**
 * Chooses which earlier customer a returning ticket belongs to: half the time anyone (long-standing
 * customers), half the time weighted towards recent ones (a problem often brings a second ticket).
 *
 * @example
 * pickReturningCustomer(1000, createRandom(1)); // an index in [0, 999]
 */
export function pickReturningCustomer(count: number, random: Random): number {
  if (random.chance(0.5)) return random.int(0, count - 1);
  return count - 1 - Math.floor(count * Math.pow(random.next(), 3));
}
