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

    /// @notice ERC-173: ownership moved from `previousOwner` to `newOwner`.
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    /// @notice Only the owner may do this.
    error OwnableUnauthorizedAccount(address account);
    /// @notice The new owner cannot be the zero address; use `renounceOwnership` to give up ownership.
    error OwnableInvalidOwner(address owner);
    /// @notice The owner holds every role implicitly, so granting it one (or revoking one) would change
    /// nothing. To keep a role after handing over ownership, transfer ownership first and have the new
    /// owner grant the role to this account.
    error OwnerHoldsEveryRole(address owner);

    /// @notice ERC-173: the contract's owner (the creator), or zero once renounced.
    function owner() public view returns (address) {
        return _ownerSlot.owner;
    }

    /// @notice ERC-173: hands ownership, and with it every role, to `newOwner`. Only the owner.
    function transferOwnership(address newOwner) external {
        _checkOwner();
        if (newOwner == address(0)) revert OwnableInvalidOwner(address(0));
        _setOwner(newOwner);
    }

    /// @notice Gives up ownership for good. Accounts granted roles keep them. Only the owner.
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
    function _grantRole(bytes32 role, address account) internal virtual override returns (bool) {
        if (account == _ownerSlot.owner && account != address(0)) revert OwnerHoldsEveryRole(account);
        return super._grantRole(role, account);
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

    /// @dev Sets the owner, keeping the packed bits. Used by constructors and initializers too.
    function _setOwner(address newOwner) internal {
        address previous = _ownerSlot.owner;
        _ownerSlot.owner = newOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}
