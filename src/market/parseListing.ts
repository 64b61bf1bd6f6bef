import { getAddress, isAddress, isHex, type Address, type Hex } from "viem";
import { marketError } from "./marketProblem.js";
import type { ConsiderationItem, OfferItem, SignedListing } from "./orderTypes.js";
import { SEAPORT_V1_6_ADDRESS } from "./seaportAddresses.js";

type Problem = { path: string; message: string };
const UINT256_MAX = (1n << 256n) - 1n;

/**
 * Reads a signed Seaport order from OpenSea Orders API JSON (text or parsed): `{ parameters, signature,
 * protocol_address }` (mintkit adds `chain_id`), or seaport-js's `OrderWithCounter` (`{ parameters,
 * signature }`, Seaport 1.6 at its canonical address assumed). Amounts may be numbers, decimal or hex
 * strings. Every problem is listed in one `MARKET_INVALID_ORDER_FILE`.
 *
 * @example
 * const listing = parseListing(await readFile("order.json", "utf8"));
 */
export function parseListing(input: unknown): SignedListing {
  const problems: Problem[] = [];
  let value = input;
  if (typeof input === "string") {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw marketError("MARKET_INVALID_ORDER_FILE", { problems: [{ path: "$", message: `not JSON (${(error as Error).message})` }] });
    }
  }
  const root = record(value, "$", problems) ?? {};
  const p = record(root.parameters, "parameters", problems) ?? {};
  const address = (v: unknown, path: string): Address => {
    if (typeof v === "string" && isAddress(v, { strict: false })) return getAddress(v);
    problems.push({ path, message: "must be an address" });
    return "0x0000000000000000000000000000000000000000";
  };
  const uint = (v: unknown, path: string): bigint => {
    try {
      if ((typeof v === "number" && Number.isSafeInteger(v)) || (typeof v === "string" && /^(0x[0-9a-fA-F]+|\d+)$/.test(v))) {
        const n = BigInt(v);
        if (n >= 0n && n <= UINT256_MAX) return n;
      }
    } catch {
      // reported below
    }
    problems.push({ path, message: "must be a non-negative integer (number, decimal or 0x-hex string)" });
    return 0n;
  };
  const bytes32 = (v: unknown, path: string): Hex => {
    if (typeof v === "string" && isHex(v) && v.length === 66) return v.toLowerCase() as Hex;
    problems.push({ path, message: "must be 32 bytes of 0x-hex" });
    return `0x${"0".repeat(64)}`;
  };
  const item = (v: unknown, path: string): OfferItem => {
    const r = record(v, path, problems) ?? {};
    return {
      itemType: Number(uint(r.itemType, `${path}.itemType`)),
      token: address(r.token, `${path}.token`),
      identifierOrCriteria: uint(r.identifierOrCriteria, `${path}.identifierOrCriteria`),
      startAmount: uint(r.startAmount, `${path}.startAmount`),
      endAmount: uint(r.endAmount, `${path}.endAmount`),
    };
  };
  const list = (v: unknown, path: string): unknown[] => {
    if (Array.isArray(v)) return v;
    problems.push({ path, message: "must be an array" });
    return [];
  };
  const offer = list(p.offer, "parameters.offer").map((v, i) => item(v, `parameters.offer[${i}]`));
  const consideration: ConsiderationItem[] = list(p.consideration, "parameters.consideration").map((v, i) => ({
    ...item(v, `parameters.consideration[${i}]`),
    recipient: address((v as Record<string, unknown> | null)?.recipient, `parameters.consideration[${i}].recipient`),
  }));
  const signature = typeof root.signature === "string" && isHex(root.signature) ? (root.signature as Hex) : undefined;
  if (signature === undefined) problems.push({ path: "signature", message: "must be 0x-hex" });
  const seaport = root.protocol_address === undefined ? SEAPORT_V1_6_ADDRESS : address(root.protocol_address, "protocol_address");
  let chainId: number | undefined;
  if (root.chain_id !== undefined) {
    chainId = Number(uint(root.chain_id, "chain_id"));
  }
  const listing: SignedListing = {
    parameters: {
      offerer: address(p.offerer, "parameters.offerer"),
      zone: address(p.zone, "parameters.zone"),
      offer,
      consideration,
      orderType: Number(uint(p.orderType, "parameters.orderType")),
      startTime: uint(p.startTime, "parameters.startTime"),
      endTime: uint(p.endTime, "parameters.endTime"),
      zoneHash: bytes32(p.zoneHash, "parameters.zoneHash"),
      salt: uint(p.salt, "parameters.salt"),
      conduitKey: bytes32(p.conduitKey, "parameters.conduitKey"),
      counter: uint(p.counter ?? 0, "parameters.counter"),
      totalOriginalConsiderationItems:
        p.totalOriginalConsiderationItems === undefined ? BigInt(consideration.length) : uint(p.totalOriginalConsiderationItems, "parameters.totalOriginalConsiderationItems"),
    },
    signature: signature ?? "0x",
    seaport,
    chainId,
  };
  if (problems.length > 0) throw marketError("MARKET_INVALID_ORDER_FILE", { problems });
  return listing;
}

function record(v: unknown, path: string, problems: Problem[]): Record<string, unknown> | undefined {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  problems.push({ path, message: "must be an object" });
  return undefined;
}
