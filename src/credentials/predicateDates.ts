import { CredentialError } from "../errors/CredentialError.js";
import { ageOverName, daysInMonth, toYmd, type CalendarDate, type Ymd } from "./deriveAgeClaims.js";

/** Days from 1970-01-01 to the civil date `y-m-d` (proleptic Gregorian; H. Hinnant's `days_from_civil`). */
function daysFromCivil({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of day `days` since 1970-01-01 (H. Hinnant's `civil_from_days`). */
function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * A calendar date as days since 1970-01-01 (UTC): how a provable birth date is stored (`uint64 birth_date`).
 * Dates before 1970 are not provable (values are unsigned). Throws `CREDENTIAL_INVALID_DATE`.
 *
 * @example
 * dayNumber("2008-02-29"); // 13938
 */
export function dayNumber(date: CalendarDate): number {
  const days = daysFromCivil(toYmd(date, "date"));
  if (days < 0) {
    throw new CredentialError("CREDENTIAL_INVALID_DATE", `The date ${String(date)} is before 1970-01-01.`, {
      hint: "Provable dates are days since 1970-01-01 (unsigned): use a date from 1970 on.",
      details: { value: typeof date === "string" ? date : date.toISOString().slice(0, 10), reason: "before 1970-01-01" },
    });
  }
  return days;
}

/** The `"YYYY-MM-DD"` date of day `days` since 1970-01-01. */
export function dayToDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today (UTC, or at unix second `now`) as days since 1970-01-01. */
export function today(now: number = Math.floor(Date.now() / 1000)): number {
  return Math.floor(now / 86_400);
}

/**
 * The latest birth date (days since 1970-01-01) of someone at least `age` years old on day `onDay`: so
 * "over `age` on `onDay`" is `birth_date <= ageBoundaryDay(onDay, age)`. The same calendar rules as
 * {@link ageOnDate} with 29 February birthdays falling on 1 March in common years: the boundary is the same
 * month and day `age` years earlier, and 29 February of a common year becomes 28 February.
 * The predicate gate contract computes the same boundary on chain (`PredicateDates.ageBoundaryDay`).
 *
 * @example
 * dayToDate(ageBoundaryDay(dayNumber("2026-03-01"), 18)); // "2008-03-01": born 2008-02-29 is 18 on 2026-03-01
 */
export function ageBoundaryDay(onDay: number, age: number): number {
  ageOverName(age); // throws CREDENTIAL_INVALID_AGE for anything but 0..99
  const on = civilFromDays(onDay);
  const year = on.year - age;
  const day = Math.min(on.day, daysInMonth(year, on.month));
  return daysFromCivil({ year, month: on.month, day });
}
