import type { CellValue } from '../port.js';

/**
 * The lossless conversions of the CellValue contract (port.ts), written once for every engine.
 * Engines hand over what their driver gives (text, bigint, bytes) and never round through a float.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INTEGER_TEXT = /^[+-]?\d+$/;

/** An integer as a number inside ±(2^53 − 1), as its decimal text outside it. */
export function integerCell(value: bigint | number | string): CellValue {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : floatCell(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (!INTEGER_TEXT.test(text)) return text;
    return integerCell(BigInt(text));
  }
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
}

/** A float as a number; NaN and ±Infinity, which JSON cannot carry, as text. */
export function floatCell(value: number | string): CellValue {
  const number = typeof value === 'number' ? value : Number(value);
  if (typeof value === 'string' && Number.isNaN(number) && !/^nan$/i.test(value.trim())) return value;
  return Number.isFinite(number) ? number : String(number);
}

/** DECIMAL/NUMERIC always as text, so no digit is lost. */
export function decimalCell(value: string | number | bigint): CellValue {
  return typeof value === 'string' ? value : String(value);
}

/** Binary as `0x`-prefixed lowercase hex. */
export function hexCell(bytes: Uint8Array): string {
  return `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}

const TRUE_TEXT = new Set(['t', 'true', '1', 'y', 'yes', 'on']);
const FALSE_TEXT = new Set(['f', 'false', '0', 'n', 'no', 'off']);

/** Booleans from the spellings engines use; anything else stays as it was, so nothing is lost. */
export function booleanCell(value: string | number | bigint | boolean): CellValue {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (TRUE_TEXT.has(text)) return true;
  if (FALSE_TEXT.has(text)) return false;
  return typeof value === 'string' ? value : integerCell(value);
}

// `2024-02-29 13:45:30.120`, optionally with `T`, a fraction and a zone (`+00`, `+05:30`, `Z`).
const TIMESTAMP_TEXT =
  /^(\d{4,}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|[+-]\d{2}(?::?\d{2}){0,2})?$/i;

/** Trailing zeros of a fraction carry no information and differ per engine (`.120000` vs `.12`). */
function fraction(digits: string | undefined): string {
  const trimmed = (digits ?? '').replace(/0+$/, '');
  return trimmed ? `.${trimmed}` : '';
}

/** A zone-less timestamp as ISO 8601 without a zone: `2024-02-29T13:45:30.12`. Other text passes through. */
export function timestampCell(text: string): string {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match || match[4]) return text;
  return `${match[1]}T${match[2]}${fraction(match[3])}`;
}

/**
 * A zoned timestamp as ISO 8601 in UTC: `2024-02-29T13:45:30.12Z`. Sessions are opened in UTC, so the
 * offset is normally zero; any other offset is applied here. Text that is not a timestamp passes through.
 */
export function timestamptzCell(text: string): string {
  const match = TIMESTAMP_TEXT.exec(text.trim());
  if (!match) return text;
  const [, date, time, digits, zone] = match;
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === 0) return `${date}T${time}${fraction(digits)}Z`;
  const wholeSeconds = Date.parse(`${date}T${time}Z`);
  if (Number.isNaN(wholeSeconds)) return text;
  const utc = new Date(wholeSeconds - offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${utc}${fraction(digits)}Z`;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(/:/g, '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || '0');
  return sign * (hours * 60 + minutes);
}
