/**
 * UTC calendar arithmetic on day numbers (days since 1970-01-01), so the generator never depends on
 * the machine's time zone.
 */
const DAY_MS = 86_400_000;

/** @param {string} text YYYY-MM-DD */
export function dayOf(text) {
  return Math.round(Date.parse(`${text}T00:00:00Z`) / DAY_MS);
}

/** @param {number} day */
export function dateText(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A timestamp `YYYY-MM-DD HH:MM:SS` from a day number and seconds into that day. */
export function timestampText(day, seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return new Date(day * DAY_MS + whole * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Month number (0-based) and year of a day. @param {number} day */
export function monthOf(day) {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

/** The first day of the month `offset` months after the one holding `day`. */
export function monthStart(day, offset = 0) {
  const { year, month } = monthOf(day);
  return Math.round(Date.UTC(year, month + offset, 1) / DAY_MS);
}

/** The same day of the month `months` later, clamped to the month's end (Jan 31 + 1 → Feb 28). */
export function addMonths(day, months) {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.round(target.getTime() / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. @param {number} day */
export function weekday(day) {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}
