import { CredentialError } from "../errors/CredentialError.js";

/** A calendar date: `"YYYY-MM-DD"` (ISO 8601), or a `Date` whose UTC year, month and day are taken. */
export type CalendarDate = string | Date;

/** How a 29 February birthday falls in a common year. */
export type LeapDayBirthday = "mar1" | "feb28";

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function toYmd(date: CalendarDate, label: string): Ymd {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) {
      throw new CredentialError("CREDENTIAL_INVALID_DATE", `The ${label} is an invalid Date.`, {
        hint: 'Pass a valid Date or a "YYYY-MM-DD" string.',
        details: { value: String(date), reason: "invalid Date" },
      });
    }
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const match = ISO_DATE.exec(date);
  const ymd = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
  if (!ymd || ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new CredentialError("CREDENTIAL_INVALID_DATE", `The ${label} "${date}" is not a calendar date.`, {
      hint: 'Write dates as "YYYY-MM-DD" (e.g. "2008-02-29"); the day must exist in that month and year.',
      details: { value: date, reason: match ? "no such day" : "not YYYY-MM-DD" },
    });
  }
  return ymd;
}

/**
 * A person's age in whole years on `onDate`, by calendar dates (no time of day, no time zone: a `Date` is
 * read in UTC). Someone born on 29 February has their birthday on 1 March in common years (`"mar1"`, the
 * default, as in the UK and most civil codes that say so) or on 28 February (`"feb28"`, as in New Zealand).
 * Throws `CREDENTIAL_INVALID_DATE` for a date that does not exist or a birth date after `onDate`.
 */
export function ageOnDate(birthDate: CalendarDate, onDate: CalendarDate, leapDayBirthday: LeapDayBirthday = "mar1"): number {
  const birth = toYmd(birthDate, "birth date");
  const on = toYmd(onDate, "issue date");
  let birthday = { month: birth.month, day: birth.day };
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(on.year)) {
    birthday = leapDayBirthday === "mar1" ? { month: 3, day: 1 } : { month: 2, day: 28 };
  }
  const hadBirthday = on.month > birthday.month || (on.month === birthday.month && on.day >= birthday.day);
  const age = on.year - birth.year - (hadBirthday ? 0 : 1);
  if (age < 0) {
    throw new CredentialError("CREDENTIAL_INVALID_DATE", "The birth date is after the issue date.", {
      hint: "Check the birth date and the issue date (both YYYY-MM-DD, UTC).",
      details: { value: typeof birthDate === "string" ? birthDate : birthDate.toISOString().slice(0, 10), reason: "after the issue date" },
    });
  }
  return age;
}

/** The ISO 18013-5 (mDL) claim name of an age threshold: `age_over_18`, `age_over_05`. */
export function ageOverName(age: number): `age_over_${string}` {
  if (!Number.isInteger(age) || age < 0 || age > 99) {
    throw new CredentialError("CREDENTIAL_INVALID_AGE", `Age threshold ${age} is not an integer from 0 to 99.`, {
      hint: "ISO mDL age predicates are age_over_NN with a two-digit NN: pass whole ages such as 18, 21, 65.",
      details: { age },
    });
  }
  return `age_over_${String(age).padStart(2, "0")}`;
}

/** The schema fields of age predicates, e.g. `["bool age_over_18", "bool age_over_21"]`. */
export function ageOverFields(ages: readonly number[]): `bool age_over_${string}`[] {
  return [...new Set(ages)].sort((a, b) => a - b).map((age) => `bool ${ageOverName(age)}` as const);
}

/**
 * Issuer-derived age predicates named as ISO 18013-5 (mDL) names them: for each threshold NN,
 * `age_over_NN` is `true` when the holder is at least NN years old on the issue date, `false` otherwise.
 * Dates are calendar dates in UTC (see {@link ageOnDate} for 29 February birthdays). A predicate states the
 * holder's age on the issue date: `true` stays true, while `false` may become outdated — reissue to update.
 *
 * @example
 * deriveAgeClaims({ birthDate: "2008-02-29", issueDate: "2026-03-01", ages: [18, 21] });
 * // { age_over_18: true, age_over_21: false }
 */
export function deriveAgeClaims(parameters: {
  birthDate: CalendarDate;
  /** Defaults to today (UTC). */
  issueDate?: CalendarDate;
  ages: readonly number[];
  leapDayBirthday?: LeapDayBirthday;
}): Record<`age_over_${string}`, boolean> {
  const age = ageOnDate(parameters.birthDate, parameters.issueDate ?? new Date(), parameters.leapDayBirthday);
  const claims: Record<`age_over_${string}`, boolean> = {};
  for (const threshold of [...new Set(parameters.ages)].sort((a, b) => a - b)) claims[ageOverName(threshold)] = age >= threshold;
  return claims;
}
