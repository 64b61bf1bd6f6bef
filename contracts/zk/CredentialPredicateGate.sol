// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CredentialRegistry} from "../identity/CredentialRegistry.sol";
import {CredentialClaims} from "../identity/CredentialClaims.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {PredicateDates} from "./PredicateDates.sol";
import {RangePredicateVerifier} from "./RangePredicateVerifier.sol";

/**
 * @title CredentialPredicateGate
 * @notice An example verifier contract: admits the holder of a valid credential from a trusted issuer who
 * proves in zero knowledge that they are at least `minAge` years old today, without revealing their birth date.
 *
 * The credential's claims include `("uint256", "birth_date#poseidon", Poseidon(birth_date, blinding))`, an
 * ordinary EAS leaf. The commitment is the proof's first public input and the caller passes that claim's salt;
 * the gate computes the leaf itself (by value) and checks it is in the claims root the registry records for the
 * credential (the Merkle check of {CredentialRegistry-verifyClaims} for one leaf, done here: one call into the registry).
 * The Groth16 proof shows `birth_date <= ageBoundaryDay(day, minAge)` for the committed value, with
 * the caller's address as the binding public input: a proof copied from the mempool fails for anyone else.
 * `day` (days since 1970-01-01) must be within `dayTolerance` days of `block.timestamp`.
 *
 * The Groth16 verifier is inherited and called on this same (already warm) address: no second contract to call
 * cold. Admission is an event, not storage: an integration does its own thing (mint a ticket, open a vote)
 * after {enter}'s checks.
 */
contract CredentialPredicateGate is RangePredicateVerifier {
    /// @notice The committed claim's name and type, as in the credential's leaves.
    string public constant COMMITMENT_CLAIM = "birth_date#poseidon";
    string private constant COMMITMENT_TYPE = "uint256";

    CredentialRegistry public immutable registry;
    address public immutable trustedIssuer;
    /// @notice The age the caller must prove, in whole years.
    uint256 public immutable minAge;
    /// @notice How many days `day` may differ from today (clock and time-zone slack).
    uint256 public immutable dayTolerance;

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
    /// @param trustedIssuer_ The issuer whose credentials count.
    /// @param minAge_ The age to prove (0 to 99).
    /// @param dayTolerance_ Days `day` may differ from today.
    constructor(
        CredentialRegistry registry_,
        address trustedIssuer_,
        uint256 minAge_,
        uint256 dayTolerance_
    ) {
        registry = registry_;
        trustedIssuer = trustedIssuer_;
        minAge = minAge_;
        dayTolerance = dayTolerance_;
    }

    /// @notice A Groth16 proof (points in {RangePredicateVerifier-verifyProof}'s order) and its public inputs
    /// (commitment, lo + hi * 2^64, binding): the gate checks they are the ones it expects.
    struct Groth16Proof {
        uint256[2] a;
        uint256[2][2] b;
        uint256[2] c;
        uint256[3] publicInputs;
    }

    /// @notice Admits the caller if they prove being at least {minAge} on `day` with credential `tokenId`.
    /// @param tokenId The caller's credential.
    /// @param salt The salt of its `birth_date#poseidon` claim (from the holder's claims file); the claim's value,
    /// the commitment, is the proof's first public input.
    /// @param day Today as the prover saw it, days since 1970-01-01.
    /// @param zkProof The range proof, made with the caller's address as binding, and its public inputs.
    /// @param proof Merkle proof of the commitment leaf in the claims tree (OpenZeppelin `StandardMerkleTree`
    /// `getProof`; the same as the `proof` of a one-leaf multiproof, whose flags are all false).
    function enter(uint256 tokenId, bytes32 salt, uint256 day, Groth16Proof calldata zkProof, bytes32[] calldata proof)
        external
    {
        uint256 commitment = zkProof.publicInputs[0];
        _checkCredential(tokenId, commitment, salt, proof);
        _checkPredicate(day, zkProof);
        emit Admitted(msg.sender, tokenId, day);
    }

    /// @dev The caller holds a valid credential of the trusted issuer whose claims include the commitment.
    function _checkCredential(uint256 tokenId, uint256 commitment, bytes32 salt, bytes32[] calldata proof) private view {
        CredentialRegistry.Credential memory c = registry.credential(tokenId);
        if (c.holder != msg.sender) revert NotHolder(tokenId, msg.sender);
        if (c.issuer != trustedIssuer) revert UntrustedIssuer(c.issuer);
        if (c.revoked || (c.expiry != 0 && block.timestamp >= c.expiry)) revert CredentialNotValid(tokenId);
        // By value: the leaf is hashed here from the commitment, and checked against the root the registry records
        // (the check of the registry's verifyClaims, without a second call into it).
        bytes32 leaf = CredentialClaims.leaf(COMMITMENT_TYPE, COMMITMENT_CLAIM, abi.encode(commitment), salt);
        if (!MerkleProof.verifyCalldata(proof, c.claimsRoot, leaf)) revert CommitmentNotInCredential(tokenId);
    }

    /// @dev `day` is close to today and the proof shows the committed birth date is on or before the boundary.
    /// The public inputs come in calldata (the verifier reads them from there) and are checked against the
    /// expected ones first: bounds = lo + hi * 2^64 with lo = 0, binding = the caller.
    function _checkPredicate(uint256 day, Groth16Proof calldata zkProof) private view {
        uint256 today = block.timestamp / 1 days;
        if (day > today + dayTolerance || day + dayTolerance < today) revert DayOutOfTolerance(day, today);
        uint256[3] calldata pub = zkProof.publicInputs;
        // pub[0], the commitment, is the value of the leaf _checkCredential found in the credential.
        if (pub[1] != PredicateDates.ageBoundaryDay(day, minAge) << 64 || pub[2] != uint256(uint160(msg.sender))) {
            revert InvalidPredicateProof();
        }
        // An external self-call on purpose: the generated verifier ends with assembly `return`, which inside an
        // internal call would end the whole transaction successfully whatever the proof (tested).
        if (!this.verifyProof(zkProof.a, zkProof.b, zkProof.c, pub)) revert InvalidPredicateProof();
    }
}
