/** The signed-voucher file format: serializeSignedVoucher / parseSignedVoucher, and a file through verify + redeem. */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, parseEther, type Address, type Hex } from "viem";
import {
  SIGNED_VOUCHER_TYPE,
  createVoucher,
  isVoucherError,
  parseSignedVoucher,
  redeemVoucher,
  serializeSignedVoucher,
  signVoucher,
  verifyVoucher,
  type SignedVoucher,
  type Voucher,
} from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";

const MAX_UINT256 = 2n ** 256n - 1n;
const A = "0x00000000000000000000000000000000000000aa" as Address;

const sample: SignedVoucher = {
  chainId: 31337,
  contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  signer: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  signature: `0x${"11".repeat(64)}1b` as Hex,
  voucher: createVoucher({
    to: A,
    tokenId: 7n,
    quantity: 3n,
    uri: "ipfs://bafkreih7tnwpvg3lpnjw4uwh4sbsfadxhv4pdmmwyr2ukprv7plbwgvhyy/ünï 🎨.json",
    price: MAX_UINT256,
    royaltyBps: 2n ** 96n - 1n,
    validFrom: 1_700_000_000n,
    validUntil: 2n ** 64n - 1n,
    uid: MAX_UINT256,
  }, { allowFreeBearer: true }),
};

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(isVoucherError(error, "VOUCHER_INVALID_FILE"), String(error)).to.equal(true);
    return [...(error as { details: { problems: { path: string; message: string }[] } }).details.problems];
  }
  return expect.fail("expected VOUCHER_INVALID_FILE");
}

describe("signed-voucher files", function () {
  it("round-trips every field exactly (bigints as decimal strings, checksummed addresses, versioned)", function () {
    const text = serializeSignedVoucher(sample);
    const json = JSON.parse(text) as Record<string, unknown> & { voucher: Record<string, unknown> };
    expect(json.type).to.equal(SIGNED_VOUCHER_TYPE);
    expect(json.version).to.equal(1);
    expect(json.contract).to.equal(getAddress(sample.contract));
    expect(json.voucher.uid).to.equal(MAX_UINT256.toString());
    expect(json.voucher.to).to.equal(getAddress(A));
    expect(text.endsWith("\n")).to.equal(true);
    const parsed = parseSignedVoucher(text);
    expect(parsed).to.deep.equal({
      ...sample,
      contract: getAddress(sample.contract),
      signer: getAddress(sample.signer),
      voucher: { ...sample.voucher, to: getAddress(A) },
    });
    expect(parseSignedVoucher(json)).to.deep.equal(parsed); // an already-parsed object reads the same
  });

  it("lists every problem of a bad file at once, each with its path", function () {
    const json = JSON.parse(serializeSignedVoucher(sample)) as Record<string, unknown> & { voucher: Record<string, unknown> };
    const broken = {
      ...json,
      version: 2,
      chainId: -1,
      signer: "0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266x",
      signature: "0x123",
      extra: true,
      voucher: { ...json.voucher, tokenId: 7, quantity: "-1", royaltyBps: (2n ** 96n).toString(), uid: undefined, payee: "nobody", color: "red" },
    };
    const paths = problemsOf(() => parseSignedVoucher(JSON.stringify(broken))).map((p) => p.path);
    expect(paths.sort()).to.deep.equal(
      [
        "version",
        "chainId",
        "signer",
        "signature",
        "extra",
        "voucher.tokenId",
        "voucher.quantity",
        "voucher.royaltyBps",
        "voucher.uid",
        "voucher.payee",
        "voucher.color",
      ].sort(),
    );
    const newer = problemsOf(() => parseSignedVoucher({ ...json, version: 2 }));
    expect(newer[0]!.message).to.match(/upgrade mintkit/);
  });

  it("rejects what is not JSON, not an object, or not a signed voucher", function () {
    expect(problemsOf(() => parseSignedVoucher("{ not json"))[0]!.path).to.equal("$");
    expect(problemsOf(() => parseSignedVoucher("[1, 2]"))[0]!.message).to.match(/object/);
    expect(problemsOf(() => parseSignedVoucher({})).map((p) => p.path)).to.include.members([
      "type",
      "version",
      "chainId",
      "contract",
      "signer",
      "signature",
      "voucher",
    ]);
  });

  it("refuses to write an invalid voucher, listing its problems", function () {
    const bad = { ...sample, voucher: { ...sample.voucher, quantity: -1n, validFrom: 2n ** 64n } as Voucher };
    expect(problemsOf(() => serializeSignedVoucher(bad)).map((p) => p.path)).to.deep.equal(["voucher.quantity", "voucher.validFrom"]);
    expect(problemsOf(() => serializeSignedVoucher({ ...sample, chainId: 0 })).map((p) => p.path)).to.deep.equal(["chainId"]);
  });

  it("a file signed on chain goes through verify (its chain and contract checked) and redeem", async function () {
    const { viem } = await network.create();
    const publicClient = await viem.getPublicClient();
    const [owner, buyer] = await viem.getWalletClients();
    const chainId = await publicClient.getChainId();
    const collection = await viem.deployContract("MintkitCollection", [benchConfig(owner!.account.address)]);
    const voucher = createVoucher({ uid: 1n, price: parseEther("0.001") });
    const signature = await signVoucher(owner!, { voucher, contract: collection.address, chainId });
    const file = serializeSignedVoucher({ voucher, signature, signer: owner!.account.address, contract: collection.address, chainId });

    const signed = parseSignedVoucher(file);
    expect((await verifyVoucher(publicClient, { ...signed, signedFor: signed })).valid).to.equal(true);
    const otherChain = parseSignedVoucher(file.replace(`"chainId": ${chainId}`, '"chainId": 11155111'));
    const result = await verifyVoucher(publicClient, { ...otherChain, signedFor: otherChain });
    expect(result.problems.map((p) => p.code)).to.include("VOUCHER_WRONG_CHAIN");

    const { tokenIds } = await redeemVoucher(buyer!, publicClient, signed);
    expect(tokenIds).to.deep.equal([1n]);
  });
});
