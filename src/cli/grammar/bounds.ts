/** The bounds every option of the grammar is checked against (uint256, uint64, the calendar). */

/** 2^256 - 1: the largest token id, uid, quantity or amount a contract can hold. */
export const UINT256_MAX = (1n << 256n) - 1n;
/** 2^64 - 1: the contracts' time fields (`validFrom`, `validUntil`) are uint64. */
export const UINT64_MAX = (1n << 64n) - 1n;
/** 1e9 ether in wei: more ether than exists (about 1.2e8), so a larger ETH amount is a typo. */
export const MAX_ETH_WEI = 10n ** 27n;
/** 9999-12-31T23:59:59Z in unix seconds: the last time an ISO date can write (and `Date` can print). */
export const MAX_TIME = 253_402_300_799n;
