/**
 * The Seaport 1.6 that mintkit installs is mainnet's: CREATE2 through the ImmutableCreate2Factory puts a
 * contract at keccak256(0xff ++ factory ++ salt ++ keccak256(creationCode)), so the canonical addresses
 * are a commitment to the exact creation code deployed on every chain. The generated creation code
 * (rebuilt from seaport-core by scripts/generate-seaport.mjs) and the recorded ones must derive them.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getContractAddress, keccak256 } from "viem";
import { CONDUIT_CONTROLLER_ADDRESS, SEAPORT_V1_6_ADDRESS, seaportAbi } from "../../src/index.js";
import { installSeaport, seaportCanonicalDeployment as canonical, seaportInitCode } from "../../src/node.js";

const create2 = (from: `0x${string}`, salt: `0x${string}`, bytecode: `0x${string}`) =>
  getContractAddress({ opcode: "CREATE2", from, salt, bytecode });

describe("market: Seaport 1.6 bytecode is mainnet's", () => {
  it("the creation codes derive the canonical addresses", () => {
    const factory = canonical.IMMUTABLE_CREATE2_FACTORY_ADDRESS;
    expect(create2(factory, canonical.SEAPORT_V1_6_SALT, seaportInitCode())).to.equal(SEAPORT_V1_6_ADDRESS);
    expect(create2(factory, canonical.CONDUIT_CONTROLLER_SALT, canonical.conduitControllerCreationCode)).to.equal(CONDUIT_CONTROLLER_ADDRESS);
    expect(
      create2(canonical.INEFFICIENT_IMMUTABLE_CREATE2_FACTORY_ADDRESS, canonical.IMMUTABLE_CREATE2_FACTORY_SALT, canonical.immutableCreate2FactoryCreationCode),
    ).to.equal(factory);
  });

  it("installs by the keyless CREATE2 path on a fresh chain; the runtime differs from a CREATE deployment only in the two immutables bound to the address (domain separator, TSTORE probe)", async () => {
    const { viem } = await network.create();
    const publicClient = await viem.getPublicClient();
    const [wallet] = await viem.getWalletClients();
    const result = await installSeaport({ publicClient, walletClient: wallet! });
    expect(result.installed).to.equal(true);
    // the keyless transaction, the funding, the inefficient factory, the factory, the controller, Seaport
    expect(result.transactionHashes).to.have.length(6);
    for (const address of [canonical.KEYLESS_CREATE2_ADDRESS, canonical.INEFFICIENT_IMMUTABLE_CREATE2_FACTORY_ADDRESS, canonical.IMMUTABLE_CREATE2_FACTORY_ADDRESS]) {
      expect(await publicClient.getCode({ address })).to.not.equal(undefined);
    }
    const canonicalRuntime = (await publicClient.getCode({ address: SEAPORT_V1_6_ADDRESS }))!;
    // The same creation code deployed elsewhere by CREATE: same length; the bytes differ only where the
    // domain separator and the TSTORE probe's address (both bound to the address) sit.
    const hash = await wallet!.sendTransaction({ data: seaportInitCode() });
    const { contractAddress } = await publicClient.waitForTransactionReceipt({ hash });
    const elsewhere = (await publicClient.getCode({ address: contractAddress! }))!;
    expect(elsewhere.length).to.equal(canonicalRuntime.length);
    const [, separatorHere] = await publicClient.readContract({ address: SEAPORT_V1_6_ADDRESS, abi: seaportAbi, functionName: "information" });
    const [, separatorThere] = await publicClient.readContract({ address: contractAddress!, abi: seaportAbi, functionName: "information" });
    expect(separatorHere).to.not.equal(separatorThere);
    // Seaport 1.6's constructor also creates a tiny contract that probes TSTORE support, at
    // CREATE(seaport, nonce 1), and keeps its address as an immutable.
    const probe = (from: `0x${string}`) => getContractAddress({ from, nonce: 1n }).slice(2).toLowerCase();
    expect(await publicClient.getCode({ address: getContractAddress({ from: SEAPORT_V1_6_ADDRESS, nonce: 1n }) })).to.not.equal(undefined);
    const patched = elsewhere
      .split(separatorThere.slice(2))
      .join(separatorHere.slice(2))
      .split(probe(contractAddress!))
      .join(probe(SEAPORT_V1_6_ADDRESS));
    expect(keccak256(patched as `0x${string}`)).to.equal(keccak256(canonicalRuntime));
  });
});
