/**
 * The holder page: connect the wallet, take the door's challenge (pasted, a picture of its QR code, or
 * the camera), see what it asks and which of the wallet's tokens qualify, sign it with mintkit's
 * `proveAccess` (the wallet shows the EIP-4361 "Sign-In with Ethereum" message), then show the proof as a
 * big QR code (`accessQrSvg`) and as text.
 */
import { decodeAccessChallenge, encodeAccessProof, proveAccess, type AccessChallenge } from "mintkit";
import { heldTokens } from "./heldTokens.js";
import { readQrFile, scanCamera, showQr, type CameraScan } from "./qrImage.js";
import { $, connectWallet, describe, describeGrant, firstFile, guard, show, type Wallet } from "./shared.js";

let wallet: Wallet | undefined;
let challenge: AccessChallenge | undefined;
/** The holder typed a token id for this challenge: the page no longer fills one in. */
let typed = false;

const time = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString("en-GB", { hour12: false });

function requireWallet(): Wallet {
  if (!wallet) throw new Error("Connect your wallet first (step 1).");
  return wallet;
}

async function connect(): Promise<void> {
  const connected = await connectWallet("account");
  if (!connected) return;
  wallet = connected;
  show("account", wallet.account, "ok");
  show("chain", String(wallet.chainId));
  if (challenge) await describeChallenge(challenge);
}

// ── the challenge ─────────────────────────────────────────────────────────────────────────────────────
async function takeChallenge(text: string): Promise<void> {
  challenge = undefined;
  typed = false;
  $<HTMLButtonElement>("sign").disabled = true;
  $("proof").hidden = true;
  show("sign-status", "");
  try {
    challenge = decodeAccessChallenge(text.trim());
  } catch (error) {
    $("ask").hidden = true;
    show("challenge-status", `This is not a door's challenge: ${describe(error)}`, "bad");
    return;
  }
  $<HTMLTextAreaElement>("challenge-text").value = text.trim();
  await describeChallenge(challenge);
}

/** What the challenge asks, and which of the wallet's tokens answer it. */
async function describeChallenge(c: AccessChallenge): Promise<void> {
  const { grant } = c;
  $("ask").hidden = false;
  show("ask-event", c.event);
  show("ask-door", c.audience);
  show("ask-ticket", describeGrant(grant));
  const tokenInput = $<HTMLInputElement>("token-id");
  const fixed = grant.tokenId;
  tokenInput.readOnly = fixed !== undefined;
  tokenInput.value = fixed === undefined ? "" : String(fixed);
  show("challenge-status", "Challenge read.", "ok");
  show("tokens-held", "reading your tokens…");
  if (!wallet) {
    show("ask-expiry", `${time(c.expiresAt)}`);
    show("ask-chain", String(c.chainId));
    show("tokens-held", "connect your wallet to see them");
    return;
  }
  const now = Number((await wallet.publicClient.getBlock({ blockTag: "latest" })).timestamp);
  if (challenge !== c) return; // another challenge was taken meanwhile
  const left = c.expiresAt - now;
  show("ask-expiry", left > 0 ? `${time(c.expiresAt)} (in ${left} s)` : `${time(c.expiresAt)}: expired, ask the door for a new challenge`, left > 0 ? undefined : "bad");
  const sameChain = c.chainId === wallet.chainId;
  show("ask-chain", sameChain ? String(c.chainId) : `${c.chainId}, but your wallet is on ${wallet.chainId}: switch networks`, sameChain ? undefined : "bad");
  $<HTMLButtonElement>("sign").disabled = false;
  if (!sameChain) return;
  const held = await heldTokens(wallet.publicClient, wallet.account, grant);
  if (challenge !== c) return;
  if (held.length === 0) {
    show("tokens-held", "none of your tokens qualifies now: the door will refuse a proof for a token you do not hold", "bad");
    return;
  }
  show("tokens-held", held.map((id) => `#${id}`).join(", "), "ok");
  if (!typed && tokenInput.value === "") tokenInput.value = String(held[0]);
}

// ── signing ───────────────────────────────────────────────────────────────────────────────────────────
async function sign(): Promise<void> {
  const { walletClient } = requireWallet();
  if (!challenge) throw new Error("Take the door's challenge first (step 2).");
  const idText = $<HTMLInputElement>("token-id").value.trim();
  if (!/^[0-9]+$/.test(idText)) {
    show("sign-status", "Enter the id of the token you present (a whole number).", "bad");
    return;
  }
  show("sign-status", "Confirm the sign-in message in your wallet…");
  const proof = await proveAccess(walletClient, { challenge, tokenId: BigInt(idText) });
  const payload = encodeAccessProof(proof);
  await showQr($<HTMLImageElement>("proof-qr"), payload, `Ticket proof for ${challenge.event}, token #${proof.tokenId}`);
  $<HTMLTextAreaElement>("proof-text").value = payload;
  show("proof-size", `${payload.length} characters; a QR code holds up to 1,000 here`);
  $("proof").hidden = false;
  $("proof").scrollIntoView({ block: "center" });
  show("sign-status", `Signed for token #${proof.tokenId}: show the code to the door before ${time(challenge.expiresAt)}.`, "ok");
}

// ── camera ────────────────────────────────────────────────────────────────────────────────────────────
let camera: CameraScan | undefined;

async function toggleCamera(): Promise<void> {
  if (camera) {
    camera.stop();
    camera = undefined;
    return;
  }
  camera = await scanCamera($<HTMLVideoElement>("challenge-camera-view"), (text) => {
    camera?.stop();
    camera = undefined;
    guard("challenge-status", () => takeChallenge(text))();
  });
}

// ── wiring ────────────────────────────────────────────────────────────────────────────────────────────
$("connect").addEventListener("click", guard("account", connect));
$("read-challenge").addEventListener("click", guard("challenge-status", () => takeChallenge($<HTMLTextAreaElement>("challenge-text").value)));
$<HTMLInputElement>("challenge-image").addEventListener("change", (event) => {
  const input = event.target as HTMLInputElement;
  const file = firstFile(input);
  input.value = "";
  if (file) guard("challenge-status", async () => takeChallenge(await readQrFile(file)))();
});
$("token-id").addEventListener("input", () => (typed = true));
$("challenge-camera").addEventListener("click", guard("challenge-status", toggleCamera));
$("sign").addEventListener("click", () => {
  guard("sign-status", sign)();
});
