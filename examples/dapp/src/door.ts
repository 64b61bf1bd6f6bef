/**
 * The door page: the organiser sets the event and the ticket, the page shows a challenge (QR code and
 * text) for holders, reads each holder's proof (camera, picture of the QR code, or pasted text) and checks it
 * with mintkit's `admitAccess` against the chain and a check-in store kept for this page's session.
 */
import { createPublicClient, custom, http, type PublicClient, type Transport } from "viem";
import {
  admitAccess,
  createAccessChallenge,
  createMemoryCheckInStore,
  encodeAccessChallenge,
  isMintkitError,
  type AdmitAccessReturnType,
} from "mintkit";
import { readDoorSettings, type DoorSettings } from "./doorSettings.js";
import { scanCamera, readQrFile, showQr, type CameraScan } from "./qrImage.js";
import { $, anyChain, describe, describeGrant, firstFile, guard, onFileDrop, show } from "./shared.js";

interface Door extends DoorSettings {
  readonly client: PublicClient;
  readonly chainId: number;
}

let door: Door | undefined;
/** Admissions and seen nonces of this page's session (see the note on the page for several doors). */
const store = createMemoryCheckInStore();
let admitted = 0;

const time = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString("en-GB", { hour12: false });

// ── settings → door ───────────────────────────────────────────────────────────────────────────────────
async function openDoor(): Promise<void> {
  const settings = readDoorSettings();
  let transport: Transport;
  if (settings.source.kind === "wallet") {
    if (!window.ethereum) throw new Error("There is no browser wallet here: read the chain through an RPC URL instead.");
    transport = custom(window.ethereum);
  } else {
    transport = http(settings.source.url);
  }
  const chainId = await createPublicClient({ transport }).getChainId();
  door = { ...settings, chainId, client: createPublicClient({ chain: anyChain(chainId), transport }) };
  show("settings-status", `Door open for ${settings.event} on chain ${chainId}: admits ${describeGrant(settings.grant)}.`, "ok");
  $("challenge").hidden = false;
  $("check").hidden = false;
  await newChallenge();
}

function requireDoor(): Door {
  if (!door) throw new Error("Open the door first (step 1).");
  return door;
}

let renewal: ReturnType<typeof setTimeout> | undefined;

/**
 * A fresh challenge (its nonce admits one proof), timed by the chain's latest block like the CLI's, and
 * replaced shortly before it expires so the code on show can always be answered.
 */
async function newChallenge(): Promise<void> {
  const { client, audience, event, chainId, grant, ttl } = requireDoor();
  clearTimeout(renewal);
  renewal = setTimeout(guard("challenge-expiry", newChallenge), Math.max(5, ttl - 30) * 1000);
  const now = Number((await client.getBlock({ blockTag: "latest" })).timestamp);
  const challenge = createAccessChallenge({ audience, event, chainId, grant, now, ttl });
  const text = encodeAccessChallenge(challenge);
  await showQr($<HTMLImageElement>("challenge-qr"), text, `Access challenge for ${event}`);
  $<HTMLTextAreaElement>("challenge-text").value = text;
  show("challenge-expiry", `expires at ${time(challenge.expiresAt)} (chain time)`);
}

// ── checking a proof ──────────────────────────────────────────────────────────────────────────────────
function verdict(tone: "admit" | "refused" | "unreadable", title: string, reason: string, detail: string, first = ""): void {
  $("verdict").className = `verdict ${tone}`;
  show("verdict-title", title);
  show("verdict-reason", reason);
  show("verdict-detail", detail);
  show("verdict-first", first);
  const entry = document.createElement("li");
  entry.textContent = `${new Date().toLocaleTimeString("en-GB", { hour12: false })} ${title}${reason ? ` ${reason}` : ""}: ${detail}`;
  $("log").prepend(entry);
}

