// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title LazyMintVoucher
 * @notice The one lazy-mint voucher design shared by the mintkit ERC-721 collection and ERC-1155 edition
 * contracts, and by the TypeScript library (`src/vouchers/`), which asserts that its EIP-712 type string
 * hashes to {TYPEHASH}.
 *
 * A creator (an account with the minter role, or a contract wallet holding it and answering ERC-1271)
 * signs a voucher off-chain; anyone may redeem it on-chain, paying the price and the gas. The EIP-712
 * domain is `{name: "mintkit", version: "1", chainId, verifyingContract}`, so a voucher is bound to one
 * chain and one contract.
 *
 * Field meanings:
 * - `to`: who receives the tokens; `address(0)` means whoever redeems.
 * - `tokenId`: `0` means the contract's next id; otherwise the id to mint (ERC-721: a reserved, unminted
 *   id; ERC-1155: an existing or new id).
 * - `quantity`: how many tokens (ERC-721: consecutive ids) or copies (ERC-1155) the redemption mints.
 * - `uri`: empty means the base-URI convention (`<base><id>.json` / the `{id}` template); otherwise the
 *   token's own URI.
 * - `price`: per token, in `currency` (`address(0)` = ETH, else an ERC-20). Total = price * quantity.
 * - `payee`: who receives the payment; `address(0)` means the contract's primary-sale recipient.
 * - `royaltyReceiver`, `royaltyBps`: a per-token ERC-2981 royalty to set; both zero means the default.
 * - `maxSupply`: ERC-1155 only, the cap recorded when the voucher creates a new id (`0` = uncapped);
 *   must be `0` on ERC-721.
 * - `validFrom`, `validUntil`: unix-seconds window, inclusive; `validUntil == 0` means no end.
 * - `uid`: spendable once per contract. Consecutive uids share a bitmap word and so cost less to spend.
 *   A minter or admin may cancel uids (`cancelVouchers`). An ERC-721 voucher for an explicit token id
 *   does not use its uid at all (minting the id is its replay guard); a minter or admin cancels it by its
 *   id (`cancelReservedIds` on the collection).
 */
library LazyMintVoucher {
    struct Voucher {
        address to;
        uint256 tokenId;
        uint256 quantity;
        string uri;
        uint256 price;
        address currency;
        address payee;
        address royaltyReceiver;
        uint96 royaltyBps;
        uint256 maxSupply;
        uint64 validFrom;
        uint64 validUntil;
        uint256 uid;
    }

    /// @dev The EIP-712 type string. Keep in sync with `src/vouchers/voucherTypes.ts` (a test checks).
    bytes internal constant TYPE =
        "Voucher(address to,uint256 tokenId,uint256 quantity,string uri,uint256 price,address currency,address payee,address royaltyReceiver,uint96 royaltyBps,uint256 maxSupply,uint64 validFrom,uint64 validUntil,uint256 uid)";

    bytes32 internal constant TYPEHASH = keccak256(TYPE);

    /// @notice The EIP-712 `hashStruct` of a voucher (to be wrapped in the contract's domain).
    function hash(Voucher calldata v) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                TYPEHASH,
                v.to,
                v.tokenId,
                v.quantity,
                keccak256(bytes(v.uri)),
                v.price,
                v.currency,
                v.payee,
                v.royaltyReceiver,
                v.royaltyBps,
                v.maxSupply,
                v.validFrom,
                v.validUntil,
                v.uid
            )
        );
    }
}
