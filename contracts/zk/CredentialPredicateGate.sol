// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CredentialRegistry} from "../identity/CredentialRegistry.sol";
import {CredentialClaims} from "../identity/CredentialClaims.sol";
import {PredicateDates} from "./PredicateDates.sol";
import {RangePredicateVerifier} from "./RangePredicateVerifier.sol";

/**
 * @title CredentialPredicateGate
 * @notice An example verifier contract: admits the holder of a valid credential from a trusted issuer who
 * proves in zero knowledge that they are at least `minAge` years old today, without revealing their birth date.
 *
 * The credential's claims include `("uint256", "birth_date#poseidon", Poseidon(birth_date, blinding))`, an
 * ordinary EAS leaf. The caller passes that commitment and its salt; the gate computes the leaf itself (by
 * value) and checks it is in the credential's claims root with the registry's {CredentialRegistry-verifyClaims}.
 * The Groth16 proof shows `birth_date <= ageBoundaryDay(day, minAge)` for the committed value, with
 * the caller's address as the binding public input: a proof copied from the mempool fails for anyone else.
 * `day` (days since 1970-01-01) must be within `dayTolerance` days of `block.timestamp`.
 */
contract CredentialPredicateGate {
    /// @notice The committed claim's name and type, as in the credential's leaves.
    string public constant COMMITMENT_CLAIM = "birth_date#poseidon";
    string private constant COMMITMENT_TYPE = "uint256";

    CredentialRegistry public immutable registry;
    RangePredicateVerifier public immutable verifier;
    address public immutable trustedIssuer;
    /// @notice The age the caller must prove, in whole years.
    uint256 public immutable minAge;
    /// @notice How many days `day` may differ from today (clock and time-zone slack).
    uint256 public immutable dayTolerance;

    /// @notice Who was admitted.
    mapping(address => bool) public admitted;

    /// @notice `holder` proved being at least `minAge` on `day` with credential `tokenId`.
    event Admitted(address indexed holder, uint256 indexed tokenId, uint256 day);

    /// @notice The caller does not hold credential `tokenId`.
    error NotHolder(uint256 tokenId, address caller);
    /// @notice The credential's issuer is not the trusted one.
    error UntrustedIssuer(address issuer);
    /// @notice The credential is revoked or expired.
    error CredentialNotValid(uint256 tokenId);
    /// @notice The commitment leaf is not in the credential's claims root.
    error CommitmentNotInCredential(uint256 tokenId);
    /// @notice `day` is more than `dayTolerance` days from today.
    error DayOutOfTolerance(uint256 day, uint256 today);
    /// @notice The zero-knowledge proof does not verify for this commitment, boundary and caller.
    error InvalidPredicateProof();

    /// @param registry_ The credential registry.
    /// @param verifier_ The Groth16 verifier of the range circuit.
    /// @param trustedIssuer_ The issuer whose credentials count.
    /// @param minAge_ The age to prove (0 to 99).
    /// @param dayTolerance_ Days `day` may differ from today.
    constructor(
        CredentialRegistry registry_,
        RangePredicateVerifier verifier_,
        address trustedIssuer_,
        uint256 minAge_,
        uint256 dayTolerance_
    ) {
        registry = registry_;
        verifier = verifier_;
        trustedIssuer = trustedIssuer_;
        minAge = minAge_;
        dayTolerance = dayTolerance_;
    }

    /// @notice A Groth16 proof (points in {RangePredicateVerifier-verifyProof}'s order).
    struct Groth16Proof {
        uint256[2] a;
        uint256[2][2] b;
        uint256[2] c;
    }

    /// @notice Admits the caller if they prove being at least {minAge} on `day` with credential `tokenId`.
    /// @param tokenId The caller's credential.
    /// @param commitment The value of its `birth_date#poseidon` claim.
    /// @param salt That claim's salt (from the holder's claims file).
    /// @param day Today as the prover saw it, days since 1970-01-01.
    /// @param zkProof The range proof, made with the caller's address as binding.
    /// @param proof Multiproof of the commitment leaf.
    /// @param proofFlags Multiproof flags.
    function enter(
        uint256 tokenId,
        uint256 commitment,
        bytes32 salt,
        uint256 day,
        Groth16Proof calldata zkProof,
        bytes32[] calldata proof,
        bool[] calldata proofFlags
    ) external {
        _checkCredential(tokenId, commitment, salt, proof, proofFlags);
        _checkPredicate(commitment, day, zkProof);
        admitted[msg.sender] = true;
        emit Admitted(msg.sender, tokenId, day);
    }

    /// @dev The caller holds a valid credential of the trusted issuer whose claims include the commitment.
    function _checkCredential(
        uint256 tokenId,
        uint256 commitment,
        bytes32 salt,
        bytes32[] calldata proof,
        bool[] calldata proofFlags
    ) private view {
        CredentialRegistry.Credential memory c = registry.credential(tokenId);
        if (c.holder != msg.sender) revert NotHolder(tokenId, msg.sender);
        if (c.issuer != trustedIssuer) revert UntrustedIssuer(c.issuer);
        if (c.revoked || (c.expiry != 0 && block.timestamp >= c.expiry)) revert CredentialNotValid(tokenId);
        bytes32[] memory leaves = new bytes32[](1);
        leaves[0] = CredentialClaims.leaf(COMMITMENT_TYPE, COMMITMENT_CLAIM, abi.encode(commitment), salt);
        if (!registry.verifyClaims(tokenId, leaves, proof, proofFlags)) revert CommitmentNotInCredential(tokenId);
    }

    /// @dev `day` is close to today and the proof shows the committed birth date is on or before the boundary.
    function _checkPredicate(uint256 commitment, uint256 day, Groth16Proof calldata zkProof) private view {
        uint256 today = block.timestamp / 1 days;
        if (day > today + dayTolerance || day + dayTolerance < today) revert DayOutOfTolerance(day, today);
        // Public inputs in circuit order: commitment, bounds = lo + hi * 2^64 (lo = 0), binding = the caller.
        uint256 bounds = PredicateDates.ageBoundaryDay(day, minAge) << 64;
        if (!verifier.verifyProof(zkProof.a, zkProof.b, zkProof.c, [commitment, bounds, uint256(uint160(msg.sender))])) {
            revert InvalidPredicateProof();
        }
    }
}