function showResult(result: AdmitAccessReturnType): void {
  if (result.admitted) {
    admitted += 1;
    show("admitted-count", String(admitted));
    const balance = result.balance === undefined ? "" : ` (balance ${result.balance})`;
    verdict("admit", "ADMIT", `Token #${result.tokenId}${balance}`, `Holder ${result.holder}, checked in at block ${result.blockNumber}.`);
    return;
  }
  const first = result.first ? `First admitted at ${new Date(result.first.at * 1000).toISOString()}, held then by ${result.first.holder}.` : "";
  verdict("refused", "REFUSED", result.reason, result.message, first);
}

/** Checks a proof payload; a payload that is not a proof at all is shown as unreadable. */
async function check(payload: string): Promise<void> {
  const current = requireDoor();
  show("verdict-title", "Checking…");
  $("verdict").className = "verdict";
  let result: AdmitAccessReturnType;
  try {
    result = await admitAccess(current.client, { proof: payload.trim(), audience: current.audience, event: current.event, accept: current.accept, store });
  } catch (error) {
    // A payload that is not a proof (ACCESS_MALFORMED_PAYLOAD, …), or the chain could not be read.
    const notATicket = isMintkitError(error) && error.code.startsWith("ACCESS_");
    verdict("unreadable", notATicket ? "NOT A TICKET" : "CANNOT CHECK NOW", "", describe(error));
    return;
  }
  showResult(result);
  await newChallenge();
}

async function checkImage(file: Blob): Promise<void> {
  requireDoor();
  let payload: string;
  try {
    payload = await readQrFile(file);
  } catch (error) {
    verdict("unreadable", "CANNOT READ THE QR CODE", "", describe(error));
    return;
  }
  await check(payload);
}

// ── camera ────────────────────────────────────────────────────────────────────────────────────────────
let camera: CameraScan | undefined;
/** The camera sees the same code many times a second: each payload is checked once while it stays in view. */
let lastSeen = { payload: "", at: 0 };
let busy = false;

async function toggleCamera(): Promise<void> {
  if (camera) {
    camera.stop();
    camera = undefined;
    $("camera").textContent = "Start camera";
    show("camera-status", "");
    return;
  }
  requireDoor();
  show("camera-status", "Starting the camera…");
  camera = await scanCamera($<HTMLVideoElement>("camera-view"), (payload) => {
    const now = Date.now();
    const repeat = payload === lastSeen.payload && now - lastSeen.at < 10_000;
    lastSeen = { payload, at: now };
    if (repeat || busy) return;
    busy = true;
    check(payload)
      .catch((error: unknown) => verdict("unreadable", "NOT A TICKET", "", describe(error)))
      .finally(() => (busy = false));
  });
  $("camera").textContent = "Stop camera";
  show("camera-status", "Hold the holder's QR code in front of the camera.", "ok");
}

// ── wiring ────────────────────────────────────────────────────────────────────────────────────────────
$<HTMLInputElement>("audience").value = location.origin;
$<HTMLInputElement>(window.ethereum ? "source-wallet" : "source-rpc").checked = true;
$("settings-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guard("settings-status", openDoor)();
});
$("new-challenge").addEventListener("click", guard("challenge-expiry", newChallenge));
$("copy-challenge").addEventListener(
  "click",
  guard("challenge-expiry", async () => {
    await navigator.clipboard.writeText($<HTMLTextAreaElement>("challenge-text").value);
    show("challenge-expiry", "Copied.", "ok");
  }),
);
$("camera").addEventListener("click", guard("camera-status", toggleCamera));
$("check-text").addEventListener("click", guard("verdict-detail", () => check($<HTMLTextAreaElement>("proof-text").value)));
$<HTMLInputElement>("proof-image").addEventListener("change", (event) => {
  const input = event.target as HTMLInputElement;
  const file = firstFile(input);
  input.value = ""; // the same file chosen again is a new check
  if (file) guard("verdict-detail", () => checkImage(file))();
});
onFileDrop("proof-drop", (file) => guard("verdict-detail", () => checkImage(file))());
