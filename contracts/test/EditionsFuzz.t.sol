// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {MintkitEditions} from "../token/MintkitEditions.sol";
import {Config} from "../token/EditionsConfig.sol";

/**
 * @notice Fuzz tests of MintkitEditions against a simple model: random sequences of mint, mintBatch,
 * createToken, burn, burnBatch and transfers keep every balance, totalSupply and totalMinted equal to the
 * model's, supply equal to the sum of balances, and copies ever minted within each id's cap. The assembly
 * mint path ({MintkitEditions-_mintSingle}) is exercised by every mint and createToken.
 */
contract EditionsFuzzTest is TestBase {
    uint256 private constant HOLDERS = 3;
    uint256 private constant IDS = 4; // ids 1..4
    uint256 private constant STEPS = 40;
    uint256 private constant U96 = type(uint96).max;

    MintkitEditions private editions;
    address[HOLDERS] private holders;

    // The model.
    mapping(address => mapping(uint256 => uint256)) private modelBalance;
    mapping(uint256 => uint256) private modelSupply;
    mapping(uint256 => uint256) private modelMinted;
    mapping(uint256 => uint256) private modelCap; // 0 = uncapped
    mapping(uint256 => bool) private modelCreated;

    function setUp() public {
        editions = new MintkitEditions(
            Config({
                owner: address(this),
                name: "Fuzz",
                symbol: "FZ",
                baseURI: "ipfs://base/{id}.json",
                contractURI: "",
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
        for (uint256 i; i < HOLDERS; ++i) {
            holders[i] = vm.addr(i + 1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Random operation sequences vs the model
    // ------------------------------------------------------------------------------------------------

    function testFuzz_randomOpsMatchModel(uint256 seed) public {
        for (uint256 step; step < STEPS; ++step) {
            seed = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = seed % 7;
            if (op == 0) _mint(seed);
            else if (op == 1) _mintBatch(seed);
            else if (op == 2) _createToken(seed);
            else if (op == 3) _burn(seed);
            else if (op == 4) _burnBatch(seed);
            else if (op == 5) _transfer(seed);
            else _batchTransfer(seed);
            _checkModel();
        }
    }

    function testFuzz_mintNeverExceedsCap(uint64 capSeed, uint256 first, uint256 second) public {
        uint256 cap = bound(capSeed, 1, 1_000);
        first = bound(first, 0, 2_000);
        second = bound(second, 0, 2_000);
        address to = holders[0];
        try editions.mint(to, 9, first, cap, "") {
            assertTrue(first <= cap, "first mint over cap accepted");
        } catch (bytes memory reason) {
            assertTrue(first > cap, "first mint within cap refused");
            assertEq(bytes4(reason), MintkitEditions.TokenMaxSupplyExceeded.selector, "wrong error");
            return;
        }
        try editions.mint(to, 9, second, 0, "") {
            assertTrue(first + second <= cap, "second mint over cap accepted");
        } catch (bytes memory reason) {
            assertTrue(first + second > cap, "second mint within cap refused");
            assertEq(bytes4(reason), MintkitEditions.TokenMaxSupplyExceeded.selector, "wrong error");
        }
        assertTrue(editions.totalMinted(9) <= cap, "minted above cap");
        assertEq(editions.totalSupply(9), editions.balanceOf(to, 9), "supply != balance");
        assertEq(editions.maxSupply(9), cap, "cap changed");
    }

    function testFuzz_hugeAmountsNeverWrap(uint256 amount, uint256 more) public {
        amount = bound(amount, 0, U96);
        address to = holders[1];
        editions.mint(to, 3, amount, 0, "");
        try editions.mint(to, 3, more, 0, "") {
            assertTrue(more <= U96 - amount, "uncapped mint past 2^96 - 1 accepted");
            assertEq(editions.totalSupply(3), amount + more, "supply");
        } catch (bytes memory reason) {
            assertTrue(more > U96 - amount, "mint refused below the uncapped limit");
            assertEq(bytes4(reason), MintkitEditions.TokenMaxSupplyExceeded.selector, "wrong error");
            assertEq(editions.totalSupply(3), amount, "supply after refusal");
        }
        assertEq(editions.maxSupply(3), 0, "uncapped reports 0");
    }

    function testFuzz_burnKeepsMintedAndCap(uint256 cap, uint256 minted, uint256 burned) public {
        cap = bound(cap, 1, 10_000);
        minted = bound(minted, 0, cap);
        burned = bound(burned, 0, minted);
        address holder = holders[2];
        editions.mint(holder, 5, minted, cap, "");
        vm.prank(holder);
        editions.burn(holder, 5, burned);
        assertEq(editions.totalSupply(5), minted - burned, "supply");
        assertEq(editions.totalMinted(5), minted, "minted");
        assertEq(editions.maxSupply(5), cap, "cap");
        assertTrue(editions.exists(5), "exists");
        // Room left is cap - minted, whatever was burned.
        try editions.mint(holder, 5, cap - minted + 1, 0, "") {
            assertTrue(false, "mint past cap after burn accepted");
        } catch (bytes memory reason) {
            assertEq(bytes4(reason), MintkitEditions.TokenMaxSupplyExceeded.selector, "wrong error");
        }
        editions.mint(holder, 5, cap - minted, 0, "");
        assertEq(editions.totalMinted(5), cap, "filled to cap");
    }

    function test_nextIdSkipsExplicitIds() public {
        editions.mint(holders[0], 1, 1, 0, "");
        editions.mint(holders[0], 3, 1, 0, "");
        MintkitEditions.TokenSetup memory s;
        assertEq(editions.createToken(s, holders[0], 1, ""), 2, "first next id");
        assertEq(editions.createToken(s, holders[0], 1, ""), 4, "skips 3");
        assertEq(editions.nextTokenId(), 5, "next");
    }

    // ------------------------------------------------------------------------------------------------
    // Operations (each mirrors its effect in the model, or checks that it reverted when the model says so)
    // ------------------------------------------------------------------------------------------------

    function _mint(uint256 seed) private {
        address to = holders[(seed >> 8) % HOLDERS];
        uint256 id = 1 + (seed >> 16) % IDS;
        uint256 amount = (seed >> 24) % 40;
        uint256 cap = _capFor(id, seed >> 40);
        bool ok = _mintAllowed(id, amount, cap);
        try editions.mint(to, id, amount, cap, "") {
            assertTrue(ok, "mint accepted against the model");
            _applyMint(to, id, amount, cap);
        } catch {
            assertTrue(!ok, "mint refused against the model");
        }
    }

    function _mintBatch(uint256 seed) private {
        address to = holders[(seed >> 8) % HOLDERS];
        uint256[] memory ids = new uint256[](2);
        uint256[] memory amounts = new uint256[](2);
        uint256[] memory caps = new uint256[](2);
        ids[0] = 1 + (seed >> 16) % IDS;
        ids[1] = 1 + (seed >> 24) % IDS;
        amounts[0] = (seed >> 32) % 30;
        amounts[1] = (seed >> 40) % 30;
        caps[0] = _capFor(ids[0], seed >> 48);
        caps[1] = ids[1] == ids[0] ? caps[0] : _capFor(ids[1], seed >> 64);
        // The model, applied in order (the second entry sees the first's effect).
        bool ok = _mintAllowed(ids[0], amounts[0], caps[0]);
        uint256 mintedAfterFirst = modelMinted[ids[0]] + amounts[0];
        if (ok) {
            if (ids[1] == ids[0]) {
                uint256 effective = modelCreated[ids[0]] ? modelCap[ids[0]] : caps[0];
                uint256 limit = effective == 0 ? U96 : effective;
                ok = mintedAfterFirst + amounts[1] <= limit;
            } else {
                ok = _mintAllowed(ids[1], amounts[1], caps[1]);
            }
        }
        try editions.mintBatch(to, ids, amounts, caps, "") {
            assertTrue(ok, "mintBatch accepted against the model");
            _applyMint(to, ids[0], amounts[0], caps[0]);
            _applyMint(to, ids[1], amounts[1], caps[1]);
        } catch {
            assertTrue(!ok, "mintBatch refused against the model");
        }
    }

    function _createToken(uint256 seed) private {
        address to = holders[(seed >> 8) % HOLDERS];
        uint256 amount = (seed >> 16) % 20;
        uint256 cap = (seed >> 24) % 3 == 0 ? 0 : 1 + (seed >> 32) % 50;
        uint256 expected = editions.nextTokenId();
        MintkitEditions.TokenSetup memory s;
        s.maxSupply = cap;
        bool ok = cap == 0 || amount <= cap;
        try editions.createToken(s, to, amount, "") returns (uint256 id) {
            assertTrue(ok, "createToken accepted against the model");
            assertEq(id, expected, "next id");
            assertTrue(!modelCreated[id], "counter handed out an existing id");
            _applyMint(to, id, amount, cap);
        } catch {
            assertTrue(!ok, "createToken refused against the model");
        }
    }

    function _burn(uint256 seed) private {
        address from = holders[(seed >> 8) % HOLDERS];
        uint256 id = 1 + (seed >> 16) % IDS;
        uint256 amount = (seed >> 24) % 30;
        bool ok = amount <= modelBalance[from][id];
        vm.prank(from);
        try editions.burn(from, id, amount) {
            assertTrue(ok, "burn accepted against the model");
            modelBalance[from][id] -= amount;
            modelSupply[id] -= amount;
        } catch {
            assertTrue(!ok, "burn refused against the model");
        }
    }

    function _burnBatch(uint256 seed) private {
        address from = holders[(seed >> 8) % HOLDERS];
        uint256[] memory ids = new uint256[](2);
        uint256[] memory amounts = new uint256[](2);
        ids[0] = 1 + (seed >> 16) % IDS;
        ids[1] = 1 + (seed >> 24) % IDS;
        amounts[0] = (seed >> 32) % 20;
        amounts[1] = (seed >> 40) % 20;
        bool ok = ids[0] == ids[1]
            ? amounts[0] + amounts[1] <= modelBalance[from][ids[0]]
            : amounts[0] <= modelBalance[from][ids[0]] && amounts[1] <= modelBalance[from][ids[1]];
        vm.prank(from);
        try editions.burnBatch(from, ids, amounts) {
            assertTrue(ok, "burnBatch accepted against the model");
            for (uint256 i; i < 2; ++i) {
                modelBalance[from][ids[i]] -= amounts[i];
                modelSupply[ids[i]] -= amounts[i];
            }
        } catch {
            assertTrue(!ok, "burnBatch refused against the model");
        }
    }

    function _transfer(uint256 seed) private {
        address from = holders[(seed >> 8) % HOLDERS];
        address to = holders[(seed >> 16) % HOLDERS];
        uint256 id = 1 + (seed >> 24) % IDS;
        uint256 amount = (seed >> 32) % 30;
        bool ok = amount <= modelBalance[from][id];
        vm.prank(from);
        try editions.safeTransferFrom(from, to, id, amount, "") {
            assertTrue(ok, "transfer accepted against the model");
            modelBalance[from][id] -= amount;
            modelBalance[to][id] += amount;
        } catch {
            assertTrue(!ok, "transfer refused against the model");
        }
    }

    function _batchTransfer(uint256 seed) private {
        address from = holders[(seed >> 8) % HOLDERS];
        address to = holders[(seed >> 16) % HOLDERS];
        uint256[] memory ids = new uint256[](2);
        uint256[] memory amounts = new uint256[](2);
        ids[0] = 1 + (seed >> 24) % IDS;
        ids[1] = 1 + (seed >> 32) % IDS;
        amounts[0] = (seed >> 40) % 20;
        amounts[1] = (seed >> 48) % 20;
        // Entries apply in order: to self, each entry only needs the (unchanged) balance.
        bool ok = ids[0] == ids[1] && from != to
            ? amounts[0] + amounts[1] <= modelBalance[from][ids[0]]
            : amounts[0] <= modelBalance[from][ids[0]] && amounts[1] <= modelBalance[from][ids[1]];
        // An operator moves the tokens: approve, transfer, revoke.
        address operator = vm.addr(99);
        vm.prank(from);
        editions.setApprovalForAll(operator, true);
        vm.prank(operator);
        try editions.safeBatchTransferFrom(from, to, ids, amounts, "") {
            assertTrue(ok, "batch transfer accepted against the model");
            for (uint256 i; i < 2; ++i) {
                modelBalance[from][ids[i]] -= amounts[i];
                modelBalance[to][ids[i]] += amounts[i];
            }
        } catch {
            assertTrue(!ok, "batch transfer refused against the model");
        }
        vm.prank(from);
        editions.setApprovalForAll(operator, false);
    }

    // ------------------------------------------------------------------------------------------------
    // Model helpers
    // ------------------------------------------------------------------------------------------------

    /// @dev The cap to pass for `id`: its recorded cap or 0 for existing ids, a random cap for new ones.
    function _capFor(uint256 id, uint256 seed) private view returns (uint256) {
        if (modelCreated[id]) return seed % 2 == 0 ? 0 : modelCap[id];
        return seed % 3 == 0 ? 0 : 1 + (seed >> 8) % 60;
    }

    function _mintAllowed(uint256 id, uint256 amount, uint256 cap) private view returns (bool) {
        uint256 effective = modelCreated[id] ? modelCap[id] : cap;
        uint256 limit = effective == 0 ? U96 : effective;
        return modelMinted[id] + amount <= limit;
    }

    function _applyMint(address to, uint256 id, uint256 amount, uint256 cap) private {
        if (!modelCreated[id]) {
            modelCreated[id] = true;
            modelCap[id] = cap;
        }
        modelBalance[to][id] += amount;
        modelSupply[id] += amount;
        modelMinted[id] += amount;
    }

    function _checkModel() private view {
        uint256 lastId = editions.nextTokenId() + IDS;
        for (uint256 id = 1; id <= lastId; ++id) {
            uint256 sum;
            for (uint256 h; h < HOLDERS; ++h) {
                uint256 balance = editions.balanceOf(holders[h], id);
                assertEq(balance, modelBalance[holders[h]][id], "balance");
                sum += balance;
            }
            assertEq(editions.totalSupply(id), modelSupply[id], "totalSupply");
            assertEq(sum, modelSupply[id], "sum of balances");
            assertEq(editions.totalMinted(id), modelMinted[id], "totalMinted");
            assertEq(editions.maxSupply(id), modelCap[id], "maxSupply");
            assertTrue(editions.exists(id) == modelCreated[id], "exists");
            if (modelCap[id] != 0) assertTrue(modelMinted[id] <= modelCap[id], "minted above cap");
        }
    }
}
