import { createPublicClient, createWalletClient, http, parseEther, type Hex, type PrivateKeyAccount } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { devAccount0 } from "../batch/helpers.js";

/**
 * A fresh key funded with 100 ETH by dev account 0 on the chain at `rpcUrl`. Tests that run the CLI on a chain id
 * other than 31337/1337 sign with it: the CLI refuses Hardhat's well-known dev keys there, whatever their source.
 */
export async function fundedKey(rpcUrl: string): Promise<{ key: Hex; account: PrivateKeyAccount }> {
  const key = generatePrivateKey();
  const account = privateKeyToAccount(key);
  const wallet = createWalletClient({ account: devAccount0, transport: http(rpcUrl) });
  const hash = await wallet.sendTransaction({ to: account.address, value: parseEther("100"), chain: null });
  await createPublicClient({ transport: http(rpcUrl) }).waitForTransactionReceipt({ hash, pollingInterval: 50 });
  return { key, account };
}
