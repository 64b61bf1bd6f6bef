import { getAddress, keccak256, type Address, type Hash, type Hex } from "viem";
import { DeployError } from "../errors/DeployError.js";
import { hasCode, type DeployClients } from "./deployAndWait.js";

/**
 * The deterministic deployment proxy (Arachnid's, github.com/Arachnid/deterministic-deployment-proxy): a
 * CREATE2 deployer at the same address on nearly every EVM chain, installed by one presigned pre-EIP-155
 * transaction (no chain id in it, so it is valid everywhere). Call it with `salt (32 bytes) ‖ initCode`; it
 * creates the contract at `create2(0x4e59…956C, salt, keccak256(initCode))` and returns its address.
 */
export const deterministicDeployerAddress: Address = "0x4e59b44847b379578588920ca78fbf26c0b4956c";

/** The one-time signer of the presigned transaction (its only use: nonce 0 creates the deployer). */
export const deterministicDeployerSigner: Address = "0x3fAB184622Dc19b6109349B94811493BF2a45362";

/** The presigned deployment transaction (gas price 100 gwei, gas limit 100,000, v = 27, r = s = 0x2222…). */
export const deterministicDeployerTransaction: Hex =
  "0xf8a58085174876e800830186a08080b853604580600e600039806000f350fe7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf31ba02222222222222222222222222222222222222222222222222222222222222222a02222222222222222222222222222222222222222222222222222222222222222";

/** What the signer must hold for the presigned transaction: gas price × gas limit = 0.01 ETH. */
export const deterministicDeployerFunding = 100_000_000_000n * 100_000n;

/** The deployer's runtime code. */
export const deterministicDeployerCode: Hex =
  "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3";

export interface InstallDeterministicDeployerResult {
  readonly address: Address;
  /** False when the deployer was already there (nothing sent). */
  readonly installed: boolean;
  /** `"transaction"`: the presigned transaction was sent; `"setCode"`: the dev node's `hardhat_setCode` was used. */
  readonly method?: "transaction" | "setCode";
  /** The funding transaction (to the one-time signer) and the presigned one. */
  readonly transactionHashes: readonly Hash[];
  /** What this cost the wallet, in wei: the funding sent to the signer plus the funding transaction's fee. */
  readonly cost: bigint;
}

/**
 * Installs the deterministic deployment proxy on a chain that lacks it — a local dev chain, or a new chain —
 * the way it is installed everywhere: fund the one-time signer with 0.01 ETH (from the wallet), then broadcast
 * the presigned transaction. Hardhat's EDR accepts that pre-EIP-155 transaction; a node that refuses
 * unprotected transactions gets `hardhat_setCode` with the deployer's code instead (dev nodes only). Idempotent:
 * nothing is sent when the deployer is there.
 * @throws DeployError `DEPLOY_CODE_MISMATCH` when other code sits at the deployer's address, `DEPLOY_NO_DEPLOYER`
 *   when the chain takes neither the transaction nor `hardhat_setCode`.
 * @example
 * const { installed } = await installDeterministicDeployer({ publicClient, walletClient });
 */
export async function installDeterministicDeployer(clients: DeployClients): Promise<InstallDeterministicDeployerResult> {
  const { publicClient, walletClient } = clients;
  const address = getAddress(deterministicDeployerAddress);
  if (await hasCode(publicClient, address)) {
    await assertDeterministicDeployer(clients);
    return { address, installed: false, transactionHashes: [], cost: 0n };
  }
  const hashes: Hash[] = [];
  let cost = 0n;
  const balance = await publicClient.getBalance({ address: deterministicDeployerSigner });
  const nonce = await publicClient.getTransactionCount({ address: deterministicDeployerSigner });
  if (nonce === 0) {
    if (balance < deterministicDeployerFunding) {
      const value = deterministicDeployerFunding - balance;
      const hash = await walletClient.sendTransaction({
        to: deterministicDeployerSigner,
        value,
        account: walletClient.account,
        chain: walletClient.chain ?? null,
      });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      hashes.push(hash);
      cost += value + receipt.gasUsed * receipt.effectiveGasPrice;
    }
    try {
      const request = publicClient.request as unknown as (args: { method: string; params: unknown[] }) => Promise<Hash>;
      const hash = await request({ method: "eth_sendRawTransaction", params: [deterministicDeployerTransaction] });
      await publicClient.waitForTransactionReceipt({ hash });
      hashes.push(hash);
    } catch {
      // Refused (e.g. a node that only takes EIP-155 transactions): fall through to hardhat_setCode.
    }
    if (await hasCode(publicClient, address)) return { address, installed: true, method: "transaction", transactionHashes: hashes, cost };
  }
  try {
    const request = publicClient.request as unknown as (args: { method: string; params: unknown[] }) => Promise<unknown>;
    await request({ method: "hardhat_setCode", params: [address, deterministicDeployerCode] });
  } catch (err) {
    throw new DeployError(
      "DEPLOY_NO_DEPLOYER",
      `The deterministic deployer ${address} could not be installed on chain ${await publicClient.getChainId()}.`,
      {
        hint:
          nonce === 0
            ? "The node refused the presigned (pre-EIP-155) transaction and has no hardhat_setCode: allow unprotected transactions (geth: --rpc.allow-unprotected-txs) or ask the chain's operator to install it."
            : "Its one-time signer already used nonce 0 on this chain without creating it: ask the chain's operator for the deployer's address, it cannot be installed here.",
        details: { chainId: await publicClient.getChainId(), deployer: address, reason: nonce === 0 ? "refused" : "signer nonce used" },
        cause: err,
      },
    );
  }
  await assertDeterministicDeployer(clients);
  return { address, installed: true, method: "setCode", transactionHashes: hashes, cost };
}

/**
 * Checks that the deterministic deployer is on the chain with its exact code.
 * @throws DeployError `DEPLOY_NO_DEPLOYER` when absent, `DEPLOY_CODE_MISMATCH` when other code is there.
 */
export async function assertDeterministicDeployer(clients: Pick<DeployClients, "publicClient">): Promise<void> {
  const { publicClient } = clients;
  const code = await publicClient.getCode({ address: deterministicDeployerAddress });
  if (code === undefined || code === "0x") {
    const chainId = await publicClient.getChainId();
    throw new DeployError("DEPLOY_NO_DEPLOYER", `Chain ${chainId} has no deterministic deployer at ${getAddress(deterministicDeployerAddress)}.`, {
      hint:
        "mintkit deploys its factory through it, so the factory has one address on every chain. On a local chain run `mintkit dev` " +
        "(it installs it) or call installDeterministicDeployer(); on another chain, fund 0x3fAB184622Dc19b6109349B94811493BF2a45362 " +
        "with 0.01 ETH and broadcast the presigned transaction (see the README, \"One address on every chain\").",
      details: { chainId, deployer: getAddress(deterministicDeployerAddress), reason: "no code" },
    });
  }
  if (code.toLowerCase() !== deterministicDeployerCode) {
    throw new DeployError("DEPLOY_CODE_MISMATCH", `The code at ${getAddress(deterministicDeployerAddress)} is not the deterministic deployer's.`, {
      hint: "This chain has something else at the deployer's address: mintkit cannot place its contracts at their usual addresses here.",
      details: {
        contract: "DeterministicDeployer",
        address: getAddress(deterministicDeployerAddress),
        expectedCodeHash: keccak256(deterministicDeployerCode),
        actualCodeHash: keccak256(code),
      },
    });
  }
}
