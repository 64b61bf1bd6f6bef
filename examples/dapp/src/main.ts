/**
 * mintkit example dapp: plain TypeScript on viem + mintkit, no framework. Each section is one task a dapp
 * does with mintkit: connect an injected EIP-1193 wallet, show a collection, redeem a lazy-mint voucher
 * file, compute a file's IPFS CIDs in the browser, and verify a credential presentation. Tickets at the
 * door have their own pages: holder.html (src/holder.ts) and door.html (src/door.ts).
 */
import { formatEther, getAddress, isAddress, type Address, type PublicClient, type WalletClient } from "viem";
import {
  cidForBytes,
  mintkitCollectionAbi,
  parsePresentation,
  parseSignedVoucher,
  redeemVoucher,
  verifyPresentation,
  verifyVoucher,
  voucherTotalPrice,
  type SignedVoucher,
} from "mintkit";
import { $, connectWallet, describe, firstFile, guard, onFileDrop, show } from "./shared.js";

let wallet: { publicClient: PublicClient; walletClient: WalletClient; account: Address } | undefined;

// ── wallet ────────────────────────────────────────────────────────────────────────────────────────────
async function connect(): Promise<void> {
  const connected = await connectWallet("account");
  if (!connected) return;
  wallet = connected;
  show("account", wallet.account, "ok");
  show("chain", String(connected.chainId));
  const preset = new URLSearchParams(location.search).get("collection");
  if (preset && isAddress(preset)) {
    $<HTMLInputElement>("collection-address").value = preset;
    await showCollection();
  }
}

function requireWallet(): NonNullable<typeof wallet> {
  if (!wallet) throw new Error("Connect your wallet first.");
  return wallet;
}

// ── collection ────────────────────────────────────────────────────────────────────────────────────────
async function showCollection(): Promise<void> {
  const { publicClient, account } = requireWallet();
  const input = $<HTMLInputElement>("collection-address").value.trim();
  if (!isAddress(input)) {
    show("collection-name", "Not a contract address: paste the collection's 0x… address.", "bad");
    return;
  }
  const address = getAddress(input);
  const contract = { address, abi: mintkitCollectionAbi } as const;
  const [name, symbol, supply, next] = await Promise.all([
    publicClient.readContract({ ...contract, functionName: "name" }),
    publicClient.readContract({ ...contract, functionName: "symbol" }),
    publicClient.readContract({ ...contract, functionName: "totalSupply" }),
    publicClient.readContract({ ...contract, functionName: "nextTokenId" }),
  ]);
  // Not enumerable on purpose (gas): look at each id minted so far (fine for a small collection; an
  // indexer or the Transfer events serve a large one).
  const ids = Array.from({ length: Number(next < 500n ? next : 500n) }, (_, i) => BigInt(i));
  const owners = await Promise.all(
    ids.map((id) => publicClient.readContract({ ...contract, functionName: "ownerOf", args: [id] }).catch(() => undefined)),
  );
  const mine = ids.filter((_, i) => owners[i] === account);
  show("collection-name", name);
  show("collection-symbol", symbol);
  show("collection-supply", supply.toString());
  show("collection-owned", mine.length ? mine.map((id) => `#${id}`).join(", ") : "none yet");
}

// ── vouchers ──────────────────────────────────────────────────────────────────────────────────────────
let signed: SignedVoucher | undefined;

async function loadVoucher(file: File): Promise<void> {
  const { publicClient } = requireWallet();
  signed = undefined;
  $<HTMLButtonElement>("redeem").disabled = true;
  show("voucher-status", "");
  try {
    signed = parseSignedVoucher(await file.text());
  } catch (error) {
    show("voucher-summary", `This is not a voucher file: ${describe(error)}`, "bad");
    return;
  }
  const { voucher, signature, signer, contract } = signed;
  const price = voucherTotalPrice(voucher);
  show(
    "voucher-summary",
    `${voucher.quantity} token(s) at ${contract} for ${formatEther(price)} ETH, signed by ${signer}.`,
  );
  const check = await verifyVoucher(publicClient, { voucher, signature, signer, contract, signedFor: signed });
  if (!check.valid) {
    show("voucher-status", `Cannot be redeemed: ${check.problems.map((p) => `${p.code} (${p.message})`).join("; ")}`, "bad");
    return;
  }
  show("voucher-status", "Signature and voucher verified: ready to redeem.", "ok");
  $<HTMLButtonElement>("redeem").disabled = false;
}

