/**
 * The option grammar of every `mintkit` command: amounts (`0.01eth`, `20gwei`, `123wei`; a bare number is
 * refused), times (ISO dates, `+7d`, unix seconds), whole numbers (counts, ids, uids) and "address or recorded
 * name". Each kind fails with one error code (exit code 2). Node-free apart from the resolver's deployments read.
 */
export { MAX_ETH_WEI, MAX_TIME, UINT256_MAX, UINT64_MAX } from "./bounds.js";
export { parseAmount, type ParseAmountParameters } from "./parseAmount.js";
export { parseTime, TIME_UNITS, type ParseTimeParameters } from "./parseTime.js";
export { parseUint, type ParseUintParameters } from "./parseUint.js";
export { parseAddress } from "./parseAddress.js";
export { resolveAddressOrName, type RecordedKind, type ResolveAddressOrNameParameters } from "./resolveAddressOrName.js";
