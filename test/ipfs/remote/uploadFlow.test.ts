import { expect } from "chai";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importFiles } from "../../../src/ipfs/importFiles.js";
import { createKuboStore } from "../../../src/ipfs/remote/createKuboStore.js";
import { createPinningService } from "../../../src/ipfs/remote/createPinningService.js";
import { pushToKubo } from "../../../src/ipfs/remote/pushToKubo.js";
import { createFsStore } from "../../../src/ipfs/stores/fsStore.js";
import { startKuboServer, PEER_ID } from "./helpers/kuboServer.js";
import { startPinningServer } from "./helpers/pinningServer.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("ipfs/remote: upload flow (embedded store → Kubo → pinning service)", function () {
  this.timeout(30_000);

  it("Kubo's public addresses are the origins of the pin; a re-run sends nothing and reuses the pin", async () => {
    const dir = await mkdtemp(join(tmpdir(), "mintkit-flow-"));
    const kuboServer = await startKuboServer({ authorization: "Bearer kubo-token" });
    const psa = await startPinningServer({ token: "psa-token" });
    const local = await createFsStore({ path: dir });
    try {
      const entries = Array.from({ length: 50 }, (_, i) => ({ path: `${i + 1}.json`, content: text(JSON.stringify({ name: `#${i + 1}` })) }));
      const kubo = createKuboStore({ url: kuboServer.url, auth: { bearer: "kubo-token" } });
      const pinning = createPinningService({ endpoint: psa.endpoint, accessToken: "psa-token" });

      const run = async () => {
        const { root } = await importFiles(entries, { store: local, profile: "kubo-v1" });
        const pushed = await pushToKubo(root, { from: local, to: kubo });
        const pin = await pinning.pin(root, { name: "collection", origins: await kubo.origins(), pollIntervalMs: 10 });
        return { root, pushed, pin };
      };

      const first = await run();
      expect(first.pushed.blocksSent).to.equal(51); // 50 files + the directory
      expect(first.pin).to.deep.include({ status: "pinned", reused: false, cid: first.root.toString() });
      expect(first.pin.origins).to.deep.equal([
        `/ip4/198.51.100.7/tcp/4001/p2p/${PEER_ID}`,
        `/ip6/2001:db8::7/udp/4001/quic-v1/p2p/${PEER_ID}`,
        `/dns4/node.example.org/tcp/4001/p2p/${PEER_ID}`,
      ]);

      const second = await run();
      expect(second.root.toString()).to.equal(first.root.toString());
      expect(second.pushed).to.deep.include({ blocksSent: 0, alreadyPinned: true });
      expect(second.pin).to.deep.include({ reused: true, requestid: first.pin.requestid });
      expect(kuboServer.received.carImports).to.equal(1);
      expect(psa.pins.size).to.equal(1);
    } finally {
      await local.close?.();
      await kuboServer.close();
      await psa.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
