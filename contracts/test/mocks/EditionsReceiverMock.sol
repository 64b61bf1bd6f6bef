// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";

/**
 * @notice Test-only ERC-1155 receiver for MintkitEditions: accepts, rejects in several ways, or re-enters a
 * target with configured calldata from inside `onERC1155Received` / `onERC1155BatchReceived`.
 */
contract EditionsReceiverMock is IERC1155Receiver {
    enum Mode {
        Accept,
        WrongValue,
        RevertEmpty,
        RevertMessage
    }

    Mode public mode;
    /// @dev Re-entry, fired once (then disarmed): call `target` with `data` and value `reentryValue`.
    address public target;
    bytes public reentryData;
    uint256 public reentryValue;
    /// @dev Whether a failed re-entry reverts the callback with the same data (else it is recorded).
    bool public bubble;

    bool public reentryAttempted;
    bool public reentrySucceeded;
    bytes public reentryReturn;

    /// @dev What the last callback saw: operator, from, id (first id for batches), value, data.
    address public lastOperator;
    address public lastFrom;
    uint256 public lastId;
    uint256 public lastValue;
    bytes public lastData;
    uint256 public batchLength;
    /// @dev `totalSupply(lastId)` of the token contract as read during the callback (state is final).
    uint256 public supplySeenInCallback;

    function setMode(Mode mode_) external {
        mode = mode_;
    }

    function arm(address target_, bytes calldata data, uint256 value, bool bubble_) external {
        target = target_;
        reentryData = data;
        reentryValue = value;
        bubble = bubble_;
    }

    function onERC1155Received(address operator, address from, uint256 id, uint256 value, bytes calldata data)
        external
        returns (bytes4)
    {
        lastOperator = operator;
        lastFrom = from;
        lastId = id;
        lastValue = value;
        lastData = data;
        batchLength = 0;
        _observe(id);
        _reenter();
        return _answer(IERC1155Receiver.onERC1155Received.selector);
    }

    function onERC1155BatchReceived(
        address operator,
        address from,
        uint256[] calldata ids,
        uint256[] calldata values,
        bytes calldata data
    ) external returns (bytes4) {
        lastOperator = operator;
        lastFrom = from;
        lastId = ids.length > 0 ? ids[0] : 0;
        lastValue = values.length > 0 ? values[0] : 0;
        lastData = data;
        batchLength = ids.length;
        _observe(lastId);
        _reenter();
        return _answer(IERC1155Receiver.onERC1155BatchReceived.selector);
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || interfaceId == 0x01ffc9a7;
    }

    receive() external payable {}

    function _observe(uint256 id) private {
        (bool ok, bytes memory ret) = msg.sender.staticcall(abi.encodeWithSignature("totalSupply(uint256)", id));
        if (ok && ret.length == 32) supplySeenInCallback = abi.decode(ret, (uint256));
    }

    function _reenter() private {
        address t = target;
        if (t == address(0)) return;
        target = address(0); // once
        reentryAttempted = true;
        (bool ok, bytes memory ret) = t.call{value: reentryValue}(reentryData);
        reentrySucceeded = ok;
        reentryReturn = ret;
        if (!ok && bubble) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    function _answer(bytes4 accept) private view returns (bytes4) {
        Mode m = mode;
        if (m == Mode.WrongValue) return 0xdeadbeef;
        if (m == Mode.RevertEmpty) revert();
        if (m == Mode.RevertMessage) revert("EditionsReceiverMock: rejected");
        return accept;
    }
}
