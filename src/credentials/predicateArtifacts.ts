/**
 * Where the range circuit's proving artifacts are: the witness generator (`range.wasm`) and the Groth16
 * proving key (`range.zkey`), each as a URL (fetched in a browser, read from disk in Node for `file:` URLs),
 * a file path (Node) or the bytes themselves.
 */
export interface PredicateArtifacts {
  readonly wasm: string | URL | Uint8Array;
  readonly zkey: string | URL | Uint8Array;
}

/**
 * The artifacts shipped in the package (`circuits/artifacts/`), as URLs relative to this module: `file:`
 * URLs in Node; in a browser bundle, where the bundler put them (bundlers that understand
 * `new URL("…", import.meta.url)` copy them), or pass your own URLs or bytes to `provePredicate`.
 */
export function defaultPredicateArtifacts(): { readonly wasm: URL; readonly zkey: URL } {
  return {
    wasm: new URL("../../circuits/artifacts/range.wasm", import.meta.url),
    zkey: new URL("../../circuits/artifacts/range.zkey", import.meta.url),
  };
}

/** What the prover reads: a path for `file:` URLs, the href of any other URL, or the bytes. */
export function snarkjsSource(source: string | URL | Uint8Array): string | Uint8Array {
  if (source instanceof Uint8Array || typeof source === "string") return source;
  if (source.protocol !== "file:") return source.href;
  const path = decodeURIComponent(source.pathname);
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path; // file:///C:/x → C:/x
}