async function redeem(): Promise<void> {
  const { walletClient, publicClient } = requireWallet();
  if (!signed) return;
  $<HTMLButtonElement>("redeem").disabled = true;
  show("voucher-status", "Confirm the transaction in your wallet…");
  try {
    const result = await redeemVoucher(walletClient, publicClient, signed);
    show(
      "voucher-status",
      `Redeemed: token ${result.tokenIds.map((id) => `#${id}`).join(", ")} for ${formatEther(result.value)} ETH ` +
        `(gas fee ${formatEther(result.fee)} ETH).`,
      "ok",
    );
    $<HTMLInputElement>("collection-address").value = signed.contract;
    await showCollection();
  } catch (error) {
    show("voucher-status", `Redeem failed: ${describe(error)}`, "bad");
    $<HTMLButtonElement>("redeem").disabled = false;
  }
}

// ── CIDs ──────────────────────────────────────────────────────────────────────────────────────────────
async function computeCids(file: File): Promise<void> {
  show("cid-name", `${file.name} (${file.size.toLocaleString("en-US")} bytes)`);
  show("cid-v1", "computing…");
  show("cid-v0", "computing…");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [v1, v0] = await Promise.all([cidForBytes(bytes, "kubo-v1"), cidForBytes(bytes, "kubo-v0")]);
  show("cid-v1", v1.toString(), "ok");
  show("cid-v0", v0.toString(), "ok");
}

// ── presentations ─────────────────────────────────────────────────────────────────────────────────────
async function verifyPresentationFile(file: File): Promise<void> {
  const { publicClient } = requireWallet();
  const reasons = $("presentation-reasons");
  reasons.replaceChildren();
  const [registry, issuer] = $<HTMLInputElement>("trusted-issuer").value.trim().split(":");
  if (!registry || !issuer || !isAddress(registry) || !isAddress(issuer)) {
    show("presentation-status", "Enter the trusted issuer as <registry address>:<issuer address>.", "bad");
    return;
  }
  let presentation;
  try {
    presentation = parsePresentation(await file.text());
  } catch (error) {
    show("presentation-status", `Not a presentation file: ${describe(error)}`, "bad");
    return;
  }
  // One clock: the chain's latest block time, as the CLI and the registry's isValid use (a local chain that
  // mines many blocks quickly runs ahead of the wall clock).
  const now = Number((await publicClient.getBlock({ blockTag: "latest" })).timestamp);
  const result = await verifyPresentation(publicClient, presentation, {
    now,
    trustedIssuers: [{ registry: getAddress(registry), issuer: getAddress(issuer) }],
    audience: $<HTMLInputElement>("audience").value.trim(),
    nonce: $<HTMLInputElement>("nonce").value.trim(),
    requiredClaims: ["age_over_18"],
  });
  if (result.valid && result.claims["age_over_18"] === true) {
    show("presentation-status", "Over 18: verified", "ok");
    return;
  }
  show("presentation-status", result.valid ? "Not over 18 (the credential says age_over_18 = false)" : "Not verified", "bad");
  for (const reason of result.reasons) {
    const li = document.createElement("li");
    li.textContent = `${reason.code}: ${reason.message}`;
    reasons.append(li);
  }
}

// ── wiring ────────────────────────────────────────────────────────────────────────────────────────────
$("connect").addEventListener("click", guard("account", connect));
$("collection-form").addEventListener("submit", (event) => {
  event.preventDefault();
  guard("collection-name", showCollection)();
});
$<HTMLInputElement>("voucher-file").addEventListener("change", (event) => {
  const file = firstFile(event.target as HTMLInputElement);
  if (file) guard("voucher-summary", () => loadVoucher(file))();
});
$("redeem").addEventListener("click", guard("voucher-status", redeem));
$<HTMLInputElement>("cid-file").addEventListener("change", (event) => {
  const file = firstFile(event.target as HTMLInputElement);
  if (file) guard("cid-v1", () => computeCids(file))();
});
onFileDrop("drop", (file) => guard("cid-v1", () => computeCids(file))());
$<HTMLInputElement>("presentation-file").addEventListener("change", (event) => {
  const file = firstFile(event.target as HTMLInputElement);
  if (file) guard("presentation-status", () => verifyPresentationFile(file))();
});
