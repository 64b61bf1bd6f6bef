/**
 * A folder as importFiles entries, the way an upload of a folder reads it: paths relative to the folder,
 * sorted, dot-files skipped; a file that fits in one chunk is read whole with one synchronous read
 * (open + fstat + read + close: no thread-pool round trip per small file), a larger one is streamed in
 * pieces of `chunkSize` (so the chunker passes them through), one file open at a time.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open, readdir } from "node:fs/promises";
import path from "node:path";
import type { FileEntry } from "../../../src/ipfs/importFiles.js";

export async function* folderEntries(dir: string, chunkSize: number): AsyncGenerator<FileEntry> {
  const files = (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
  for (const relative of files) {
    const file = path.join(dir, relative);
    const small = readIfSmall(file, chunkSize);
    yield { path: relative, content: small.content ?? streamFile(file, small.size, chunkSize) };
  }
}

/** The whole file if it is at most `limit` bytes, else only its size. */
function readIfSmall(file: string, limit: number): { size: number; content?: Uint8Array } {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { size };
    const content = new Uint8Array(size);
    for (let done = 0; done < size; ) {
      const n = readSync(fd, content, done, size - done, done);
      if (n === 0) throw new Error(`${file} shrank while being read`);
      done += n;
    }
    return { size, content };
  } finally {
    closeSync(fd);
  }
}

async function* streamFile(file: string, size: number, piece: number): AsyncGenerator<Uint8Array> {
  const handle = await open(file, "r");
  try {
    for (let offset = 0; offset < size; ) {
      const buffer = new Uint8Array(Math.min(piece, size - offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, offset);
      if (bytesRead === 0) throw new Error(`${file} shrank while being read`);
      offset += bytesRead;
      yield bytesRead === buffer.byteLength ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
