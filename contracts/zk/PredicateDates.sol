// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title PredicateDates
 * @notice Calendar arithmetic for age predicates on birth dates kept as days since 1970-01-01 (proleptic
 * Gregorian, UTC). The same rules as mintkit's `ageBoundaryDay` in the library: "at least `age` years old on
 * day `onDay`" means `birthDay <= ageBoundaryDay(onDay, age)`, the same month and day `age` years earlier;
 * 29 February of a common year becomes 28 February (a 29 February birthday falls on 1 March in common years).
 * Conversions are H. Hinnant's `days_from_civil` / `civil_from_days`, valid from 1970 on.
 */
library PredicateDates {
    /// @notice A date computed for a predicate falls before 1970-01-01 (no birth date kept as days can be that early).
    error PredicateDateBeforeEpoch();

    /// @notice The latest birth day of someone at least `age` years old on day `onDay`. Reverts with
    /// {PredicateDateBeforeEpoch} when that day would be before 1970-01-01.
    function ageBoundaryDay(uint256 onDay, uint256 age) internal pure returns (uint256) {
        (uint256 year, uint256 month, uint256 day) = civilFromDays(onDay);
        if (age > year) revert PredicateDateBeforeEpoch();
        year -= age;
        if (month == 2 && day == 29 && !isLeapYear(year)) day = 28;
        return daysFromCivil(year, month, day);
    }

    /// @notice Whether `year` is a Gregorian leap year.
    function isLeapYear(uint256 year) internal pure returns (bool) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /// @notice Days from 1970-01-01 to `year-month-day`. Reverts with {PredicateDateBeforeEpoch} before 1970.
    function daysFromCivil(uint256 year, uint256 month, uint256 day) internal pure returns (uint256) {
        uint256 fromYearZero;
        unchecked {
            uint256 y = month <= 2 ? year - 1 : year;
            uint256 era = y / 400;
            uint256 yoe = y - era * 400;
            uint256 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
            uint256 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
            fromYearZero = era * 146097 + doe;
        }
        if (fromYearZero < 719468) revert PredicateDateBeforeEpoch();
        return fromYearZero - 719468;
    }

    /// @notice The date `(year, month, day)` of day `dayNumber` since 1970-01-01.
    function civilFromDays(uint256 dayNumber) internal pure returns (uint256 year, uint256 month, uint256 day) {
        unchecked {
            uint256 z = dayNumber + 719468;
            uint256 era = z / 146097;
            uint256 doe = z - era * 146097;
            uint256 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            uint256 mp = (5 * doy + 2) / 153;
            day = doy - (153 * mp + 2) / 5 + 1;
            month = mp < 10 ? mp + 3 : mp - 9;
            year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        }
    }
}
