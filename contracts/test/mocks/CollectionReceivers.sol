// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";

/**
 * @notice Test-only ERC-721 receiver that, on its first `onERC721Received`, calls `target` with `data`
 * (re-entering the collection: a mint, a redeem, a transfer...). With `bubble` it reverts with the inner
 * call's revert data when that call fails; otherwise it records the outcome and accepts the token.
 */
contract CollectionReentrantReceiver is IERC721Receiver {
    address public target;
    bytes public data;
    bool public bubble;
    bool public attempted;
    bool public succeeded;
    bytes public returned;
    uint256 public received;

    function arm(address target_, bytes calldata data_, bool bubble_) external {
        target = target_;
        data = data_;
        bubble = bubble_;
        attempted = false;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        ++received;
        if (!attempted && target != address(0)) {
            attempted = true;
            (bool ok, bytes memory ret) = target.call(data);
            if (!ok && bubble) {
                assembly ("memory-safe") {
                    revert(add(ret, 32), mload(ret))
                }
            }
            succeeded = ok;
            returned = ret;
        }
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {}
}

/// @notice Test-only receiver that refuses tokens: answers a wrong selector, or reverts (with or without a
/// reason), per `mode` (0: wrong selector, 1: revert with a reason, 2: empty revert).
contract CollectionRejectingReceiver is IERC721Receiver {
    uint8 public immutable mode;

    error Refused();

    constructor(uint8 mode_) {
        mode = mode_;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external view returns (bytes4) {
        if (mode == 1) revert Refused();
        if (mode == 2) revert();
        return 0xdeadbeef;
    }
}

/// @notice Test-only receiver that accepts tokens and records the last call's arguments.
contract CollectionAcceptingReceiver is IERC721Receiver {
    address public lastOperator;
    address public lastFrom;
    uint256 public lastTokenId;
    bytes public lastData;
    uint256 public calls;

    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data)
        external
        returns (bytes4)
    {
        lastOperator = operator;
        lastFrom = from;
        lastTokenId = tokenId;
        lastData = data;
        ++calls;
        return IERC721Receiver.onERC721Received.selector;
    }
}

/// @notice Test-only payee that refuses ETH (a voucher payment to it must revert).
contract CollectionRefusingPayee {}
