/**
 * The byte writer and reader of the compact access encodings (challenge text, proof payload). Internal,
 * browser-safe. Numbers are unsigned LEB128 varints (multiformats' `varint`), big integers and strings are
 * length-prefixed, addresses 20 raw bytes. Every read is bounds-checked: a truncated or damaged input
 * throws `AccessError("ACCESS_MALFORMED_PAYLOAD")`.
 */
import { varint } from "multiformats";
import { base64url } from "multiformats/bases/base64";
import { bytesToHex, getAddress, hexToBytes, type Address, type Hex } from "viem";
import { AccessError } from "../errors/AccessError.js";

/** The most text a payload may have: about what a phone camera reads reliably from one QR code. */
export const maxAccessPayloadLength = 1000;

export class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  u8(value: number): this {
    this.parts.push(Uint8Array.of(value));
    return this;
  }
  uint(value: number): this {
    this.parts.push(varint.encodeTo(value, new Uint8Array(varint.encodingLength(value))));
    return this;
  }
  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }
  address(value: Address): this {
    return this.raw(hexToBytes(value));
  }
  bigint(value: bigint): this {
    const hex = value === 0n ? "" : value.toString(16);
    const bytes = hex === "" ? new Uint8Array(0) : hexToBytes(`0x${hex.length % 2 ? "0" : ""}${hex}`);
    return this.u8(bytes.length).raw(bytes);
  }
  text(value: string): this {
    const bytes = new TextEncoder().encode(value);
    if (bytes.length > 255) throw malformed("a text field is longer than 255 bytes");
    return this.u8(bytes.length).raw(bytes);
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export class ByteReader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}
  private take(n: number, what: string): Uint8Array {
    if (this.at + n > this.data.length) throw malformed(`it ends inside the ${what}`);
    const out = this.data.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  u8(what: string): number {
    return this.take(1, what)[0]!;
  }
  uint(what: string): number {
    try {
      const [value, length] = varint.decode(this.data, this.at);
      if (!Number.isSafeInteger(value) || length < 1 || this.at + length > this.data.length) throw new Error("out of range");
      this.at += length;
      return value;
    } catch {
      throw malformed(`the ${what} is not a valid number`);
    }
  }
  raw(n: number, what: string): Uint8Array {
    return this.take(n, what);
  }
  address(what: string): Address {
    return getAddress(bytesToHex(this.take(20, what)));
  }
  bigint(what: string): bigint {
    const length = this.u8(what);
    if (length > 32) throw malformed(`the ${what} is longer than 32 bytes`);
    const bytes = this.take(length, what);
    return length === 0 ? 0n : BigInt(bytesToHex(bytes));
  }
  text(what: string): string {
    const bytes = this.take(this.u8(what), what);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw malformed(`the ${what} is not UTF-8 text`);
    }
  }
  rest(): Uint8Array {
    const out = this.data.subarray(this.at);
    this.at = this.data.length;
    return out;
  }
  end(what: string): void {
    if (this.at !== this.data.length) throw malformed(`it has ${this.data.length - this.at} stray bytes after the ${what}`);
  }
}

/** `<prefix><base64url of bytes>`, refused above {@link maxAccessPayloadLength} characters. */
export function toText(prefix: string, bytes: Uint8Array): string {
  const text = `${prefix}${base64url.baseEncode(bytes)}`;
  if (text.length > maxAccessPayloadLength) throw tooLarge(text.length);
  return text;
}

/** The bytes of `<prefix><base64url>` text (whitespace around it ignored). */
export function fromText(prefix: string, text: string, what: string): Uint8Array {
  if (typeof text !== "string") throw malformed(`the ${what} is not text`);
  const trimmed = text.trim();
  if (trimmed.length > maxAccessPayloadLength) throw tooLarge(trimmed.length);
  if (!trimmed.startsWith(prefix)) {
    throw malformed(`the ${what} does not start with "${prefix}" (it is not a mintkit ${what}, or of another version)`);
  }
  const body = trimmed.slice(prefix.length);
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw malformed(`the ${what} has characters that are not base64url`);
  try {
    return base64url.baseDecode(body);
  } catch {
    throw malformed(`the ${what} is not valid base64url`);
  }
}

export function hexSignature(bytes: Uint8Array): Hex {
  return bytesToHex(bytes);
}

export function malformed(reason: string): AccessError<"ACCESS_MALFORMED_PAYLOAD"> {
  return new AccessError("ACCESS_MALFORMED_PAYLOAD", `The access payload cannot be read: ${reason}.`, {
    hint: "Scan the holder's QR code again (or copy the whole text); if it still fails, the holder makes a new proof.",
    details: { reason },
  });
}

export function tooLarge(size: number): AccessError<"ACCESS_PAYLOAD_TOO_LARGE"> {
  return new AccessError(
    "ACCESS_PAYLOAD_TOO_LARGE",
    `The access payload is ${size} characters, more than the ${maxAccessPayloadLength} a phone camera reads reliably from a QR code.`,
    {
      hint: "Use a shorter audience URL or event id; a contract wallet's ERC-6492 signature (an undeployed wallet) can be too long: deploy the wallet first.",
      details: { size, limit: maxAccessPayloadLength },
    },
  );
}
