/**
 * What `mintkit access …` adds to the one exit-code table (`../exitCodes.ts`): the help lines of its codes.
 * A refusal at the door is `ExitCode.refused` (6); every error goes through `exitCodeFor` like any command.
 * Light at import (no viem).
 */
export const accessExitCodesHelp = [
  "Exit codes of access commands (see mintkit --help for the full table):",
  "  0    admitted (check) / done (challenge, prove)",
  "  1    check-in store locked, corrupt or unavailable (node:sqlite needs Node >= 22.13)",
  "  2    bad input: options, a damaged or oversized payload, an unreadable QR image",
  "  3    chain unreachable",
  "  6    refused at the door (the reason code is printed: NOT_HOLDER, EXPIRED, ALREADY_CHECKED_IN, …)",
].join("\n");
