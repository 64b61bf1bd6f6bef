import { readFileSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * Takes a lock file holding this process's pid, created exclusively, so two processes never hold it at once.
 * A lock whose process is gone (killed) is taken over. NODE-ONLY.
 * @param path The lock file.
 * @param locked Builds the error thrown while another live process holds the lock (`pid` is -1 when the lock
 * kept changing hands and could not be taken).
 * @param options.reentrant Take over a lock this process already holds (a journal left open by an in-process
 * simulated crash) instead of refusing it (two concurrent runs in one process).
 * @returns A release function; calling it twice is safe.
 */
export function acquirePidLock(
  path: string,
  locked: (pid: number) => Error,
  options: { readonly reentrant?: boolean } = {},
): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    let pid = Number.NaN;
    try {
      pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    } catch {
      // Vanished meanwhile: try again.
    }
    const own = pid === process.pid && options.reentrant === true;
    if (Number.isInteger(pid) && !own && isAlive(pid)) throw locked(pid);
    try {
      unlinkSync(path); // a stale lock (its process was killed), or our own: take it over
    } catch {
      // Someone else removed it.
    }
  }
  throw locked(-1);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
