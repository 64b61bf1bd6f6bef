/** hashVoucher's direct computation against viem's EIP-712 hashTypedData (the contracts' digest is checked in vouchers.test.ts). */
import { expect } from "chai";
import { getAddress, hashTypedData, keccak256, toHex, type Address } from "viem";
import { createVoucher, hashVoucher, voucherDomain, voucherTypes, type Voucher } from "../../src/index.js";
import { VOUCHER_TYPEHASH } from "../../src/vouchers/hashVoucher.js";

/** A deterministic pseudo-random bigint below 2^bits. */
function pseudo(seed: string, bits: number): bigint {
  return BigInt(keccak256(toHex(seed))) & ((1n << BigInt(bits)) - 1n);
}
const address = (seed: string) => `0x${keccak256(toHex(seed)).slice(26)}` as Address;

describe("hashVoucher", () => {
  it("equals viem's hashTypedData for many vouchers, chains and contracts (checksummed or lowercase addresses)", () => {
    for (let i = 0; i < 60; i++) {
      const voucher: Voucher = createVoucher({
        to: i % 4 === 0 ? address(`to${i}`) : createVoucher({ uid: 0n }, { allowFreeBearer: true }).to,
        tokenId: pseudo(`id${i}`, i % 2 ? 256 : 16),
        quantity: pseudo(`q${i}`, 8),
        uri: i % 3 === 0 ? "" : `ipfs://bafy${i}/ünï 🎨 ${"x".repeat(i * 7)}.json`,
        price: pseudo(`p${i}`, 200),
        currency: address(`c${i}`),
        payee: getAddress(address(`pay${i}`)),
        royaltyReceiver: address(`r${i}`),
        royaltyBps: pseudo(`bps${i}`, 96),
        maxSupply: pseudo(`m${i}`, 256),
        validFrom: pseudo(`f${i}`, 64),
        validUntil: pseudo(`u${i}`, 64),
        uid: pseudo(`uid${i}`, 256),
      }, { allowFreeBearer: true });
      const chainId = [1, 31337, 8453, 2 ** 40][i % 4]!;
      const contract = address(`contract${i % 5}`);
      const expected = hashTypedData({ domain: voucherDomain(chainId, contract), types: voucherTypes, primaryType: "Voucher", message: voucher });
      expect(hashVoucher({ voucher, contract, chainId }), `voucher ${i}`).to.equal(expected);
    }
  });

  it("exports the contracts' TYPEHASH", () => {
    const type = `Voucher(${voucherTypes.Voucher.map((f) => `${f.type} ${f.name}`).join(",")})`;
    expect(VOUCHER_TYPEHASH).to.equal(keccak256(toHex(type)));
  });

  it("throws viem's validation error for a field out of its type, as hashTypedData does", () => {
    const contract = address("contract");
    const bad: Partial<Voucher>[] = [
      { royaltyBps: 2n ** 96n },
      { validUntil: 2n ** 64n },
      { quantity: -1n },
      { to: "0x1234" as Address },
      { currency: "0x00000000000000000000000000000000000000BB" as Address }, // bad checksum
    ];
    for (const fields of bad) {
      const voucher = createVoucher({ uid: 1n, ...fields }, { allowFreeBearer: true });
      expect(() => hashVoucher({ voucher, contract, chainId: 1 }), JSON.stringify(Object.keys(fields))).to.throw();
      expect(() => hashTypedData({ domain: voucherDomain(1, contract), types: voucherTypes, primaryType: "Voucher", message: voucher })).to.throw();
    }
  });
});
