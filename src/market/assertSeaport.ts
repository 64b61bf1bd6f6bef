import { encodeAbiParameters, getAddress, isAddressEqual, keccak256, toHex, type Address, type Client, type Hash } from "viem";
import { getCode, readContract } from "viem/actions";
import { seaportAbi } from "./generated/seaportAbi.js";
import { marketRead, marketReadOrThrow } from "./chainRead.js";
import { marketError } from "./marketProblem.js";
import { seaportDomain } from "./orderTypes.js";
import { SEAPORT_DOMAIN_VERSION } from "./seaportAddresses.js";

/**
 * Checks that `seaport` is Seaport 1.6 on this chain and that its EIP-712 domain is the one mintkit signs
 * for (`information()`: version "1.6" and the domain separator of this chain id and address). Throws
 * `MARKET_SEAPORT_NOT_DEPLOYED` otherwise.
 *
 * @example
 * await assertSeaport(publicClient, { seaport: SEAPORT_V1_6_ADDRESS, chainId: 31337 });
 */
export async function assertSeaport(client: Client, parameters: { readonly seaport: Address; readonly chainId: number }): Promise<void> {
  const { seaport, chainId } = parameters;
  const notDeployed = () => marketError("MARKET_SEAPORT_NOT_DEPLOYED", { seaport: getAddress(seaport), chainId });
  const code = await marketReadOrThrow("getCode(seaport)", () => getCode(client, { address: seaport }));
  if (code === undefined || code === "0x") throw notDeployed();
  const info = await marketRead(
    "Seaport information()",
    () => readContract(client, { address: seaport, abi: seaportAbi, functionName: "information" }),
    undefined,
  );
  if (info === undefined) throw notDeployed();
  const [version, domainSeparator, conduitController] = info;
  const expected = domainSeparatorOf(chainId, seaport);
  if (version !== SEAPORT_DOMAIN_VERSION || domainSeparator !== expected || isAddressEqual(conduitController, seaport)) throw notDeployed();
}

const EIP712_DOMAIN_TYPEHASH = keccak256(toHex("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"));

/** The EIP-712 domain separator of Seaport 1.6 at `seaport` on `chainId`. */
export function domainSeparatorOf(chainId: number, seaport: Address): Hash {
  const domain = seaportDomain(chainId, seaport);
  return keccak256(
    encodeAbiParameters(
      [{ type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }, { type: "address" }],
      [EIP712_DOMAIN_TYPEHASH, keccak256(toHex(domain.name)), keccak256(toHex(domain.version)), BigInt(chainId), seaport],
    ),
  );
}
