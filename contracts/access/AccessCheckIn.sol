// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";

/**
 * @title AccessCheckIn
 * @notice A public record of event admissions, for organisers who want one: accounts with the door role
 * mark a ticket as used for an event, once. The mark stays when the ticket changes hands (a ticket
 * transferred after check-in stays checked in for that event). Off-chain doors verify the holder's signed
 * proof (mintkit `verifyAccess`) and then call {checkIn}; the contract itself re-checks that the named
 * holder holds the ticket at that block, so a door cannot record a ticket for someone who does not hold it.
 *
 * It is its own contract rather than a part of the collection: any existing ERC-721 or ERC-1155 collection
 * (mintkit's or not) can be checked in, the ticket contract stays unchanged (and its gas with it), and one
 * deployment serves every event of an organiser.
 *
 * An ERC-721 ticket is (event, collection, token id); an ERC-1155 ticket, whose ids are fungible, is
 * (event, collection, id, holder).
 */
contract AccessCheckIn is AccessControl {
    /// @notice The role of door accounts (scanners) that may record check-ins.
    bytes32 public constant DOOR_ROLE = keccak256("DOOR_ROLE");

    /// @dev Ticket key => unix time of its check-in (0: not checked in).
    mapping(bytes32 ticket => uint256 checkedInAt) private _checkedIn;

    /// @notice `ticket` was admitted to `eventId` by `door`; `holder` held it at that block.
    event CheckedIn(bytes32 indexed eventId, address indexed collection, uint256 indexed tokenId, address holder, address door);

    /// @notice The ticket was already checked in for this event, at unix time `at`.
    error AlreadyCheckedIn(bytes32 eventId, address collection, uint256 tokenId, uint256 at);
    /// @notice `holder` does not hold the ERC-721 token now.
    error NotTicketHolder(address collection, uint256 tokenId, address holder);
    /// @notice `holder` holds `balance` of the ERC-1155 id, less than `minBalance`.
    error BalanceTooLow(address collection, uint256 id, address holder, uint256 balance, uint256 minBalance);

    /**
     * @notice Deploys the record with `admin` as its admin (it grants {DOOR_ROLE} to door accounts).
     * @param admin The organiser's account.
     */
    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /**
     * @notice Records the check-in of ERC-721 token `tokenId` of `collection` for `eventId`, held by `holder`.
     * @dev Only {DOOR_ROLE}. Reverts {NotTicketHolder} unless `holder` owns the token now, and
     * {AlreadyCheckedIn} when the ticket was checked in for this event before. Emits {CheckedIn}.
     * @param eventId The event: mintkit uses `keccak256(bytes(eventName))`.
     * @param collection The ERC-721 collection.
     * @param tokenId The token.
     * @param holder The account whose signed proof the door verified.
     */
    function checkIn(bytes32 eventId, address collection, uint256 tokenId, address holder) external onlyRole(DOOR_ROLE) {
        if (IERC721(collection).ownerOf(tokenId) != holder) revert NotTicketHolder(collection, tokenId, holder);
        _record(ticketKey(eventId, collection, tokenId, address(0)), eventId, collection, tokenId, holder);
    }

    /**
     * @notice Records the check-in of `holder`'s ERC-1155 ticket `id` of `collection` for `eventId`.
     * @dev Only {DOOR_ROLE}. Reverts {BalanceTooLow} when `holder`'s balance is below `minBalance`, and
     * {AlreadyCheckedIn} when this holder's ticket was checked in for this event before. Emits {CheckedIn}.
     * @param eventId The event.
     * @param collection The ERC-1155 contract.
     * @param id The ticket id.
     * @param holder The account whose signed proof the door verified.
     * @param minBalance The balance of `id` that admits.
     */
    function checkIn1155(bytes32 eventId, address collection, uint256 id, address holder, uint256 minBalance)
        external
        onlyRole(DOOR_ROLE)
    {
        uint256 balance = IERC1155(collection).balanceOf(holder, id);
        if (balance < minBalance) revert BalanceTooLow(collection, id, holder, balance, minBalance);
        _record(ticketKey(eventId, collection, id, holder), eventId, collection, id, holder);
    }

    /**
     * @notice When the ticket was checked in for the event (unix seconds), or 0 if it was not.
     * @param eventId The event.
     * @param collection The collection.
     * @param tokenId The token (ERC-721) or id (ERC-1155).
     * @param holder `address(0)` for ERC-721; the holder for ERC-1155.
     */
    function checkedInAt(bytes32 eventId, address collection, uint256 tokenId, address holder) external view returns (uint256) {
        return _checkedIn[ticketKey(eventId, collection, tokenId, holder)];
    }

    /**
     * @notice The storage key of a ticket: `keccak256(abi.encode(eventId, collection, tokenId, holder))`,
     * `holder` being `address(0)` for ERC-721 tickets.
     */
    function ticketKey(bytes32 eventId, address collection, uint256 tokenId, address holder) public pure returns (bytes32) {
        return keccak256(abi.encode(eventId, collection, tokenId, holder));
    }

    function _record(bytes32 key, bytes32 eventId, address collection, uint256 tokenId, address holder) private {
        uint256 at = _checkedIn[key];
        if (at != 0) revert AlreadyCheckedIn(eventId, collection, tokenId, at);
        _checkedIn[key] = block.timestamp;
        emit CheckedIn(eventId, collection, tokenId, holder, msg.sender);
    }
}
