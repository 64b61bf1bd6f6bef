import { getAddress, isAddress, isHex, size, type Address, type Hex } from "viem";
import { voucherError } from "./voucherProblem.js";
import { SIGNED_VOUCHER_TYPE, SIGNED_VOUCHER_VERSION, type SignedVoucher } from "./signedVoucher.js";
import { validateVoucher, type VoucherFieldProblem } from "./validateVoucher.js";
import { voucherTypes, type Voucher } from "./voucherTypes.js";

const TOP_LEVEL_KEYS = new Set(["type", "version", "chainId", "contract", "signer", "signature", "voucher"]);
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Reads a signed-voucher file (its JSON text, or the already parsed value): checks the format tag and
 * version, every address, the signature bytes, the chain id and every voucher field, and returns the
 * `SignedVoucher` with bigints and checksummed addresses. Throws `VOUCHER_INVALID_FILE` listing every
 * problem at once (`error.details.problems`, each with its JSON path), never a partial result.
 *
 * @example
 * const signed = parseSignedVoucher(await readFile("voucher.json", "utf8"));
 * const { valid, problems } = await verifyVoucher(publicClient, { ...signed, signedFor: signed });
 */
export function parseSignedVoucher(input: string | unknown): SignedVoucher {
  let json: unknown = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw voucherError(
        "VOUCHER_INVALID_FILE",
        { problems: [{ path: "$", message: `is not JSON (${(error as Error).message})` }] },
        error,
      );
    }
  }
  const problems: VoucherFieldProblem[] = [];
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw voucherError("VOUCHER_INVALID_FILE", { problems: [{ path: "$", message: "must be a JSON object" }] });
  }
  const file = json as Record<string, unknown>;
  if (file.type !== SIGNED_VOUCHER_TYPE) {
    problems.push({ path: "type", message: `must be "${SIGNED_VOUCHER_TYPE}", got ${JSON.stringify(file.type) ?? "nothing"}` });
  }
  if (file.version !== SIGNED_VOUCHER_VERSION) {
    problems.push({
      path: "version",
      message:
        typeof file.version === "number" && file.version > SIGNED_VOUCHER_VERSION
          ? `is ${file.version}, newer than this mintkit reads (${SIGNED_VOUCHER_VERSION}): upgrade mintkit`
          : `must be ${SIGNED_VOUCHER_VERSION}, got ${JSON.stringify(file.version) ?? "nothing"}`,
    });
  }
  const chainId = file.chainId;
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0) {
    problems.push({ path: "chainId", message: `must be a positive integer, got ${JSON.stringify(chainId) ?? "nothing"}` });
  }
  const contract = readAddress(file.contract, "contract", problems);
  const signer = readAddress(file.signer, "signer", problems);
  const signature = file.signature;
  if (typeof signature !== "string" || !isHex(signature, { strict: true }) || signature.length % 2 !== 0 || size(signature) === 0) {
    problems.push({ path: "signature", message: "must be 0x-prefixed hex bytes (65 bytes for an account's signature)" });
  }
  for (const key of Object.keys(file)) {
    if (!TOP_LEVEL_KEYS.has(key)) problems.push({ path: key, message: "is not a signed-voucher field" });
  }
  const voucher = readVoucher(file.voucher, problems);
  if (problems.length > 0 || voucher === undefined || contract === undefined || signer === undefined) {
    throw voucherError("VOUCHER_INVALID_FILE", { problems });
  }
  return { chainId: chainId as number, contract, signer, signature: signature as Hex, voucher };
}

function readAddress(value: unknown, path: string, problems: VoucherFieldProblem[]): Address | undefined {
  if (typeof value === "string" && isAddress(value, { strict: true })) return getAddress(value);
  problems.push({
    path,
    message: `must be an address (0x + 40 hex digits, checksummed or lowercase), got ${JSON.stringify(value) ?? "nothing"}`,
  });
  return undefined;
}

function readVoucher(value: unknown, problems: VoucherFieldProblem[]): Voucher | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ path: "voucher", message: "must be an object with the voucher's fields" });
    return undefined;
  }
  const raw = value as Record<string, unknown>;
  const converted: Record<string, unknown> = { ...raw };
  const before = problems.length;
  for (const field of voucherTypes.Voucher) {
    const path = `voucher.${field.name}`;
    const fieldValue = raw[field.name];
    if (fieldValue === undefined) {
      problems.push({ path, message: "is missing" });
    } else if (field.type.startsWith("uint")) {
      if (typeof fieldValue === "string" && DECIMAL.test(fieldValue)) converted[field.name] = BigInt(fieldValue);
      else problems.push({ path, message: `must be a decimal string (${field.type}), got ${JSON.stringify(fieldValue)}` });
    } else if (field.type === "address" && typeof fieldValue === "string" && isAddress(fieldValue, { strict: true })) {
      converted[field.name] = getAddress(fieldValue);
    }
  }
  // Ranges, address and string checks, unknown fields: skip what was already reported above.
  const reported = new Set(problems.slice(before).map((p) => p.path));
  for (const problem of validateVoucher(converted as unknown as Voucher)) {
    if (!reported.has(problem.path)) problems.push(problem);
  }
  return problems.length === before ? (converted as unknown as Voucher) : undefined;
}
