// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {PredicateDates} from "../zk/PredicateDates.sol";

/// @notice {PredicateDates} agrees with the library's `ageBoundaryDay` / `dayNumber` (vectors computed there) and
/// its day conversions round-trip.
contract PredicateDatesTest is TestBase {
    function test_ageBoundaryVectorsMatchTheLibrary() public pure {
        // (on day, age) -> boundary, from src/credentials/predicateDates.ts
        assertEq(PredicateDates.ageBoundaryDay(21243, 18), 14668, "2028-02-29 - 18y = 2010-02-28 (no 29 Feb in 2010)");
        assertEq(PredicateDates.ageBoundaryDay(20513, 18), 13939, "2026-03-01 - 18y = 2008-03-01 (a 29 Feb 2008 birth is 18)");
        assertEq(PredicateDates.ageBoundaryDay(20512, 18), 13937, "2026-02-28 - 18y = 2008-02-28 (a 29 Feb 2008 birth is not yet 18)");
        assertEq(PredicateDates.ageBoundaryDay(20791, 21), 13121, "2026-12-04 - 21y");
        assertEq(PredicateDates.ageBoundaryDay(11016, 21), 3345, "2000-02-29 - 21y = 1979-02-28");
        assertEq(PredicateDates.ageBoundaryDay(47541, 99), 11382, "2100-03-01 - 99y");
    }

    function testFuzz_daysRoundTrip(uint256 day) public pure {
        day = bound(day, 0, 3_000_000); // beyond year 9999
        (uint256 y, uint256 m, uint256 d) = PredicateDates.civilFromDays(day);
        assertTrue(m >= 1 && m <= 12 && d >= 1 && d <= 31, "a real month and day");
        assertEq(PredicateDates.daysFromCivil(y, m, d), day, "round trip");
    }

    function testFuzz_boundaryIsAgeYearsEarlier(uint256 day, uint256 age) public pure {
        day = bound(day, 36_525, 2_000_000);
        age = bound(age, 0, 99);
        uint256 boundary = PredicateDates.ageBoundaryDay(day, age);
        (uint256 y, uint256 m, uint256 d) = PredicateDates.civilFromDays(day);
        (uint256 by, uint256 bm, uint256 bd) = PredicateDates.civilFromDays(boundary);
        assertEq(by, y - age, "year");
        assertEq(bm, m, "month");
        assertTrue(bd == d || (m == 2 && d == 29 && bd == 28), "day, or 28 Feb for a 29 Feb that does not exist");
    }
}
