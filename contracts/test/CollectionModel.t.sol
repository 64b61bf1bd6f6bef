// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {MintkitCollection} from "../token/MintkitCollection.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";
import {LazyMint} from "../lazy/LazyMint.sol";

/**
 * @notice Model-based fuzz test: random single mints, batches (some crossing the range-record bound),
 * airdrops, reservations, voucher redemptions (next ids; explicit ids, reserved or not), cancelled
 * vouchers (next-id ones by uid, explicit-id ones by token id), transfers, approvals and burns;
 * after every sequence ownerOf / balanceOf / totalSupply / nextTokenId agree with a plain Solidity model.
 */
contract CollectionModelTest is TestBase {
    uint256 internal constant OWNER_KEY = 0xA11CE;
    uint256 internal constant HOLDERS = 5;

    MintkitCollection internal c;
    address internal creator;

    // The model.
    mapping(uint256 id => address) internal modelOwner; // zero: not existing
    mapping(uint256 id => bool) internal modelReserved; // reserved, not minted yet, not cancelled
    mapping(uint256 id => bool) internal modelCancelled; // reserved, then cancelled: never minted
    mapping(address => uint256) internal modelBalance;
    uint256 internal modelNext = 1;
    uint256 internal modelSupply;
    uint256 internal uidCounter;
    uint256[] internal reservedIds;

    function setUp() public {
        creator = vm.addr(OWNER_KEY);
        c = new MintkitCollection(
            MintkitCollection.Config({
                owner: creator,
                name: "Model",
                symbol: "MDL",
                baseURI: "ipfs://base/",
                contractURI: "ipfs://contract",
                maxSupply: 0,
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
    }

    function holder(uint256 r) internal pure returns (address) {
        return address(uint160(0x1000 + (r % HOLDERS)));
    }

    function testFuzz_modelAgrees(uint256 seed) public {
        uint256 steps = 6 + (seed % 14);
        for (uint256 i; i < steps; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            uint256 op = r % 10;
            r >>= 8;
            if (op == 0) _mint(holder(r));
            else if (op == 1) _batch(holder(r), (r >> 8) % 8 == 0 ? 1 + ((r >> 16) % 700) : 1 + ((r >> 16) % 120));
            else if (op == 2) _airdrop(r);
            else if (op == 3) _reserve(1 + (r >> 8) % 40);
            else if (op == 4) _redeemNext(holder(r), 1 + (r >> 8) % 3);
            else if (op == 5) _redeemExplicit(holder(r), r >> 8);
            else if (op == 6 || op == 7) _transfer(r);
            else if (op == 8) _approvedTransfer(r);
            else _burn(r);
        }
        _check();
    }

    /// @notice Longer runs (50-79 steps) whose batches often cross several bitmap words (257-1,300 ids, so
    /// split into several range records), with transfers, approvals, burns, reservations, redemptions and
    /// cancelled vouchers landing inside them; the model is checked halfway and at the end.
    function testFuzz_modelAgreesLongRuns(uint256 seed) public {
        uint256 steps = 50 + (seed % 30);
        for (uint256 i; i < steps; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i, "long")));
            uint256 op = r % 12;
            r >>= 8;
            if (op == 0) _mint(holder(r));
            else if (op == 1 || op == 2) _batch(holder(r), (r >> 8) % 3 == 0 ? 257 + ((r >> 16) % 1_044) : 1 + ((r >> 16) % 200));
            else if (op == 3) _airdrop(r);
            else if (op == 4) _reserve(1 + (r >> 8) % 40);
            else if (op == 5) _redeemNext(holder(r), 1 + (r >> 8) % 3);
            else if (op == 6) _redeemExplicit(holder(r), r >> 8);
            else if (op == 7 || op == 8) _transfer(r);
            else if (op == 9) _approvedTransfer(r);
            else if (op == 10) _burn(r);
            else _cancelledVoucher(holder(r), r >> 8);
            if (i == steps / 2) _check();
        }
        _check();
    }

    // ---- operations (each updates the model) ----

    /// @dev A voucher cancelled before redemption mints nothing: a next-id voucher by its uid; a voucher
    /// for a reserved id (maybe minted, burned or cancelled since) by its token id, which cancels a reserved,
    /// unminted id for good and leaves any other as it is.
    function _cancelledVoucher(address to, uint256 r) internal {
        uint256 tokenId = reservedIds.length != 0 && r % 2 == 0 ? reservedIds[(r >> 1) % reservedIds.length] : 0;
        LazyMintVoucher.Voucher memory v = _voucher(to, tokenId, 1);
        bytes memory sig = _sign(v);
        uint256[] memory ids = new uint256[](1);
        ids[0] = tokenId == 0 ? v.uid : tokenId;
        vm.prank(creator);
        if (tokenId == 0) {
            c.cancelVouchers(ids);
        } else {
            c.cancelReservedIds(ids);
            if (modelReserved[tokenId]) (modelReserved[tokenId], modelCancelled[tokenId]) = (false, true);
        }
        vm.prank(to);
        if (tokenId == 0 || modelCancelled[tokenId]) {
            vm.expectRevert(abi.encodeWithSelector(LazyMint.VoucherCancelled.selector, v.uid));
        } else {
            vm.expectRevert(abi.encodeWithSelector(MintkitCollection.TokenNotReserved.selector, tokenId));
        }
        c.redeem(v, creator, sig);
    }

    function _mint(address to) internal {
        vm.prank(creator);
        assertEq(c.mint(to), modelNext, "mint id");
        _modelMint(to, modelNext++);
    }

    function _batch(address to, uint256 n) internal {
        if (n > 1) {
            // a retry with a stale expected id mints nothing
            vm.prank(creator);
            vm.expectRevert(abi.encodeWithSelector(MintkitCollection.UnexpectedNextTokenId.selector, modelNext + 1, modelNext));
            c.mintBatch(to, n, modelNext + 1);
        }
        vm.prank(creator);
        assertEq(c.mintBatch(to, n, modelNext), modelNext, "batch first id");
        for (uint256 k; k < n; ++k) _modelMint(to, modelNext++);
    }

    function _airdrop(uint256 r) internal {
        uint256 n = 1 + r % 4;
        address[] memory to = new address[](n);
        for (uint256 k; k < n; ++k) to[k] = holder(r >> (8 * (k + 1)));
        vm.prank(creator);
        c.airdrop(to, modelNext);
        for (uint256 k; k < n; ++k) _modelMint(to[k], modelNext++);
    }

    function _reserve(uint256 n) internal {
        vm.prank(creator);
        c.reserve(n);
        for (uint256 k; k < n; ++k) {
            modelReserved[modelNext] = true;
            reservedIds.push(modelNext++);
        }
    }

    function _redeemNext(address to, uint256 quantity) internal {
        LazyMintVoucher.Voucher memory v = _voucher(to, 0, quantity);
        vm.prank(to);
        assertEq(c.redeem(v, creator, _sign(v)), modelNext, "redeem first id");
        for (uint256 k; k < quantity; ++k) _modelMint(to, modelNext++);
    }

    /// @dev A voucher naming an explicit id: half the time a reserved one (maybe minted or burned since),
    /// else any id up to two past the next (batch-minted, single-minted, burned or not issued yet). It
    /// mints exactly the ids the model holds reserved; a cancelled id reverts with VoucherCancelled and
    /// every other one with TokenNotReserved.
    function _redeemExplicit(address to, uint256 r) internal {
        uint256 id;
        if (r % 2 == 0 && reservedIds.length != 0) id = reservedIds[(r >> 1) % reservedIds.length];
        else id = 1 + (r >> 1) % (modelNext + 1);
        LazyMintVoucher.Voucher memory v = _voucher(to, id, 1);
        bytes memory sig = _sign(v);
        vm.prank(to);
        if (modelCancelled[id]) {
            vm.expectRevert(abi.encodeWithSelector(LazyMint.VoucherCancelled.selector, v.uid));
            c.redeem(v, creator, sig);
            return;
        }
        if (!modelReserved[id]) {
            vm.expectRevert(abi.encodeWithSelector(MintkitCollection.TokenNotReserved.selector, id));
            c.redeem(v, creator, sig);
            return;
        }
        c.redeem(v, creator, sig);
        modelReserved[id] = false;
        _modelMint(to, id);
    }

    function _transfer(uint256 r) internal {
        (bool found, uint256 id) = _pickExisting(r);
        if (!found) return;
        address from = modelOwner[id];
        address to = holder(r >> 40);
        vm.prank(from);
        c.transferFrom(from, to, id);
        modelBalance[from]--;
        modelBalance[to]++;
        modelOwner[id] = to;
    }

    function _approvedTransfer(uint256 r) internal {
        (bool found, uint256 id) = _pickExisting(r);
        if (!found) return;
        address from = modelOwner[id];
        address spender = address(0xBEEF);
        vm.prank(from);
        c.approve(spender, id);
        assertEq(c.getApproved(id), spender, "approved");
        address to = holder(r >> 40);
        vm.prank(spender);
        c.transferFrom(from, to, id);
        assertEq(c.getApproved(id), address(0), "approval cleared");
        modelBalance[from]--;
        modelBalance[to]++;
        modelOwner[id] = to;
    }

    function _burn(uint256 r) internal {
        (bool found, uint256 id) = _pickExisting(r);
        if (!found) return;
        address from = modelOwner[id];
        vm.prank(from);
        c.burn(id);
        modelBalance[from]--;
        modelOwner[id] = address(0);
        modelSupply--;
    }

    // ---- helpers ----

    function _modelMint(address to, uint256 id) internal {
        modelOwner[id] = to;
        modelBalance[to]++;
        modelSupply++;
    }

    /// @dev A random existing id, probing forward from a random start.
    function _pickExisting(uint256 r) internal view returns (bool, uint256) {
        uint256 n = modelNext - 1;
        if (n == 0) return (false, 0);
        uint256 start = 1 + (r >> 16) % n;
        for (uint256 k; k < n && k < 64; ++k) {
            uint256 id = 1 + (start - 1 + k) % n;
            if (modelOwner[id] != address(0)) return (true, id);
        }
        return (false, 0);
    }

    function _voucher(address to, uint256 tokenId, uint256 quantity)
        internal
        returns (LazyMintVoucher.Voucher memory v)
    {
        v.to = to;
        v.tokenId = tokenId;
        v.quantity = quantity;
        v.uid = ++uidCounter;
    }

    function _sign(LazyMintVoucher.Voucher memory v) internal view returns (bytes memory) {
        (uint8 sv, bytes32 sr, bytes32 ss) = vm.sign(OWNER_KEY, c.voucherDigest(v));
        return abi.encodePacked(sr, ss, sv);
    }

    function _check() internal view {
        assertEq(c.nextTokenId(), modelNext, "nextTokenId");
        assertEq(c.totalSupply(), modelSupply, "totalSupply");
        for (uint256 id = 0; id <= modelNext; ++id) {
            address expected = modelOwner[id];
            try c.ownerOf(id) returns (address actual) {
                assertEq(actual, expected, "ownerOf");
            } catch {
                assertEq(address(0), expected, "ownerOf reverted for an existing token");
            }
            assertTrue(c.isReservedIdCancelled(id) == modelCancelled[id], "isReservedIdCancelled");
        }
        for (uint256 k; k < HOLDERS; ++k) {
            assertEq(c.balanceOf(holder(k)), modelBalance[holder(k)], "balanceOf");
        }
    }
}
