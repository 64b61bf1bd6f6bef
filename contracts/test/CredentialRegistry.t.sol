// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {CredentialRegistry} from "../identity/CredentialRegistry.sol";
import {CreatorAccess} from "../access/CreatorAccess.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {IERC5484} from "../interfaces/IERC5484.sol";

/// @notice Registry behaviour under fuzzed inputs: records round-trip exactly (the packed record word is
/// written in assembly), soulbound paths always revert, burns follow the burn authorization, clones init once.
contract CredentialRegistryTest is TestBase {
    CredentialRegistry internal registry;

    address internal constant ISSUER = address(0x1550E);
    address internal constant ADMIN = address(0xAD);
    address internal constant HOLDER = address(0xA11CE);
    address internal constant STRANGER = address(0xBAD);
    bytes32 internal constant ROOT = keccak256("claims root");

    function setUp() public {
        registry = new CredentialRegistry(_config(address(this)));
        registry.grantRole(registry.ISSUER_ROLE(), ISSUER);
        registry.grantRole(registry.DEFAULT_ADMIN_ROLE(), ADMIN);
        string[] memory fields = new string[](2);
        fields[0] = "bool age_over_18";
        fields[1] = "string nationality";
        vm.prank(ISSUER);
        registry.registerSchema("KYC", fields);
        vm.warp(1_800_000_000);
    }

    function _config(address owner) internal pure returns (CredentialRegistry.Config memory) {
        return CredentialRegistry.Config(owner, "mintkit credentials", "MKC", "ipfs://schemas/", "ipfs://contract");
    }

    function _issue(address to, IERC5484.BurnAuth auth) internal returns (uint256 id) {
        vm.prank(ISSUER);
        id = registry.issue(to, 1, ROOT, 0, auth);
    }

    function test_interfaceIdsMatchTheEips() public view {
        assertTrue(type(IERC5192).interfaceId == 0xb45a3c0e, "ERC-5192 id");
        assertTrue(type(IERC5484).interfaceId == 0x0489b56f, "ERC-5484 id");
        assertTrue(registry.supportsInterface(0xb45a3c0e), "5192");
        assertTrue(registry.supportsInterface(0x0489b56f), "5484");
        assertTrue(registry.supportsInterface(type(IERC721).interfaceId), "721");
        assertTrue(registry.supportsInterface(type(IAccessControl).interfaceId), "AccessControl");
    }

    /// @dev Issue with any holder, schema, root, expiry and burnAuth at any time: the record reads back exactly,
    /// the id encodes holder/schema/serial, Locked and Issued are emitted.
    function testFuzz_issueRecordsExactly(address to, bytes32 root, uint40 expiry, uint8 authRaw, uint40 now_)
        public
    {
        vm.assume(to != address(0) && root != bytes32(0));
        now_ = uint40(bound(now_, 1, type(uint40).max - 1));
        vm.warp(now_);
        if (expiry != 0) expiry = uint40(bound(expiry, uint256(now_) + 1, type(uint40).max));
        IERC5484.BurnAuth auth = IERC5484.BurnAuth(bound(authRaw, 0, 3));
        uint256 expectedId = (uint256(uint160(to)) << 96) | (uint256(1) << 64);

        vm.expectEmit(address(registry));
        emit IERC721.Transfer(address(0), to, expectedId);
        vm.expectEmit(address(registry));
        emit IERC5192.Locked(expectedId);
        vm.expectEmit(address(registry));
        emit IERC5484.Issued(ISSUER, to, expectedId, auth);
        vm.prank(ISSUER);
        uint256 id = registry.issue(to, 1, root, expiry, auth);

        assertEq(id, expectedId, "id layout");
        CredentialRegistry.Credential memory c = registry.credential(id);
        assertEq(c.holder, to, "holder");
        assertEq(c.issuer, ISSUER, "issuer");
        assertEq(c.schemaId, 1, "schema");
        assertEq(c.issuedAt, now_, "issuedAt");
        assertEq(c.expiry, expiry, "expiry");
        assertTrue(!c.revoked, "not revoked");
        assertTrue(c.burnAuth == auth, "burnAuth");
        assertEq(c.claimsRoot, root, "root");
        assertEq(registry.ownerOf(id), to, "ownerOf");
        assertEq(registry.balanceOf(to), 1, "balance");
        assertTrue(registry.locked(id), "locked");
        assertTrue(registry.burnAuth(id) == auth, "burnAuth()");
        assertTrue(registry.isValid(id), "valid");

        // Revoking flips exactly the revoked flag.
        vm.prank(ISSUER);
        registry.revoke(id, "fuzz");
        CredentialRegistry.Credential memory r = registry.credential(id);
        assertTrue(r.revoked && !registry.isValid(id), "revoked");
        assertEq(r.issuer, ISSUER, "issuer kept");
        assertEq(r.issuedAt, now_, "issuedAt kept");
        assertEq(r.expiry, expiry, "expiry kept");
        assertTrue(r.burnAuth == auth, "burnAuth kept");

        // The holder's next credential takes the next serial.
        vm.prank(ISSUER);
        assertEq(registry.issue(to, 1, root, 0, auth), expectedId | 1, "next serial");
    }

    /// @dev No caller can move or approve a credential, with any arguments.
    function testFuzz_soulboundPathsAlwaysRevert(address caller, address to, uint256 anyId, bytes calldata data, bool approved)
        public
    {
        uint256 id = _issue(HOLDER, IERC5484.BurnAuth.Both);
        for (uint256 k; k < 2; ++k) {
            uint256 tokenId = k == 0 ? id : anyId;
            address from = k == 0 ? HOLDER : caller;
            vm.prank(caller);
            vm.expectRevert(CredentialRegistry.Soulbound.selector);
            registry.transferFrom(from, to, tokenId);
            vm.prank(caller);
            vm.expectRevert(CredentialRegistry.Soulbound.selector);
            registry.safeTransferFrom(from, to, tokenId);
            vm.prank(caller);
            vm.expectRevert(CredentialRegistry.Soulbound.selector);
            registry.safeTransferFrom(from, to, tokenId, data);
            vm.prank(caller);
            vm.expectRevert(CredentialRegistry.Soulbound.selector);
            registry.approve(to, tokenId);
        }
        vm.prank(caller);
        vm.expectRevert(CredentialRegistry.Soulbound.selector);
        registry.setApprovalForAll(to, approved);
        assertEq(registry.ownerOf(id), HOLDER, "still the holder's");
        assertTrue(!registry.isApprovedForAll(HOLDER, caller), "no operator");
        assertEq(registry.getApproved(id), address(0), "no approval");
    }

    /// @dev Burn succeeds exactly when ERC-5484 says so, for the issuer, the holder, an admin and a stranger.
    function testFuzz_burnFollowsBurnAuth(uint8 authRaw, uint8 callerRaw) public {
        IERC5484.BurnAuth auth = IERC5484.BurnAuth(bound(authRaw, 0, 3));
        uint256 who = bound(callerRaw, 0, 3);
        address caller = who == 0 ? ISSUER : who == 1 ? HOLDER : who == 2 ? ADMIN : STRANGER;
        uint256 id = _issue(HOLDER, auth);
        bool allowed = (auth == IERC5484.BurnAuth.IssuerOnly && caller == ISSUER)
            || (auth == IERC5484.BurnAuth.OwnerOnly && caller == HOLDER)
            || (auth == IERC5484.BurnAuth.Both && (caller == ISSUER || caller == HOLDER));
        vm.prank(caller);
        if (!allowed) {
            vm.expectRevert(abi.encodeWithSelector(CredentialRegistry.BurnNotAuthorized.selector, id, caller, auth));
            registry.burn(id);
            assertEq(registry.ownerOf(id), HOLDER, "kept");
        } else {
            vm.expectEmit(address(registry));
            emit IERC721.Transfer(HOLDER, address(0), id);
            registry.burn(id);
            assertEq(registry.balanceOf(HOLDER), 0, "burned");
            assertTrue(!registry.isValid(id), "gone");
            vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, id));
            registry.ownerOf(id);
        }
    }

    function test_onlyIssuerOrAdminRevokes() public {
        uint256 id = _issue(HOLDER, IERC5484.BurnAuth.IssuerOnly);
        address other = address(0x2222);
        registry.grantRole(registry.ISSUER_ROLE(), other);
        vm.prank(other);
        vm.expectRevert(abi.encodeWithSelector(CredentialRegistry.NotCredentialIssuer.selector, id, other));
        registry.revoke(id, "not mine");
        vm.expectEmit(address(registry));
        emit CredentialRegistry.CredentialRevoked(id, ADMIN, "admin");
        vm.prank(ADMIN);
        registry.revoke(id, "admin");
        vm.prank(ISSUER);
        vm.expectRevert(abi.encodeWithSelector(CredentialRegistry.AlreadyRevoked.selector, id));
        registry.revoke(id, "again");
    }

    function test_reissueLinksBothWays() public {
        uint256 oldId = _issue(HOLDER, IERC5484.BurnAuth.OwnerOnly);
        address newHolder = address(0xB0B);
        uint256 newId = (uint256(uint160(newHolder)) << 96) | (uint256(1) << 64);
        vm.expectEmit(address(registry));
        emit CredentialRegistry.CredentialRevoked(oldId, ISSUER, "reissued");
        vm.expectEmit(address(registry));
        emit IERC721.Transfer(address(0), newHolder, newId);
        vm.expectEmit(address(registry));
        emit IERC5192.Locked(newId);
        vm.expectEmit(address(registry));
        emit IERC5484.Issued(ISSUER, newHolder, newId, IERC5484.BurnAuth.OwnerOnly);
        vm.expectEmit(address(registry));
        emit CredentialRegistry.CredentialReissued(oldId, newId, ISSUER);
        vm.prank(ISSUER);
        assertEq(registry.reissue(oldId, newHolder), newId, "new id");
        assertEq(registry.replacedBy(oldId), newId, "replacedBy");
        assertEq(registry.replaces(newId), oldId, "replaces");
        assertTrue(!registry.isValid(oldId) && registry.isValid(newId), "validity moved");
        assertEq(registry.credential(newId).claimsRoot, ROOT, "root carried over");
        vm.prank(ISSUER);
        vm.expectRevert(abi.encodeWithSelector(CredentialRegistry.AlreadyReplaced.selector, oldId, newId));
        registry.reissue(oldId, address(0xCAFE));
    }

    function test_constructorRejectsZeroOwner() public {
        vm.expectRevert(abi.encodeWithSelector(CreatorAccess.OwnableInvalidOwner.selector, address(0)));
        new CredentialRegistry(_config(address(0)));
    }

    function test_cloneInitializesOnceAndWorks() public {
        CredentialRegistry clone = CredentialRegistry(Clones.clone(address(registry)));
        vm.expectRevert(abi.encodeWithSelector(CreatorAccess.OwnableInvalidOwner.selector, address(0)));
        clone.initialize(_config(address(0)));
        clone.initialize(_config(ADMIN));
        assertEq(clone.owner(), ADMIN, "clone owner");
        assertEq(clone.schemaCount(), 0, "fresh schemas");
        vm.expectRevert(CredentialRegistry.AlreadyInitialized.selector);
        clone.initialize(_config(STRANGER));
        // The implementation itself was initialized by its constructor.
        vm.expectRevert(CredentialRegistry.AlreadyInitialized.selector);
        registry.initialize(_config(STRANGER));
        // The clone works on its own storage: the owner registers a schema and issues.
        string[] memory fields = new string[](1);
        fields[0] = "bool member";
        vm.startPrank(ADMIN);
        uint32 schemaId = clone.registerSchema("Membership", fields);
        uint256 id = clone.issue(HOLDER, schemaId, ROOT, 0, IERC5484.BurnAuth.Both);
        vm.stopPrank();
        assertEq(clone.ownerOf(id), HOLDER, "clone holder");
        assertEq(registry.balanceOf(HOLDER), 0, "implementation untouched");
        assertEq(clone.name(), "mintkit credentials", "name");
    }

    function test_nonIssuerCannotIssueOrRegister() public {
        string[] memory fields = new string[](1);
        fields[0] = "bool x";
        bytes memory denied = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, STRANGER, registry.ISSUER_ROLE()
        );
        vm.prank(STRANGER);
        vm.expectRevert(denied);
        registry.issue(HOLDER, 1, ROOT, 0, IERC5484.BurnAuth.Both);
        vm.prank(STRANGER);
        vm.expectRevert(denied);
        registry.registerSchema("X", fields);
    }
}
