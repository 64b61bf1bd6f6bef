/**
 * Printing for the CLI: results to stdout (human text, or JSON with `--json`), notes and errors to
 * stderr, so `mintkit … --json | jq` always gets clean JSON. Light module (no viem).
 */

/** What a command returns to be printed. */
export interface CommandResult {
  /** Machine-readable result: printed as JSON with `--json` (bigints become decimal strings). */
  readonly data: unknown;
  /** Human-readable lines for the default output. Without it, `data` is printed as `key: value` lines. */
  readonly text?: string | readonly string[];
}

/**
 * JSON text of any value: bigints as decimal strings, `Uint8Array` as 0x-hex, `Map`/`Set` as
 * object/array, `Error` as `{ name, message }`. Two-space indented.
 */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, jsonReplacer, indent);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString("hex")}`;
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    // CIDs and similar objects print as their string form.
    const asString = (value as { toString?: () => string }).toString;
    if (
      typeof asString === "function" &&
      asString !== Object.prototype.toString &&
      !Array.isArray(value) &&
      Object.getPrototypeOf(value) !== Object.prototype
    ) {
      return asString.call(value);
    }
  }
  return value;
}

/** Writes to a stream and resolves once the chunk is handed to the OS. */
export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/** Prints a command's result on stdout: JSON when `json` is true, else its text (or `key: value` lines). */
export async function printResult(result: CommandResult, json: boolean): Promise<void> {
  if (json) {
    await write(process.stdout, `${toJson(result.data)}\n`);
    return;
  }
  const lines = result.text === undefined ? formatKeyValues(result.data) : ([] as string[]).concat(result.text);
  if (lines.length > 0) await write(process.stdout, `${lines.join("\n")}\n`);
}

/** `key: value` lines for a plain object (nested objects as JSON), or the JSON of anything else. */
export function formatKeyValues(data: unknown): string[] {
  if (data === undefined || data === null) return [];
  if (typeof data !== "object" || Array.isArray(data)) return [toJson(data)];
  const entries = Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => {
    const text = typeof v === "object" && v !== null ? toJson(v, 0) : String(v);
    return `${`${k}:`.padEnd(width + 1)} ${text}`;
  });
}

/**
 * A progress or status note for humans, on stderr (never on stdout, which carries the result).
 * Silent with `--json` unless `force` is set.
 */
export function note(json: boolean, message: string, force = false): void {
  if (json && !force) return;
  process.stderr.write(`${message}\n`);
}

/** Formats a wei amount as ETH with up to 6 decimals, e.g. `0.000123 ETH`. Light (no viem). */
export function formatEth(wei: bigint, decimals = 6): string {
  const negative = wei < 0n;
  const abs = negative ? -wei : wei;
  const unit = 10n ** 18n;
  const whole = abs / unit;
  const scale = 10n ** BigInt(18 - decimals);
  let fraction = ((abs % unit) + scale / 2n) / scale; // rounded
  let wholePart = whole;
  if (fraction >= 10n ** BigInt(decimals)) {
    wholePart += 1n;
    fraction -= 10n ** BigInt(decimals);
  }
  const fractionText = fraction.toString().padStart(decimals, "0").replace(/0+$/, "");
  if (fraction === 0n && abs !== 0n && wholePart === 0n) return `${negative ? "-" : ""}<0.${"0".repeat(decimals - 1)}1 ETH`;
  return `${negative ? "-" : ""}${wholePart}${fractionText ? `.${fractionText}` : ""} ETH`;
}
