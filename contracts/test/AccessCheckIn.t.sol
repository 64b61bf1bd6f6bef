// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {AccessCheckIn} from "../access/AccessCheckIn.sol";
import {MintkitCollection} from "../token/MintkitCollection.sol";
import {MintkitEditions} from "../token/MintkitEditions.sol";
import {Config as EditionsConfig} from "../token/EditionsConfig.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";

/**
 * @notice {AccessCheckIn}: only doors record; a ticket enters an event once and stays used after a transfer;
 * the named holder must hold the ticket at that block; ERC-1155 tickets are per holder; fuzzed keys are
 * independent across events and tokens.
 */
contract AccessCheckInTest is TestBase {
    event CheckedIn(bytes32 indexed eventId, address indexed collection, uint256 indexed tokenId, address holder, address door);

    AccessCheckIn internal record;
    MintkitCollection internal tickets;
    address internal constant ADMIN = address(0xAD);
    address internal constant DOOR = address(0xD00);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    bytes32 internal constant EVENT = keccak256("devcon-2026");
    uint256 internal first;

    function setUp() public {
        record = new AccessCheckIn(ADMIN);
        bytes32 doorRole = record.DOOR_ROLE();
        vm.prank(ADMIN);
        record.grantRole(doorRole, DOOR);
        tickets = new MintkitCollection(
            MintkitCollection.Config({
                owner: address(this),
                name: "Tickets",
                symbol: "T",
                baseURI: "",
                contractURI: "",
                maxSupply: 0,
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
        first = tickets.nextTokenId();
        tickets.mintBatch(ALICE, 3, first);
    }

    function test_doorChecksInOnceAndTheMarkSurvivesATransfer() public {
        vm.warp(1_800_000_000);
        vm.expectEmit(address(record));
        emit CheckedIn(EVENT, address(tickets), first, ALICE, DOOR);
        vm.prank(DOOR);
        record.checkIn(EVENT, address(tickets), first, ALICE);
        assertEq(record.checkedInAt(EVENT, address(tickets), first, address(0)), 1_800_000_000, "checked in at");

        vm.prank(ALICE);
        tickets.transferFrom(ALICE, BOB, first);
        vm.expectRevert(abi.encodeWithSelector(AccessCheckIn.AlreadyCheckedIn.selector, EVENT, address(tickets), first, 1_800_000_000));
        vm.prank(DOOR);
        record.checkIn(EVENT, address(tickets), first, BOB);

        // another event is another admission
        vm.prank(DOOR);
        record.checkIn(keccak256("devcon-2026-day2"), address(tickets), first, BOB);
    }

    function test_onlyDoorsRecord() public {
        bytes32 doorRole = record.DOOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, ALICE, doorRole));
        vm.prank(ALICE);
        record.checkIn(EVENT, address(tickets), first, ALICE);
        assertEq(record.checkedInAt(EVENT, address(tickets), first, address(0)), 0, "nothing recorded");
    }

    function test_theNamedHolderMustHoldTheTicketNow() public {
        vm.expectRevert(abi.encodeWithSelector(AccessCheckIn.NotTicketHolder.selector, address(tickets), first + 1, BOB));
        vm.prank(DOOR);
        record.checkIn(EVENT, address(tickets), first + 1, BOB);
    }

    function test_erc1155TicketsArePerHolderWithAMinimumBalance() public {
        MintkitEditions editions = new MintkitEditions(
            EditionsConfig({
                owner: address(this),
                name: "Passes",
                symbol: "P",
                baseURI: "",
                contractURI: "",
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
        editions.mint(ALICE, 7, 2, 0, "");
        editions.mint(BOB, 7, 1, 0, "");
        vm.expectRevert(abi.encodeWithSelector(AccessCheckIn.BalanceTooLow.selector, address(editions), 7, BOB, 1, 2));
        vm.prank(DOOR);
        record.checkIn1155(EVENT, address(editions), 7, BOB, 2);
        vm.startPrank(DOOR);
        record.checkIn1155(EVENT, address(editions), 7, ALICE, 2);
        record.checkIn1155(EVENT, address(editions), 7, BOB, 1);
        vm.expectRevert();
        record.checkIn1155(EVENT, address(editions), 7, ALICE, 1);
        assertTrue(record.checkedInAt(EVENT, address(editions), 7, BOB) != 0, "bob's own ticket");
    }

    function testFuzz_keysAreIndependent(bytes32 eventA, bytes32 eventB, uint256 pick) public {
        uint256 tokenId = first + bound(pick, 0, 2);
        vm.prank(DOOR);
        record.checkIn(eventA, address(tickets), tokenId, ALICE);
        uint256 other = first + ((tokenId - first + 1) % 3);
        assertEq(record.checkedInAt(eventA, address(tickets), other, address(0)), 0, "another token");
        if (eventB != eventA) {
            assertEq(record.checkedInAt(eventB, address(tickets), tokenId, address(0)), 0, "another event");
            vm.prank(DOOR);
            record.checkIn(eventB, address(tickets), tokenId, ALICE);
        }
    }
}
