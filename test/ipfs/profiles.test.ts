import { expect } from "chai";
import { isIpfsError } from "../../src/errors/IpfsError.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { defaultProfileName, profiles, resolveProfile } from "../../src/ipfs/profiles.js";

const catchError = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
};

describe("ipfs: profiles", () => {
  it("names every CID parameter explicitly", () => {
    for (const p of Object.values(profiles)) {
      expect(Object.keys(p).sort()).to.deep.equal(
        [
          "chunkSize", "cidVersion", "hash", "layout", "leafType", "maxChildrenPerNode", "name",
          "rawLeaves", "reduceSingleLeafToSelf", "shardFanoutBits", "shardSplitStrategy", "shardSplitThresholdBytes",
        ].sort(),
      );
    }
    expect(profiles["kubo-v0"]).to.include({ cidVersion: 0, chunkSize: 262144, maxChildrenPerNode: 174, rawLeaves: false });
    expect(profiles["kubo-v1"]).to.include({ cidVersion: 1, chunkSize: 262144, maxChildrenPerNode: 174, rawLeaves: true });
    expect(profiles["unixfs-v1-2025"]).to.include({
      cidVersion: 1, chunkSize: 1048576, maxChildrenPerNode: 1024, rawLeaves: true,
      shardSplitThresholdBytes: 262144, shardSplitStrategy: "block-bytes", shardFanoutBits: 8,
    });
  });

  it("defaults to unixfs-v1-2025", async () => {
    expect(defaultProfileName).to.equal("unixfs-v1-2025");
    expect(resolveProfile()).to.equal(profiles["unixfs-v1-2025"]);
    const bytes = new TextEncoder().encode("hello world");
    expect((await cidForBytes(bytes)).toString()).to.equal((await cidForBytes(bytes, "unixfs-v1-2025")).toString());
  });

  it("rejects an unknown profile name with the known names", () => {
    const err = catchError(() => resolveProfile("kubo-v2" as "kubo-v1"));
    expect(isIpfsError(err, "IPFS_UNKNOWN_PROFILE")).to.equal(true);
    if (!isIpfsError(err, "IPFS_UNKNOWN_PROFILE")) return;
    expect(err.details?.known).to.deep.equal(["kubo-v0", "kubo-v1", "unixfs-v1-2025"]);
    expect(err.message).to.contain('"kubo-v1"');
  });

  it("rejects custom profiles with out-of-range parameters", () => {
    const bad = [
      { chunkSize: 0 },
      { chunkSize: 4 * 1024 * 1024 },
      { maxChildrenPerNode: 1 },
      { shardFanoutBits: 0 },
      { shardSplitThresholdBytes: -1 },
      { cidVersion: 2 },
      { shardSplitStrategy: "links-count" },
    ];
    for (const patch of bad) {
      const err = catchError(() => resolveProfile({ ...profiles["kubo-v1"], ...patch } as never));
      expect(isIpfsError(err, "IPFS_INVALID_PROFILE"), JSON.stringify(patch)).to.equal(true);
    }
    const ok = { ...profiles["kubo-v1"], name: "custom", chunkSize: 1 << 20 };
    expect(resolveProfile(ok)).to.equal(ok);
  });
});
