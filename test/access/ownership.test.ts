/**
 * Two-step ownership (CreatorAccess) on every contract that inherits it: MintkitCollection,
 * MintkitEditions and CredentialRegistry. A handover names a pending owner who must accept; the owner can
 * cancel it; when an account becomes owner, the roles it had been granted are revoked, so after it hands
 * ownership on it keeps nothing it was not granted again.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, toHex, zeroAddress, type Address, type Hex } from "viem";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";

const { viem, networkHelpers } = await network.connect();
const [ownerWallet, alice, bob, carol] = await viem.getWalletClients();
const as = (w: typeof alice) => ({ account: w!.account });
const O = getAddress(ownerWallet!.account.address);
const A = getAddress(alice!.account.address);
const B = getAddress(bob!.account.address);
const C = getAddress(carol!.account.address);
const ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const ISSUER_ROLE = keccak256(toHex("ISSUER_ROLE"));

async function collection() {
  return { address: (await viem.deployContract("MintkitCollection", [benchConfig(O)])).address, roles: [ADMIN_ROLE, MINTER_ROLE] };
}
async function editions() {
  return { address: (await viem.deployContract("MintkitEditions", [editionsConfig(O)])).address, roles: [ADMIN_ROLE, MINTER_ROLE] };
}
async function registry() {
  const c = await viem.deployContract("CredentialRegistry", [
    { owner: O, name: "mintkit credentials", symbol: "MKC", baseURI: "ipfs://bafyschemas/", contractURI: "" },
  ]);
  return { address: c.address, roles: [ADMIN_ROLE, ISSUER_ROLE] };
}

for (const [name, fixture] of [
  ["MintkitCollection", collection],
  ["MintkitEditions", editions],
  ["CredentialRegistry", registry],
] as const) {
  describe(`two-step ownership: ${name}`, function () {
    async function load() {
      // The three ABIs share CreatorAccess's functions: use them through one contract type.
      const { address, roles } = await networkHelpers.loadFixture(fixture);
      return { c: await viem.getContractAt("MintkitCollection", address), roles };
    }
    const roleHolders = async (c: Awaited<ReturnType<typeof load>>["c"], roles: readonly Hex[], account: Address) =>
      Promise.all(roles.map((role) => c.read.hasRole([role, account])));

    it("transferOwnership only names a pending owner; it becomes owner when it accepts", async function () {
      const { c } = await load();
      await viem.assertions.emitWithArgs(c.write.transferOwnership([A]), c, "OwnershipTransferStarted", [O, A]);
      expect(await c.read.owner()).to.equal(O);
      expect(await c.read.pendingOwner()).to.equal(A);
      // a typo'd or wrong account cannot take it; the owner keeps every power meanwhile
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.acceptOwnership(as(bob)), c, "OwnableUnauthorizedAccount", [B]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.acceptOwnership(), c, "OwnableUnauthorizedAccount", [O]);
      expect(await c.read.hasRole([ADMIN_ROLE, O])).to.equal(true);
      await viem.assertions.emitWithArgs(c.write.acceptOwnership(as(alice)), c, "OwnershipTransferred", [O, A]);
      expect(await c.read.owner()).to.equal(A);
      expect(await c.read.pendingOwner()).to.equal(zeroAddress);
      expect(await c.read.hasRole([ADMIN_ROLE, O])).to.equal(false);
      // accepting twice is not possible
      await viem.assertions.revertWithCustomError(c.write.acceptOwnership(as(alice)), c, "OwnableUnauthorizedAccount");
    });

    it("the owner can cancel or replace a pending handover; only the owner starts or cancels one", async function () {
      const { c } = await load();
      await viem.assertions.revertWithCustomError(c.write.cancelOwnershipTransfer(), c, "NoPendingOwner");
      await c.write.transferOwnership([A]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.cancelOwnershipTransfer(as(alice)), c, "OwnableUnauthorizedAccount", [A]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferOwnership([B], as(alice)), c, "OwnableUnauthorizedAccount", [A]);
      await viem.assertions.emitWithArgs(c.write.cancelOwnershipTransfer(), c, "OwnershipTransferCancelled", [O, A]);
      expect(await c.read.pendingOwner()).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomError(c.write.acceptOwnership(as(alice)), c, "OwnableUnauthorizedAccount");
      // naming another account replaces the pending one
      await c.write.transferOwnership([A]);
      await c.write.transferOwnership([B]);
      await viem.assertions.revertWithCustomError(c.write.acceptOwnership(as(alice)), c, "OwnableUnauthorizedAccount");
      await c.write.acceptOwnership(as(bob));
      expect(await c.read.owner()).to.equal(B);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferOwnership([zeroAddress], as(bob)), c, "OwnableInvalidOwner", [zeroAddress]);
    });

    it("renouncing withdraws a pending handover", async function () {
      const { c } = await load();
      await c.write.transferOwnership([A]);
      await c.write.renounceOwnership();
      expect(await c.read.owner()).to.equal(zeroAddress);
      expect(await c.read.pendingOwner()).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomError(c.write.acceptOwnership(as(alice)), c, "OwnableUnauthorizedAccount");
    });

    it("an account's granted roles are revoked when it becomes owner: after it leaves it keeps none", async function () {
      const { c, roles } = await load();
      for (const role of roles) await c.write.grantRole([role, A]);
      expect(await roleHolders(c, roles, A)).to.deep.equal(roles.map(() => true));
      await c.write.transferOwnership([A]);
      const hash = c.write.acceptOwnership(as(alice));
      for (const role of roles) await viem.assertions.emitWithArgs(hash, c, "RoleRevoked", [role, A, A]);
      expect(await roleHolders(c, roles, A)).to.deep.equal(roles.map(() => true)); // implicitly, as owner
      // the former owner O kept nothing (it could not be granted a role while owner)
      expect(await roleHolders(c, roles, O)).to.deep.equal(roles.map(() => false));
      // A hands over to B: A keeps nothing, although it was granted every role before it was owner
      await c.write.transferOwnership([B], as(alice));
      await c.write.acceptOwnership(as(bob));
      expect(await roleHolders(c, roles, A)).to.deep.equal(roles.map(() => false));
      expect(await roleHolders(c, roles, B)).to.deep.equal(roles.map(() => true));
      // a role granted to A again by the new owner is A's again, and cleared again if A becomes owner
      await c.write.grantRole([roles[1]!, A], as(bob));
      expect(await c.read.hasRole([roles[1]!, A])).to.equal(true);
      await c.write.transferOwnership([A], as(bob));
      await c.write.acceptOwnership(as(alice));
      await c.write.transferOwnership([C], as(alice));
      await c.write.acceptOwnership(as(carol));
      expect(await roleHolders(c, roles, A)).to.deep.equal(roles.map(() => false));
    });

    it("another account's grants are untouched by a handover", async function () {
      const { c, roles } = await load();
      await c.write.grantRole([roles[1]!, C]);
      await c.write.transferOwnership([A]);
      await c.write.acceptOwnership(as(alice));
      expect(await c.read.hasRole([roles[1]!, C])).to.equal(true);
    });
  });
}
