/**
 * The compact text forms that travel between verifier, holder and door. Browser-safe.
 *
 * - challenge: `mkac1.` + base64url(bytes), what `mintkit access challenge` prints and `prove` reads;
 * - proof (the QR payload): `mkap1.` + base64url(bytes), about 240 characters for an EOA signature.
 *
 * The bytes carry only the fields of the SIWE message (the verifier rebuilds its text with
 * {@link accessMessage}) and the signature: version, kind, chain id (varint), collection (20 bytes),
 * token id and minimum balance (length-prefixed), nonce (16 bytes), issued-at and expiry (varints),
 * audience and event (length-prefixed UTF-8), then, for a proof, the holder (20 bytes), the presented
 * token id and the signature (the rest). Text longer than 1,000 characters is refused both ways.
 */
import { hexToBytes } from "viem";
import type { AccessChallenge, AccessGrant, AccessProof } from "./accessTypes.js";
import { ByteReader, ByteWriter, fromText, hexSignature, malformed, toText } from "./compactBytes.js";
import { challengeProblems, invalidChallenge, normalizeChallenge } from "./createAccessChallenge.js";

const CHALLENGE_PREFIX = "mkac1.";
const PROOF_PREFIX = "mkap1.";
const VERSION = 1;
const KIND_721 = 0;
const KIND_721_ANY = 1;
const KIND_1155 = 2;

function writeChallenge(w: ByteWriter, challenge: AccessChallenge): void {
  const problems = challengeProblems(challenge);
  if (problems.length > 0) throw invalidChallenge(problems);
  const { grant } = challenge;
  w.u8(VERSION).u8(grant.kind === "erc1155" ? KIND_1155 : grant.tokenId === undefined ? KIND_721_ANY : KIND_721);
  w.uint(challenge.chainId).address(grant.collection);
  if (grant.kind === "erc1155") w.bigint(grant.tokenId).bigint(grant.minBalance ?? 1n);
  else if (grant.tokenId !== undefined) w.bigint(grant.tokenId);
  w.raw(hexToBytes(`0x${challenge.nonce}`)).uint(challenge.issuedAt).uint(challenge.expiresAt);
  w.text(challenge.audience).text(challenge.event);
}

function readChallenge(r: ByteReader): AccessChallenge {
  const version = r.u8("version");
  if (version !== VERSION) throw malformed(`it is version ${version}; this mintkit reads version ${VERSION}`);
  const kind = r.u8("kind");
  if (kind !== KIND_721 && kind !== KIND_721_ANY && kind !== KIND_1155) throw malformed(`its ticket kind ${kind} is unknown`);
  const chainId = r.uint("chain id");
  const collection = r.address("collection");
  let grant: AccessGrant;
  if (kind === KIND_1155) grant = { kind: "erc1155", collection, tokenId: r.bigint("token id"), minBalance: r.bigint("minimum balance") };
  else grant = kind === KIND_721 ? { kind: "erc721", collection, tokenId: r.bigint("token id") } : { kind: "erc721", collection };
  const nonce = Array.from(r.raw(16, "nonce"), (b) => b.toString(16).padStart(2, "0")).join("");
  const issuedAt = r.uint("issued-at time");
  const expiresAt = r.uint("expiry");
  const audience = r.text("audience");
  const event = r.text("event");
  const challenge: AccessChallenge = { audience, event, chainId, grant, nonce, issuedAt, expiresAt };
  const problems = challengeProblems(challenge);
  if (problems.length > 0) throw malformed(problems.join("; "));
  return normalizeChallenge(challenge);
}

/**
 * A challenge as compact text (`mkac1.…`) to hand to a holder.
 * @example
 * const text = encodeAccessChallenge(challenge); // "mkac1.AQEB…"
 */
export function encodeAccessChallenge(challenge: AccessChallenge): string {
  const w = new ByteWriter();
  writeChallenge(w, challenge);
  return toText(CHALLENGE_PREFIX, w.bytes());
}

/**
 * Reads `mkac1.…` challenge text. Damaged or foreign text throws `ACCESS_MALFORMED_PAYLOAD`; text over
 * 1,000 characters `ACCESS_PAYLOAD_TOO_LARGE`.
 * @example
 * const challenge = decodeAccessChallenge(text);
 */
export function decodeAccessChallenge(text: string): AccessChallenge {
  const r = new ByteReader(fromText(CHALLENGE_PREFIX, text, "access challenge"));
  const challenge = readChallenge(r);
  r.end("challenge");
  return challenge;
}

/**
 * A proof as the compact text a QR code carries (`mkap1.…`, at most 1,000 characters).
 * @example
 * const payload = encodeAccessProof(proof);
 * const svg = await accessQrSvg(payload);
 */
export function encodeAccessProof(proof: AccessProof): string {
  const w = new ByteWriter();
  writeChallenge(w, proof.challenge);
  w.address(proof.holder).bigint(proof.tokenId).raw(hexToBytes(proof.signature));
  return toText(PROOF_PREFIX, w.bytes());
}

/**
 * Reads a proof payload (`mkap1.…`, from a QR code or pasted). Damaged or foreign text throws
 * `ACCESS_MALFORMED_PAYLOAD`; text over 1,000 characters `ACCESS_PAYLOAD_TOO_LARGE`. Whether the proof is
 * valid is {@link verifyAccess}'s question.
 * @example
 * const proof = decodeAccessProof(scannedText);
 */
export function decodeAccessProof(text: string): AccessProof {
  const r = new ByteReader(fromText(PROOF_PREFIX, text, "access proof"));
  const challenge = readChallenge(r);
  const holder = r.address("holder");
  const tokenId = r.bigint("token id");
  const signature = r.rest();
  if (signature.length < 64) throw malformed(`its signature is ${signature.length} bytes, too short to be one`);
  return { challenge, holder, tokenId, signature: hexSignature(signature) };
}
