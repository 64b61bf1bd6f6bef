import { VerifyError } from "../errors/VerifyError.js";
import type { StandardJsonInput, VerifiableContractName } from "./types.js";

/** The names of the contracts whose standard JSON input ships with mintkit. */
export const verifiableContractNames: readonly VerifiableContractName[] = ["MintkitCollection", "MintkitEditions", "CredentialRegistry", "MintkitFactory"];

export interface GetStandardJsonInputReturnType {
  readonly contractName: VerifiableContractName;
  /** `<source name>:<contract name>`, as Sourcify's `contractIdentifier` and Etherscan's `contractname` take it. */
  readonly contractIdentifier: string;
  /** solc's long version without the `v`: `0.8.30+commit.73712a01`. */
  readonly compilerVersion: string;
  /** The exact input the contract was compiled with (only the sources it imports). */
  readonly input: StandardJsonInput;
}

/**
 * The exact Solidity standard JSON input mintkit's build compiled `contractName` with, and solc's long
 * version: generated at build time from Hardhat's build-info (`src/contracts/standardJsonInputs.ts`), so
 * compiling it with that solc gives the bytecode in `src/contracts` byte for byte (metadata hash included).
 * The sources are loaded on first use. Browser-safe.
 * @throws VerifyError `VERIFY_INVALID_PARAMETER` for a name that is not one of mintkit's contracts.
 * @example
 * const { input, compilerVersion, contractIdentifier } = await getStandardJsonInput("MintkitCollection");
 */
export async function getStandardJsonInput(contractName: VerifiableContractName): Promise<GetStandardJsonInputReturnType> {
  if (!verifiableContractNames.includes(contractName)) {
    throw new VerifyError("VERIFY_INVALID_PARAMETER", `"${String(contractName)}" is not one of mintkit's contracts.`, {
      hint: `Use one of ${verifiableContractNames.join(", ")}.`,
      details: { field: "contractName", value: String(contractName), reason: "unknown contract" },
    });
  }
  const { verifyContracts, verifySources } = await import("../contracts/standardJsonInputs.js");
  const contract = verifyContracts[contractName];
  const sources: Record<string, { content: string }> = {};
  for (const name of contract.sources) sources[name] = { content: verifySources[name] as string };
  return {
    contractName,
    contractIdentifier: contract.contractIdentifier,
    compilerVersion: contract.compilerVersion,
    input: {
      language: "Solidity",
      sources,
      settings: {
        ...contract.settings,
        outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object", "metadata"] } },
      },
    },
  };
}
