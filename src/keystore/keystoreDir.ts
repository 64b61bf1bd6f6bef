import { homedir } from "node:os";
import path from "node:path";

/**
 * The keystore folder: `dir` if given, else `$MINTKIT_KEYSTORE_DIR`, else `~/.mintkit/keystore`.
 * Returned absolute.
 */
export function resolveKeystoreDir(options: { readonly dir?: string; readonly env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  return path.resolve(options.dir ?? env.MINTKIT_KEYSTORE_DIR ?? path.join(homedir(), ".mintkit", "keystore"));
}
