// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";

/**
 * @title ERC721Batch
 * @notice An ERC-721 core whose batch mints cost about one `Transfer` log per extra token, without
 * ERC721A's backward scan on the first transfer of a token deep inside a batch.
 *
 * Storage:
 * - `_ownership[id]`: the token's own slot: owner (bits 0-159), {_APPROVED} flag (bit 160: a single-token
 *   approval is recorded in `_tokenApprovals[id]`), {_BURNED} (bit 161, owner zero), {_VOIDED} (bit 162,
 *   owner zero: an id set aside unminted that will never be minted). Zero means "not written yet": the
 *   token is then owned per its range record, if any.
 * - `_rangeHeads`: a bitmap with one bit per range start. Single mints set no bit.
 * - `_ranges[head]`: the range's owner (bits 0-159) and length (bits 160-255). The record is never rewritten: transferring or burning a token inside a range writes
 *   only that token's own slot.
 *
 * Bound on the lookup: a range never extends past the end of the bitmap word after the one holding its
 * head ({_rangeLimit}); longer batches are split into several records. The owner lookup of an unwritten
 * token therefore reads at most two bitmap words (one per 256 ids of distance, at most 511 ids back),
 * whatever the batch size. The price: one record (22.1k) and one fresh bitmap word (22.1k) per 512 ids
 * of a large batch, ~86 gas per token (~4.5%); 10,000 tokens cost ~20.2M gas (20 records;
 * measured as two 5,000-batches), over the 2^24 per-transaction cap of EIP-7825: mint them in two or
 * more batches (up to ~8,000 tokens fit one transaction).
 *
 * Ids are consecutive and assigned by the inheriting contract, which must never mint an id twice and
 * must keep ranges disjoint (this core does not check: the inheriting contract's id counter does). An id
 * the inheriting contract issues without minting (set aside for later) has neither an own slot nor a
 * range record ({_isUnwritten}, {_inRange}) until it is minted with {_mintOne}.
 */
