/**
 * The option grammar (src/cli/grammar): amounts, times and whole numbers, table-driven. Each bad value must
 * fail with its kind's one error code and say what was wrong; each good value must read exactly.
 */
import { expect } from "chai";
import { isCliError } from "../../src/errors/CliError.js";
import { MAX_TIME, parseAmount, parseTime, parseUint, UINT256_MAX } from "../../src/cli/grammar/index.js";

const NOW = 1_800_000_000n;

function failure(run: () => unknown): { code: string; message: string; hint: string } {
  try {
    run();
  } catch (error) {
    if (isCliError(error)) return { code: error.code, message: error.shortMessage, hint: error.hint ?? "" };
    throw error;
  }
  throw new Error("expected an error, got a value");
}

describe("cli grammar", () => {
  describe("parseAmount", () => {
    const good: ReadonlyArray<readonly [string, bigint, { decimals: number }?]> = [
      ["0.01eth", 10n ** 16n],
      ["1ETH", 10n ** 18n],
      ["0.5 eth", 5n * 10n ** 17n],
      ["20gwei", 20n * 10n ** 9n],
      ["1.5gwei", 1_500_000_000n],
      ["123wei", 123n],
      ["1_000wei", 1000n],
      [".5eth", 5n * 10n ** 17n],
      ["0", 0n],
      ["0.0", 0n],
      ["1000000000eth", 10n ** 27n], // 1e9 ETH: the bound itself
      ["2.5token", 2_500_000n, { decimals: 6 }],
      ["2500000units", 2_500_000n, { decimals: 6 }],
    ];
    for (const [text, wei, token] of good) {
      it(`reads "${text}"${token ? ` (${token.decimals}-decimal token)` : ""} as ${wei}`, () => {
        expect(parseAmount(text, { field: "--price", ...(token ? { token } : {}) })).to.equal(wei);
      });
    }
    const bad: ReadonlyArray<readonly [string, RegExp, { decimals: number }?]> = [
      ["1", /has no unit/],
      ["0.01", /has no unit/],
      ["-1eth", /cannot be negative/],
      ["-1", /cannot be negative/],
      ["cheap", /is not an amount/],
      ["1e80", /is not an amount/],
      ["1e80eth", /is not an amount/],
      ["0.1.2eth", /is not an amount/],
      ["5dollars", /unknown unit "dollars"/],
      ["1.5wei", /more decimals than its unit allows \(0\)/],
      ["0.0000000000000000001eth", /more decimals than its unit allows \(18\)/],
      ["1000000001eth", /more ether than exists/],
      [`${"9".repeat(80)}wei`, /more ether than exists/],
      [`${"9".repeat(80)}units`, /over the largest amount/, { decimals: 6 }],
      ["1eth", /not in ETH/, { decimals: 6 }],
      ["1token", /no ERC-20 currency/],
    ];
    for (const [text, reason, token] of bad) {
      it(`refuses "${text}"${token ? " for a token" : ""} with CLI_INVALID_AMOUNT: ${reason.source}`, () => {
        const e = failure(() => parseAmount(text, { field: "--price", ...(token ? { token } : {}) }));
        expect(e.code).to.equal("CLI_INVALID_AMOUNT");
        expect(e.message).to.match(reason);
        expect(e.message).to.contain("--price");
        expect(e.hint).to.not.equal("");
      });
    }
    it("a bare number's hint shows it with a unit", () => {
      expect(failure(() => parseAmount("0.01", { field: "--price" })).hint).to.contain("0.01eth");
    });
  });

  describe("parseTime", () => {
    const good: ReadonlyArray<readonly [string, bigint]> = [
      ["+7d", NOW + 7n * 86_400n],
      ["+12h", NOW + 12n * 3600n],
      ["+30m", NOW + 1800n],
      ["+5s", NOW + 5n],
      ["+1y", NOW + 365n * 86_400n],
      ["+0s", NOW],
      ["1900000000", 1_900_000_000n],
      ["0", 0n],
      ["2027-01-31", 1_801_353_600n],
      ["2027-01-31T12:00:00Z", 1_801_396_800n],
      ["2027-01-31T12:00", 1_801_396_800n], // no offset: UTC
      ["2027-01-31T14:00:00+02:00", 1_801_396_800n],
      ["9999-12-31T23:59:59Z", MAX_TIME],
      ["1970-01-01", 0n],
    ];
    for (const [text, seconds] of good) {
      it(`reads "${text}" as ${seconds}`, () => {
        expect(parseTime(text, { field: "--valid-until", now: NOW })).to.equal(seconds);
      });
    }
    const bad: ReadonlyArray<readonly [string, RegExp]> = [
      ["-5", /before 1970/],
      ["99999999999999", /after the year 9999/],
      ["+99999999999d", /after the year 9999/],
      ["+7w", /unknown unit "w"/],
      ["+1fortnight", /unknown unit "fortnight"/],
      ["next tuesday", /is not a time/],
      ["2027-02-30", /not a calendar date/],
      ["2027-01-31T25:00", /not a calendar date/],
      ["1969-12-31", /before 1970/],
      ["", /is not a time/],
    ];
    for (const [text, reason] of bad) {
      it(`refuses "${text}" with CLI_INVALID_TIME: ${reason.source}`, () => {
        const e = failure(() => parseTime(text, { field: "--valid-until", now: NOW }));
        expect(e.code).to.equal("CLI_INVALID_TIME");
        expect(e.message).to.match(reason);
        expect(e.hint).to.not.equal("");
      });
    }
    it("suggests +5s for -5", () => {
      expect(failure(() => parseTime("-5", { field: "--valid-from", now: NOW })).hint).to.contain("+5s");
    });
  });

  describe("parseUint", () => {
    const good: ReadonlyArray<readonly [string, bigint]> = [
      ["0", 0n],
      ["1_000", 1000n],
      ["0xff", 255n],
      [UINT256_MAX.toString(), UINT256_MAX],
    ];
    for (const [text, n] of good) {
      it(`reads "${text.slice(0, 20)}" as ${n.toString().slice(0, 20)}`, () => {
        expect(parseUint(text, { field: "--token-id" })).to.equal(n);
      });
    }
    const bad: ReadonlyArray<readonly [string, RegExp, { min?: bigint; max?: bigint }?]> = [
      ["-1", /non-negative integer/],
      ["one", /non-negative integer/],
      ["1.5", /non-negative integer/],
      [(UINT256_MAX + 1n).toString(), /2\^256-1 \(uint256\)/],
      ["1".padEnd(90, "0"), /2\^256-1 \(uint256\).*90 digits/],
      ["0", /between 1 and/, { min: 1n }],
      ["11", /between 0 and 10/, { max: 10n }],
    ];
    for (const [text, reason, bounds] of bad) {
      it(`refuses "${text.slice(0, 20)}" with CLI_INVALID_INPUT: ${reason.source}`, () => {
        const e = failure(() => parseUint(text, { field: "--token-id", ...bounds }));
        expect(e.code).to.equal("CLI_INVALID_INPUT");
        expect(e.message).to.match(reason);
      });
    }
  });
});
