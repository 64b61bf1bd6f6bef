import { IpfsError } from "../errors/IpfsError.js";

/**
 * Normalises an entry path to `a/b/c` form (no leading `/` or `./`, no trailing `/`) and rejects
 * paths that cannot name a UnixFS link. Browser-safe.
 * @internal
 * @throws IpfsError `IPFS_INVALID_PATH`.
 */
export function normalizePath(path: string): string {
  if (typeof path !== "string") {
    throw invalidPath(String(path), "the path is not a string");
  }
  let p = path;
  while (p.startsWith("./")) p = p.slice(2);
  p = p.replace(/^\/+/, "").replace(/\/+$/, "");
  if (p === "" || p === ".") throw invalidPath(path, "the path is empty");
  for (const segment of p.split("/")) {
    if (segment === "") throw invalidPath(path, "the path has an empty segment (`//`)");
    if (segment === "." || segment === "..") throw invalidPath(path, `the path has a "${segment}" segment`);
    if (segment.includes("\0")) throw invalidPath(path, "the path contains a NUL character");
  }
  return p;
}

function invalidPath(path: string, reason: string): IpfsError<"IPFS_INVALID_PATH"> {
  return new IpfsError("IPFS_INVALID_PATH", `Invalid entry path "${path}": ${reason}.`, {
    hint: 'Give each entry a relative path inside the upload, such as "1.json" or "images/1.png".',
    details: { path, reason },
  });
}
