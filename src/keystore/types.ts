/** Key-derivation parameters of a Web3 Secret Storage v3 keystore using scrypt. */
export interface ScryptKdfParams {
  readonly dklen: number;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  /** Hex, no 0x. */
  readonly salt: string;
}

/** Key-derivation parameters of a Web3 Secret Storage v3 keystore using PBKDF2 (read only). */
export interface Pbkdf2KdfParams {
  readonly dklen: number;
  readonly c: number;
  readonly prf: "hmac-sha256";
  readonly salt: string;
}

/**
 * A Web3 Secret Storage v3 keystore (the JSON file geth, ethers, Foundry's `cast wallet` and MetaMask
 * exports use). Hex values have no 0x prefix; `address` is lowercase without 0x.
 */
export interface KeystoreV3 {
  readonly version: 3;
  readonly id: string;
  readonly address?: string;
  readonly crypto: {
    readonly cipher: "aes-128-ctr";
    readonly cipherparams: { readonly iv: string };
    readonly ciphertext: string;
    readonly kdf: "scrypt" | "pbkdf2";
    readonly kdfparams: ScryptKdfParams | Pbkdf2KdfParams;
    readonly mac: string;
  };
}

/** A keystore file in the keystore folder. */
export interface KeystoreEntry {
  /** File name without `.json`. */
  readonly name: string;
  /** Checksummed address. */
  readonly address: `0x${string}`;
  /** Absolute path of the file. */
  readonly path: string;
  readonly keystore: KeystoreV3;
}
