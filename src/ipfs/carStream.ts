// The @ipld/car writer is loaded on first use (a dynamic import), so `import "mintkit"` does not pay for it.
import type { CID } from "multiformats/cid";

/**
 * Internal: streams a CARv1 with `root` in the header and `blocks` in order (the `@ipld/car` writer fed
 * from a pump, its output yielded as it comes). A failure while reading `blocks` ends the CAR; once the
 * output is drained, `fail(failure)` is thrown (by default the failure itself). Browser-safe.
 */
export async function* carStream(
  root: CID,
  blocks: AsyncIterable<{ readonly cid: CID; readonly bytes: Uint8Array }>,
  fail: (failure: unknown) => unknown = (failure) => failure,
): AsyncGenerator<Uint8Array> {
  const { CarWriter } = await import("@ipld/car/writer");
  const { writer, out } = CarWriter.create([root]);
  let failure: unknown;
  const pump = (async () => {
    try {
      for await (const { cid, bytes } of blocks) await writer.put({ cid, bytes });
    } catch (err) {
      failure = err;
    } finally {
      await writer.close();
    }
  })();
  for await (const chunk of out) yield chunk;
  await pump;
  if (failure !== undefined) throw fail(failure);
}
