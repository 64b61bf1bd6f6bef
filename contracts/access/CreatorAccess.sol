// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/**
 * @title CreatorAccess
 * @notice Owner + roles for mintkit token contracts: an ERC-173 `owner()` (what marketplaces read as the
 * collection's creator) who implicitly holds every role, and OpenZeppelin AccessControl roles
 * (`DEFAULT_ADMIN_ROLE`, `MINTER_ROLE`) for other accounts.
 *
 * The owner shares its storage slot with 96 bits the token contract packs beside it (its hottest counters:
 * next id, max supply), so the common "owner mints" path reads one slot for both the permission check and
 * the counters.
 *
 * Ownership moves in two steps ({transferOwnership} names a pending owner, who must call
 * {acceptOwnership}; the owner may {cancelOwnershipTransfer}), so a mistyped address never receives a
 * collection. When an account becomes owner, the roles it was explicitly granted are revoked: as owner it
 * holds every role implicitly, and after it hands ownership on it keeps nothing it was not granted again.
 */
abstract contract CreatorAccess is AccessControl {
    /// @notice The role that may mint and sign lazy-mint vouchers.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @dev The owner and the token contract's packed hot data, in one slot.
    struct OwnerSlot {
        address owner;
        uint96 packed;
    }

    OwnerSlot internal _ownerSlot;
    /// @dev The account {transferOwnership} named, until it accepts or the owner cancels (zero: none).
    address private _pendingOwner;
    /// @dev The roles `_grantRole` gave each account (each role once), so that {acceptOwnership} can
    /// revoke them all, whatever roles the inheriting contract defines.
    mapping(address account => bytes32[]) private _grantedRoles;

    /// @notice ERC-173: ownership moved from `previousOwner` to `newOwner`.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    /// @notice The owner named `newOwner` to take over; ownership moves when `newOwner` calls
    /// {acceptOwnership}.
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    /// @notice The owner withdrew the handover to `pendingOwner`.
    event OwnershipTransferCancelled(address indexed owner, address indexed pendingOwner);

    /// @notice Only the owner may do this.
    error OwnableUnauthorizedAccount(address account);
    /// @notice The new owner cannot be the zero address; use `renounceOwnership` to give up ownership.
    error OwnableInvalidOwner(address owner);
    /// @notice The owner holds every role implicitly, so granting it one (or revoking one) would change
    /// nothing. To keep a role after handing over ownership, transfer ownership first and have the new
    /// owner grant the role to this account.
    error OwnerHoldsEveryRole(address owner);
    /// @notice There is no pending ownership transfer to cancel.
    error NoPendingOwner();

    /// @notice ERC-173: the contract's owner (the creator), or zero once renounced.
    function owner() public view returns (address) {
        return _ownerSlot.owner;
    }

    /// @notice The account named by {transferOwnership} that has not accepted yet (zero: none).
    function pendingOwner() external view returns (address) {
        return _pendingOwner;
    }

    /**
     * @notice Starts handing ownership, and with it every role, to `newOwner`: nothing moves until
     * `newOwner` calls {acceptOwnership}. Naming another account replaces the pending one. Only the owner.
     * @dev Reverts {OwnableInvalidOwner} for the zero address: use {renounceOwnership} to give ownership
     * up, or {cancelOwnershipTransfer} to withdraw a handover.
     * @param newOwner The account that may accept ownership.
     */
    function transferOwnership(address newOwner) external {
        _checkOwner();
        if (newOwner == address(0)) revert OwnableInvalidOwner(address(0));
        _pendingOwner = newOwner;
        emit OwnershipTransferStarted(msg.sender, newOwner);
    }

    /**
     * @notice Completes a handover: the pending owner becomes the owner. The roles it was explicitly
     * granted are revoked (the owner holds every role), so it keeps none of them once it hands ownership
     * on. Only the pending owner.
     */
    function acceptOwnership() external {
        if (msg.sender != _pendingOwner || msg.sender == address(0)) revert OwnableUnauthorizedAccount(msg.sender);
        _setOwner(msg.sender);
        bytes32[] storage roles = _grantedRoles[msg.sender];
        for (uint256 i; i < roles.length; ++i) {
            super._revokeRole(roles[i], msg.sender); // emits RoleRevoked when the role was still held
        }
        delete _grantedRoles[msg.sender];
    }

    /// @notice Withdraws the pending handover (see {transferOwnership}). Only the owner.
    function cancelOwnershipTransfer() external {
        _checkOwner();
        address pending = _pendingOwner;
        if (pending == address(0)) revert NoPendingOwner();
        delete _pendingOwner;
        emit OwnershipTransferCancelled(msg.sender, pending);
    }

    /// @notice Gives up ownership for good (and withdraws a pending handover). Accounts granted roles
    /// keep them. Only the owner.
    function renounceOwnership() external {
        _checkOwner();
        _setOwner(address(0));
    }

    /// @notice Whether `account` holds `role`: the owner holds every role; others as AccessControl grants.
    function hasRole(bytes32 role, address account) public view virtual override returns (bool) {
        return (account == _ownerSlot.owner && account != address(0)) || super.hasRole(role, account);
    }

    /// @dev Refuses to grant the owner a role: it holds them all already, and a silent no-op would let it
    /// believe it keeps the role after `transferOwnership`.
    /// Each role granted is recorded for the account (once), for {acceptOwnership} to revoke.
    function _grantRole(bytes32 role, address account) internal virtual override returns (bool granted) {
        if (account == _ownerSlot.owner && account != address(0)) revert OwnerHoldsEveryRole(account);
        granted = super._grantRole(role, account);
        if (granted) {
            bytes32[] storage roles = _grantedRoles[account];
            for (uint256 i; i < roles.length; ++i) {
                if (roles[i] == role) return granted;
            }
            roles.push(role);
        }
    }

    /// @dev Refuses to revoke (or renounce) a role of the owner: it would emit `RoleRevoked` and change nothing.
    function _revokeRole(bytes32 role, address account) internal virtual override returns (bool) {
        if (account == _ownerSlot.owner && account != address(0)) revert OwnerHoldsEveryRole(account);
        return super._revokeRole(role, account);
    }

    /// @dev ERC-165: AccessControl and ERC-173.
    function supportsInterface(bytes4 interfaceId) public view virtual override returns (bool) {
        return interfaceId == 0x7f5828d0 || super.supportsInterface(interfaceId);
    }

    /// @dev Whether `account` may mint: the owner, or a holder of `MINTER_ROLE`.
    function _isMinterAccount(address account) internal view returns (bool) {
        return hasRole(MINTER_ROLE, account);
    }

    function _checkOwner() internal view {
        if (msg.sender != _ownerSlot.owner) revert OwnableUnauthorizedAccount(msg.sender);
    }

    /// @dev Sets the owner, keeping the packed bits, and clears a pending handover. Used by constructors
    /// and initializers too.
    function _setOwner(address newOwner) internal {
        address previous = _ownerSlot.owner;
        _ownerSlot.owner = newOwner;
        if (_pendingOwner != address(0)) delete _pendingOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}
