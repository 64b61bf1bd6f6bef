// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {MintkitEditions} from "../token/MintkitEditions.sol";
import {Config} from "../token/EditionsConfig.sol";
import {LazyMint} from "../lazy/LazyMint.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";

/**
 * @notice Lazy minting on MintkitEditions from Solidity: vouchers signed with `vm.sign`, the cap enforced
 * across random voucher sequences, and a signature made on one chain refused after a chain-id change.
 */
contract EditionsLazyTest is TestBase {
    uint256 private constant OWNER_KEY = 0xA11CE;
    address private owner;
    address private buyer;
    MintkitEditions private editions;

    function setUp() public {
        owner = vm.addr(OWNER_KEY);
        buyer = vm.addr(0xB0B);
        editions = new MintkitEditions(
            Config({
                owner: owner,
                name: "Lazy",
                symbol: "LZ",
                baseURI: "ipfs://base/{id}.json",
                contractURI: "",
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
    }

    function _voucher(uint256 tokenId, uint256 quantity, uint256 maxSupply, uint256 uid)
        private
        view
        returns (LazyMintVoucher.Voucher memory v)
    {
        v.to = buyer;
        v.tokenId = tokenId;
        v.quantity = quantity;
        v.maxSupply = maxSupply;
        v.uid = uid;
    }

    function _sign(LazyMintVoucher.Voucher memory v) private view returns (bytes memory) {
        (uint8 sv, bytes32 sr, bytes32 ss) = vm.sign(OWNER_KEY, editions.voucherDigest(v));
        return abi.encodePacked(sr, ss, sv);
    }

    /// @dev Random vouchers for one capped id: every accepted one fits under the cap, every refused one not.
    function testFuzz_vouchersNeverExceedCap(uint256 capSeed, uint256 seed) public {
        uint256 cap = bound(capSeed, 1, 200);
        uint256 minted;
        for (uint256 i; i < 12; ++i) {
            seed = uint256(keccak256(abi.encode(seed, i)));
            uint256 quantity = 1 + seed % 60;
            // Until id 1 exists every voucher would create it with the cap; afterwards they pass 0 or the cap
            // (a 0 before creation would create it uncapped).
            uint256 maxSupply = !editions.exists(1) || seed & (1 << 200) != 0 ? cap : 0;
            LazyMintVoucher.Voucher memory v = _voucher(1, quantity, maxSupply, i);
            bytes memory sig = _sign(v);
            try editions.redeem(v, owner, sig) returns (uint256 id) {
                assertEq(id, 1, "id");
                assertTrue(minted + quantity <= cap, "voucher over the cap accepted");
                minted += quantity;
            } catch (bytes memory reason) {
                assertTrue(minted + quantity > cap, "voucher within the cap refused");
                assertEq(bytes4(reason), MintkitEditions.TokenMaxSupplyExceeded.selector, "wrong error");
                assertTrue(!editions.isVoucherRedeemed(i), "refused voucher spent its uid");
            }
            assertEq(editions.totalMinted(1), minted, "totalMinted");
            assertEq(editions.balanceOf(buyer, 1), minted, "balance");
        }
        assertTrue(editions.totalMinted(1) <= cap, "above cap");
    }

    /// @dev A voucher for the next id always creates a new id, never tops up an explicit one.
    function testFuzz_nextIdVouchersCreateFreshIds(uint8 explicitId, uint8 count) public {
        uint256 explicit = bound(explicitId, 1, 8);
        uint256 n = bound(count, 1, 10);
        vm.prank(owner);
        editions.mint(buyer, explicit, 1, 1, "");
        uint256 last;
        for (uint256 i; i < n; ++i) {
            LazyMintVoucher.Voucher memory v = _voucher(0, 2, 0, 100 + i);
            uint256 id = editions.redeem(v, owner, _sign(v));
            assertTrue(id != explicit, "counter reused the explicit id");
            assertTrue(id > last, "ids increase");
            assertEq(editions.totalSupply(id), 2, "fresh id supply");
            last = id;
        }
        assertEq(editions.totalSupply(explicit), 1, "explicit id untouched");
    }

    /// @dev The same signature is refused after a chain-id change (the EIP-712 domain binds the chain).
    function test_signatureBoundToChainId() public {
        LazyMintVoucher.Voucher memory v = _voucher(0, 1, 0, 1);
        bytes memory sig = _sign(v);
        bytes32 digestHere = editions.voucherDigest(v);
        uint256 snapshot = vm.snapshotState();
        vm.chainId(block.chainid + 1);
        assertTrue(editions.voucherDigest(v) != digestHere, "digest ignores the chain id");
        try editions.redeem(v, owner, sig) {
            assertTrue(false, "redeemed on another chain");
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), LazyMint.VoucherInvalidSignature.selector, "wrong error");
        }
        vm.revertToState(snapshot);
        editions.redeem(v, owner, sig);
        try editions.redeem(v, owner, sig) {
            assertTrue(false, "replayed");
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), LazyMint.VoucherAlreadyRedeemed.selector, "wrong error");
        }
    }
}