abstract contract ERC721Batch is IERC721, IERC721Errors {
    /// @dev `_ownership` flag: `_tokenApprovals[id]` holds the token's current approval.
    uint256 internal constant _APPROVED = 1 << 160;
    /// @dev `_ownership` value of a burned token.
    uint256 internal constant _BURNED = 1 << 161;
    /// @dev `_ownership` value of an issued, unminted id that will never be minted ({_void}).
    uint256 internal constant _VOIDED = 1 << 162;
    /// @dev keccak256("Transfer(address,address,uint256)")
    bytes32 private constant _TRANSFER_EVENT_SIGNATURE =
        0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef;

    mapping(uint256 tokenId => uint256) private _ownership;
    mapping(uint256 bucket => uint256) private _rangeHeads;
    mapping(uint256 head => uint256) private _ranges;
    mapping(address owner => uint256) private _balances;
    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;

    // ------------------------------------------------------------------------------------------------
    // ERC-721
    // ------------------------------------------------------------------------------------------------

    /// @notice The number of tokens `owner` holds.
    function balanceOf(address owner) public view virtual returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _balances[owner];
    }

    /// @notice The owner of `tokenId`; reverts for a token that does not exist (never minted, burned,
    /// or reserved and not yet minted).
    function ownerOf(uint256 tokenId) public view virtual returns (address) {
        return _requireOwned(tokenId);
    }

    /// @notice Approves `to` to transfer `tokenId` (zero clears). Only the owner or an approved operator.
    function approve(address to, uint256 tokenId) public virtual {
        (address owner,) = _ownershipOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        if (msg.sender != owner && !_operatorApprovals[owner][msg.sender]) revert ERC721InvalidApprover(msg.sender);
        if (to == address(0)) {
            _ownership[tokenId] = uint160(owner);
        } else {
            _tokenApprovals[tokenId] = to;
            _ownership[tokenId] = uint160(owner) | _APPROVED;
        }
        emit Approval(owner, to, tokenId);
    }

    /// @notice The account approved for `tokenId`, or zero.
    function getApproved(uint256 tokenId) public view virtual returns (address) {
        (address owner, uint256 slot) = _ownershipOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        return slot & _APPROVED == 0 ? address(0) : _tokenApprovals[tokenId];
    }

    /// @notice Lets `operator` manage all of the caller's tokens (or stops it).
    function setApprovalForAll(address operator, bool approved) public virtual {
        if (operator == address(0)) revert ERC721InvalidOperator(address(0));
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @notice Whether `operator` may manage all of `owner`'s tokens.
    function isApprovedForAll(address owner, address operator) public view virtual returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    /// @notice Moves `tokenId` from `from` to `to` without a receiver check. Only the owner, the token's
    /// approved account or an operator.
    function transferFrom(address from, address to, uint256 tokenId) public virtual {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        (address owner, uint256 slot) = _ownershipOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        if (owner != from) revert ERC721IncorrectOwner(from, tokenId, owner);
        if (msg.sender != from && !_isApprovedOrOperator(from, msg.sender, tokenId, slot)) {
            revert ERC721InsufficientApproval(msg.sender, tokenId);
        }
        // Writing the new owner clears the approval flag: the stale `_tokenApprovals` entry is ignored.
        _ownership[tokenId] = uint160(to);
        unchecked {
            _balances[from] -= 1;
            _balances[to] += 1;
        }
        emit Transfer(from, to, tokenId);
    }

    /// @notice {transferFrom}, then checks that a contract `to` accepts the token (ERC721Receiver).
    function safeTransferFrom(address from, address to, uint256 tokenId) public virtual {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @notice {transferFrom}, then checks that a contract `to` accepts the token, passing it `data`.
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public virtual {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    /// @dev ERC-165: ERC-721 (and ERC-165 itself).
    function supportsInterface(bytes4 interfaceId) public view virtual returns (bool) {
        return interfaceId == 0x80ac58cd || interfaceId == 0x01ffc9a7;
    }

    // ------------------------------------------------------------------------------------------------
    // Internal: reads
    // ------------------------------------------------------------------------------------------------

    /// @dev The owner of `tokenId` (zero if it does not exist) and the token's own slot.
    function _ownershipOf(uint256 tokenId) internal view returns (address owner, uint256 slot) {
        slot = _ownership[tokenId];
        if (slot != 0) return (address(uint160(slot)), slot);
        (bool found, uint256 record) = _rangeOf(tokenId);
        if (found) owner = address(uint160(record));
    }

    /// @dev The owner of `tokenId`; reverts with {ERC721NonexistentToken} if none.
    function _requireOwned(uint256 tokenId) internal view returns (address owner) {
        (owner,) = _ownershipOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// @dev Whether `tokenId`'s own slot was never written: not minted by {_mintOne}, never transferred,
    /// approved or burned (a token minted in a range may still be unwritten: see {_inRange}).
    function _isUnwritten(uint256 tokenId) internal view returns (bool) {
        return _ownership[tokenId] == 0;
    }

    /// @dev Whether `tokenId` was marked never to be minted with {_void}.
    function _isVoided(uint256 tokenId) internal view returns (bool) {
        return _ownership[tokenId] == _VOIDED;
    }

    /// @dev Whether a range record (a batch mint) covers `tokenId`. Reads at most two bitmap words and one
    /// record.
    function _inRange(uint256 tokenId) internal view returns (bool found) {
        (found,) = _rangeOf(tokenId);
    }

    /// @dev The range record covering `tokenId`, if any. Reads at most two bitmap words (see {_rangeLimit}).
    function _rangeOf(uint256 tokenId) private view returns (bool found, uint256 record) {
        uint256 bucket = tokenId >> 8;
        // Keep the bits at positions <= tokenId's within its word.
        uint256 bits = _rangeHeads[bucket] & (type(uint256).max >> (255 - (tokenId & 0xff)));
        if (bits == 0) {
            if (bucket == 0) return (false, 0);
            unchecked {
                --bucket;
            }
            bits = _rangeHeads[bucket];
            if (bits == 0) return (false, 0);
        }
        uint256 head = (bucket << 8) | _highestBit(bits);
        record = _ranges[head];
        found = tokenId < head + (record >> 160);
    }

    function _isApprovedOrOperator(address owner, address spender, uint256 tokenId, uint256 slot)
        internal
        view
        returns (bool)
    {
        return _operatorApprovals[owner][spender] || (slot & _APPROVED != 0 && _tokenApprovals[tokenId] == spender);
    }

    // ------------------------------------------------------------------------------------------------
    // Internal: writes
    // ------------------------------------------------------------------------------------------------

    /// @dev Mints the fresh id `tokenId` to `to` (not zero; not checked here). Writes its own slot only.
    function _mintOne(address to, uint256 tokenId) internal {
        _ownership[tokenId] = uint160(to);
        unchecked {
            _balances[to] += 1;
        }
        emit Transfer(address(0), to, tokenId);
    }

    /// @dev Marks the issued, unminted id `tokenId` (unwritten, in no range: not checked here) as never to
    /// be minted: it then looks like a burned token (no owner) and is no longer {_isUnwritten}.
    function _void(uint256 tokenId) internal {
        _ownership[tokenId] = _VOIDED;
    }

    /// @dev Mints the fresh ids `[first, first + quantity)` to `to` (not zero) as range records, one
    /// `Transfer` per token.
    function _mintRange(address to, uint256 first, uint256 quantity) internal {
        _writeRanges(to, first, quantity);
        uint256 end;
        unchecked {
            _balances[to] += quantity;
            end = first + quantity;
        }
        // One `Transfer` log per token (the log itself is 1,875 gas), two per loop iteration to halve the
        // loop's overhead. The signature is held on the stack: as a constant, solc would re-load it from
        // code (CODECOPY) on every iteration.
        bytes32 signature = _TRANSFER_EVENT_SIGNATURE;
        assembly ("memory-safe") {
            to := and(to, 0xffffffffffffffffffffffffffffffffffffffff) // solc does not promise clean high bits
            let id := first
            for { let pairsEnd := sub(end, and(quantity, 1)) } lt(id, pairsEnd) { id := add(id, 2) } {
                log4(0, 0, signature, 0, to, id)
                log4(0, 0, signature, 0, to, add(id, 1))
            }
            if lt(id, end) { log4(0, 0, signature, 0, to, id) }
        }
    }

    /// @dev Calls `onERC721Received` on `to` for each of `[first, first + quantity)` if `to` is a contract.
    function _checkReceived(address to, uint256 first, uint256 quantity, bytes memory data) internal {
        if (to.code.length == 0) return;
        unchecked {
            for (uint256 id = first; id < first + quantity; ++id) {
                ERC721Utils.checkOnERC721Received(msg.sender, address(0), to, id, data);
            }
        }
    }

    /// @dev Burns `tokenId` if the caller is its owner, approved or an operator.
    function _burnChecked(uint256 tokenId) internal returns (address owner) {
        uint256 slot;
        (owner, slot) = _ownershipOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        if (msg.sender != owner && !_isApprovedOrOperator(owner, msg.sender, tokenId, slot)) {
            revert ERC721InsufficientApproval(msg.sender, tokenId);
        }
        _ownership[tokenId] = _BURNED;
        unchecked {
            _balances[owner] -= 1;
        }
        emit Transfer(owner, address(0), tokenId);
    }

    function _writeRanges(address owner, uint256 first, uint256 quantity) private {
        while (quantity != 0) {
            uint256 length = _rangeLimit(first) - first;
            if (length > quantity) length = quantity;
            _rangeHeads[first >> 8] |= 1 << (first & 0xff);
            _ranges[first] = uint256(uint160(owner)) | (length << 160);
            unchecked {
                first += length;
                quantity -= length;
            }
        }
    }

    /// @dev The first id a range starting at `head` may not cover: the end of the bitmap word after the
    /// head's, so that a lookup reads at most two words.
    function _rangeLimit(uint256 head) internal pure returns (uint256) {
        return ((head >> 8) + 2) << 8;
    }

    /// @dev Index of the most significant set bit of `x` (nonzero).
    function _highestBit(uint256 x) private pure returns (uint256 r) {
        assembly ("memory-safe") {
            // Binary search, as solady LibBit.fls.
            r := shl(7, lt(0xffffffffffffffffffffffffffffffff, x))
            r := or(r, shl(6, lt(0xffffffffffffffff, shr(r, x))))
            r := or(r, shl(5, lt(0xffffffff, shr(r, x))))
            r := or(r, shl(4, lt(0xffff, shr(r, x))))
            r := or(r, shl(3, lt(0xff, shr(r, x))))
            r := or(r, shl(2, lt(0xf, shr(r, x))))
            r := or(r, shl(1, lt(0x3, shr(r, x))))
            r := or(r, lt(0x1, shr(r, x)))
        }
    }
}
