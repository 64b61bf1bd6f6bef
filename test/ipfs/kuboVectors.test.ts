/**
 * CIDs published by Kubo, reproduced by mintkit. Every expected CID below is copied from a Kubo
 * (or IPFS spec) source file named in the comment next to it — none was produced by our code.
 *
 * Deterministic data is Kubo's own generators, reimplemented byte for byte: the ChaCha20 keystream
 * keyed by sha256(seed) and AlphabetEasy file names of test/cli (./helpers/deterministic.ts), and
 * go-random's `random <size> <seed>` (Go math/rand) of the sharness tests (./helpers/goRandom.ts).
 *
 * Sources (github.com/ipfs/kubo unless noted):
 *  [ADD]      test/cli/add_test.go
 *  [PROFILES] test/cli/cid_profiles_test.go (the unixfsV02015 / unixfsV12025 expectations)
 *  [IPIP499]  github.com/ipfs/specs src/ipips/ipip-0499.md, "Test fixtures"
 *  [T0040]    test/sharness/t0040-add-and-cat.sh
 *  [T0045]    test/sharness/t0045-ls.sh
 *  [T0260]    test/sharness/t0260-sharding.sh
 *  [README]   README.md (go-ipfs era), "Getting Started / Some things to try"
 *  [CONFIG]   config/profile.go ("test-cid-v1" profile: CIDv1, raw leaves, size-1048576, 174 links)
 */
import * as dagPb from "@ipld/dag-pb";
import { expect } from "chai";
import { createHash } from "node:crypto";
import { base58btc } from "multiformats/bases/base58";
import type { CID } from "multiformats/cid";
import { getBlock } from "../../src/ipfs/blockBytes.js";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { importFiles, type ImportEntry } from "../../src/ipfs/importFiles.js";
import { profiles, type ImportProfile, type ProfileInput } from "../../src/ipfs/profiles.js";
import { createMemoryStore } from "../../src/ipfs/stores/memoryStore.js";
import { deterministicBytes, deterministicNames, deterministicStream } from "./helpers/deterministic.js";
import { goRandomBytes, goRandomStream } from "./helpers/goRandom.js";

const text = (s: string) => new TextEncoder().encode(s);
const X = text("x");
const KIB = 1024;
const MIB = 1024 * KIB;

async function dirCid(entries: ImportEntry[], profile: ProfileInput): Promise<CID> {
  return (await importFiles(entries, { store: createMemoryStore(), profile })).root;
}

/** Kubo createDeterministicFiles(): `count` files holding "x" [PROFILES]. */
function deterministicDir(count: number, nameLen: number, lastNameLen: number, seed: string): ImportEntry[] {
  return deterministicNames(count, nameLen, lastNameLen, seed).map((path) => ({ path, content: X }));
}

/** t0260 test data: testdata/file1..file2000, each holding "$i\n" [T0260]. */
function t0260Dir(): ImportEntry[] {
  return Array.from({ length: 2000 }, (_, k) => ({ path: `file${k + 1}`, content: text(`${k + 1}\n`) }));
}

describe("ipfs: Kubo's published CIDs", function () {
  this.timeout(120_000);

  describe("kubo-v0 (Kubo default = unixfs-v0-2015: CIDv0, 256 KiB, 174 links, dag-pb leaves)", () => {
    const p = "kubo-v0";

    it("well-known CIDs: empty file, 'hello world\\n', empty directory", async () => {
      // [T0040] "zero length file has correct hash"
      expect((await cidForBytes(new Uint8Array(0), p)).toString()).to.equal("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
      // [README] "Some things to try": echo "hello world" > hello; ipfs add hello
      expect((await cidForBytes(text("hello world\n"), p)).toString()).to.equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
      // [IPIP499] "Additional test vectors": empty directory (v0)
      expect((await dirCid([], p)).toString()).to.equal("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn");
    });

    it("small files: 'hello world', 'Hello Worlds!\\n', 'Hello Jupiter!\\n', 'IPFS\\n'", async () => {
      // [ADD] shortStringCidV0 / [PROFILES] unixfsV02015.SmallFileCID
      expect((await cidForBytes(text("hello world"), p)).toString()).to.equal("Qmf412jQZiuVUtdgnB36FXFX7xg5V6KEbSJ4dpQuhkLyfD");
      // [T0040] "ipfs add output looks good"
      expect((await cidForBytes(text("Hello Worlds!\n"), p)).toString()).to.equal("QmVr26fY1tKyspEJBniVhqxQeEjhF78XerGiqWAwraVLQH");
      // [T0040] "'ipfs add -q' with stdin input succeeds"
      expect((await cidForBytes(text("Hello Jupiter!\n"), p)).toString()).to.equal("QmUnvPcBctVTAcJpigv6KMqDvmDewksPWrNVoy1E1WP5fh");
      // [T0040] "ipfs add --stdin-name"
      expect((await cidForBytes(text("IPFS\n"), p)).toString()).to.equal("QmdFyxZXsFiP4csgfM5uPu99AvFiKH62CSPDw5TP92nr7w");
      // [T0040] 'ipfs add' with stdin input: "Hello Neptune!\nHello Pluton!"
      expect((await cidForBytes(text("Hello Neptune!\nHello Pluton!"), p)).toString()).to.equal("QmZDhWpi8NvKrekaYYhxKCdNVGWsFFe1CREnAjP1QbPaB3");
    });

    it("chunk boundary: 262144 bytes = 1 block, 262145 bytes = 2 blocks", async () => {
      // [PROFILES] FileAtChunkSizeCID / FileOverChunkSizeCID, seed "chunk-v0-seed"
      expect((await cidForBytes(deterministicBytes(256 * KIB, "chunk-v0-seed"), p)).toString()).to.equal("QmWmRj3dFDZdb6ABvbmKhEL6TmPbAfBZ1t5BxsEyJrcZhE");
      expect((await cidForBytes(deterministicBytes(256 * KIB + 1, "chunk-v0-seed"), p)).toString()).to.equal("QmYyLxtzZyW22zpoVAtKANLRHpDjZtNeDjQdJrcQNWoRkJ");
    });

    it("174-link boundary: 174 chunks in one node, 174 chunks + 1 byte and 175 chunks rebalance", async () => {
      // [PROFILES] / [ADD] / [IPIP499] FileAtMaxLinksCID: 44544 KiB, seed "v0-seed"
      expect((await cidForBytes(deterministicStream(174 * 256 * KIB, "v0-seed"), p)).toString()).to.equal("QmUbBALi174SnogsUzLpYbD4xPiBSFANF4iztWCsHbMKh2");
      // [PROFILES] FileOverMaxLinksCID: 174*256KiB+1 bytes, seed "v0-seed"
      expect((await cidForBytes(deterministicStream(174 * 256 * KIB + 1, "v0-seed"), p)).toString()).to.equal("QmV81WL765sC8DXsRhE5fJv2rwhS4icHRaf3J9Zk5FdRnW");
      // [ADD] "above UnixFSFileMaxLinks=174" / [IPIP499]: 44800 KiB, seed "v0-seed"
      expect((await cidForBytes(deterministicStream(175 * 256 * KIB, "v0-seed"), p)).toString()).to.equal("QmepeWtdmS1hHXx1oZXsPUv6bMrfRRKfZcoPPU4eEfjnbf");
    });

    it("directories: planets, nested dirs, the moons tree with every intermediate CID", async () => {
      // [T0040] add_directory (no flags): PLANETS / MARS / VENUS
      const planets = await importFiles(
        [
          { path: "mars.txt", content: text("Hello Mars!\n") },
          { path: "venus.txt", content: text("Hello Venus!\n") },
        ],
        { store: createMemoryStore(), profile: p },
      );
      expect(planets.root.toString()).to.equal("QmWSgS32xQEcXMeqd3YPJLrNBLSdsfYCep2U7CFkyrjXwY");
      expect(planets.files.map((f) => f.cid.toString())).to.deep.equal([
        "QmPrrHqJzto9m7SyiRzarwkqPcCSsKR2EB1AyqJfe8L8tN",
        "QmU5kp3BH3B8tnWUU2Pikdb2maksBNkb92FHRr56hyghh4",
      ]);

      // [T0040] "ipfs add -r ." output: test_current_dir = { hey, hello/world }
      const current = await dirCid(
        [
          { path: "hey", content: text("Hey\n") },
          { path: "hello/world", content: text("World\n") },
        ],
        p,
      );
      expect(current.toString()).to.equal("QmZQWnfcqJ6hNkkPvrY9Q5X39GP3jUnUbAV4AbmbbR3Cb1");

      // [T0040] "'ipfs add -rn' output looks good": moons
      const moons = await importFiles(
        [
          { path: "jupiter/europa.txt", content: text("Hello Europa!\n") },
          { path: "saturn/titan.txt", content: text("Hello Titan!\n") },
          { path: "mercury.txt", content: text("hey youre no moon!\n") },
        ],
        { store: createMemoryStore(), profile: p },
      );
      const byPath = Object.fromEntries([...moons.files, ...moons.directories].map((e) => [e.path, e.cid.toString()]));
      expect(byPath).to.deep.equal({
        "jupiter/europa.txt": "Qmbjg7zWdqdMaK2BucPncJQDxiALExph5k3NkQv5RHpccu",
        "saturn/titan.txt": "QmZzppb9WHn552rmRqpPfgU5FEiHH6gDwi3MrB9cTdPwdb",
        "mercury.txt": "QmUJjVtnN8YEeYcS8VmUeWffTWhnMQAkk5DzZdKnPhqUdK",
        jupiter: "QmS5mZddhFPLWFX3w6FzAy9QxyYkaxvUpsWCtZ3r7jub9J",
        saturn: "QmaMagZT4rTE7Nonw8KGSK4oe1bh533yhZrCo1HihSG8FK",
        "": "QmVKvomp91nMih5j6hYBA8KjbiaYvEetU2Q7KvtZkLe9nQ",
      });
    });

    it("2000-file directory stays flat under the default threshold", async () => {
      // [T0260] UNSHARDED (threshold forced to 1G; at the default 256 KiB the links-bytes size
      // 2000 * (~8 + 34) is far below the threshold, so the default gives the same flat node)
      expect((await dirCid(t0260Dir(), p)).toString()).to.equal("QmavrTrQG4VhoJmantURAYuw3bowq3E2WcvP36NRQDAC1N");
    });

    it("HAMT threshold: links-bytes = 262144 stays flat, 262145 becomes a HAMT shard", async () => {
      // [PROFILES] / [IPIP499] DirBasicCID: 4096 files, 30-char names, seed "hamt-unixfs-v0-2015"
      expect((await dirCid(deterministicDir(4096, 30, 30, "hamt-unixfs-v0-2015"), p)).toString()).to.equal("QmX5GtRk3TSSEHtdrykgqm4eqMEn3n2XhfkFAis5fjyZmN");
      // [PROFILES] / [IPIP499] DirHAMTCID: 4033 files, 31-char names
      expect((await dirCid(deterministicDir(4033, 31, 31, "hamt-unixfs-v0-2015"), p)).toString()).to.equal("QmeMiJzmhpJAUgynAcxTQYek5PPKgdv3qEvFsdV3XpVnvP");
    });

    it("forced sharding (threshold 1 byte) gives t0260's SHARDED CID", async () => {
      // [T0260] SHARDED, with `Internal.UnixFSShardingSizeThreshold "1B"`
      const forced: ImportProfile = { ...profiles["kubo-v0"], name: "kubo-v0 (1B threshold)", shardSplitThresholdBytes: 1 };
      expect((await dirCid(t0260Dir(), forced)).toString()).to.equal("QmSCJD1KYLhVVHqBK3YyXuoEqHt7vggyJhzoFYbT8v1XYL");
    });
  });

  describe("kubo-v1 (`ipfs add --cid-version 1`: CIDv1, raw leaves, 256 KiB, 174 links)", () => {
    const p = "kubo-v1";

    it("small files are raw leaves", async () => {
      // [ADD] shortStringCidV1 ("hello world", cidv1 - raw - sha2-256)
      expect((await cidForBytes(text("hello world"), p)).toString()).to.equal("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
      // [T0040] test_add_cat_raw: zero length file with raw leaves
      expect((await cidForBytes(new Uint8Array(0), p)).toString()).to.equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    });

    it("planets directory with --cid-version=1", async () => {
      // [T0040] add_directory '--cid-version=1': PLANETS / MARS / VENUS
      const r = await importFiles(
        [
          { path: "mars.txt", content: text("Hello Mars!\n") },
          { path: "venus.txt", content: text("Hello Venus!\n") },
        ],
        { store: createMemoryStore(), profile: p },
      );
      expect(r.root.toString()).to.equal("bafybeih7e5dmkyk25up5vxug4q3hrg2fxbzf23dfrac2fns5h7z4aa7ioi");
      expect(r.files.map((f) => f.cid.toString())).to.deep.equal([
        "bafkreibmlvvgdyihetgocpof6xk64kjjzdeq2e4c7hqs3krdheosk4tgj4",
        "bafkreihfsphazrk2ilejpekyltjeh5k4yvwgjuwg26ueafohqioeo3sdca",
      ]);
    });

    it("forced sharding (threshold 1 byte) gives t0260's SHARDEDV1 CID", async () => {
      // [T0260] SHARDEDV1: `ipfs add -r --cid-version=1 testdata` with the 1B threshold
      const forced: ImportProfile = { ...profiles["kubo-v1"], name: "kubo-v1 (1B threshold)", shardSplitThresholdBytes: 1 };
      expect((await dirCid(t0260Dir(), forced)).toString()).to.equal("bafybeibiemewfzzdyhq2l74wrd6qj2oz42usjlktgnlqv4yfawgouaqn4u");
    });

    it("174-link boundary with raw leaves (Kubo's test-cid-v1 profile = kubo-v1 with 1 MiB chunks)", async () => {
      // [CONFIG] test-cid-v1 = CidVersion 1, RawLeaves, size-1048576, FileMaxLinks 174
      const testCidV1: ImportProfile = { ...profiles["kubo-v1"], name: "kubo test-cid-v1", chunkSize: MIB };
      // [ADD] "ipfs init --profile=test-cid-v1 applies UnixFSChunker=size-1048576": seed "v1-seed"
      expect((await cidForBytes(deterministicStream(174 * MIB, "v1-seed"), testCidV1)).toString()).to.equal("bafybeigwduxcf2aawppv3isnfeshnimkyplvw3hthxjhr2bdeje4tdaicu");
      expect((await cidForBytes(deterministicStream(175 * MIB, "v1-seed"), testCidV1)).toString()).to.equal("bafybeidhd7lo2n2v7lta5yamob3xwhbxcczmmtmhquwhjesi35jntf7mpu");
    });
  });

  describe("unixfs-v1-2025 (IPIP-499: CIDv1, raw leaves, 1 MiB, 1024 links, block-bytes HAMT)", () => {
    const p = "unixfs-v1-2025";

    it("small file and empty directory", async () => {
      // [PROFILES] / [IPIP499] SmallFileCID ("hello world", raw leaf)
      expect((await cidForBytes(text("hello world"), p)).toString()).to.equal("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
      // [IPIP499] "Additional test vectors": empty directory (v1)
      expect((await dirCid([], p)).toString()).to.equal("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354");
    });

    it("chunk boundary: 1048576 bytes = 1 raw block, 1048577 bytes = 2 blocks", async () => {
      // [PROFILES] FileAtChunkSizeCID / FileOverChunkSizeCID, seed "chunk-v1-seed"
      expect((await cidForBytes(deterministicBytes(MIB, "chunk-v1-seed"), p)).toString()).to.equal("bafkreiacndfy443ter6qr2tmbbdhadvxxheowwf75s6zehscklu6ezxmta");
      expect((await cidForBytes(deterministicBytes(MIB + 1, "chunk-v1-seed"), p)).toString()).to.equal("bafybeigmix7t42i6jacydtquhet7srwvgpizfg7gjbq7627d35mjomtu64");
    });

    it("1024-link boundary: 1 GiB in one node; 1 GiB + 1 byte and 1025 MiB rebalance", async () => {
      // [PROFILES] / [IPIP499] FileAtMaxLinksCID: 1024 MiB, seed "v1-2025-seed"
      expect((await cidForBytes(deterministicStream(1024 * MIB, "v1-2025-seed"), p)).toString()).to.equal("bafybeihmf37wcuvtx4hpu7he5zl5qaf2ineo2lqlfrapokkm5zzw7zyhvm");
      // [PROFILES] (newer revision) FileOverMaxLinksCID: 1024*1MiB+1 bytes
      expect((await cidForBytes(deterministicStream(1024 * MIB + 1, "v1-2025-seed"), p)).toString()).to.equal("bafybeibdsi225ugbkmpbdohnxioyab6jsqrmkts3twhpvfnzp77xtzpyhe");
      // [PROFILES] (older revision) / [IPIP499] FileOverMaxLinksCID: 1025 MiB
      expect((await cidForBytes(deterministicStream(1025 * MIB, "v1-2025-seed"), p)).toString()).to.equal("bafybeihmzokxxjqwxjcryerhp5ezpcog2wcawfryb2xm64xiakgm4a5jue");
    });

    it("HAMT threshold: block size 262144 stays flat, 262145 becomes a HAMT shard", async () => {
      // [PROFILES] / [IPIP499] DirBasicCID: 4765 x 11-char names + one 21-char name
      expect((await dirCid(deterministicDir(4766, 11, 21, "hamt-unixfs-v1-2025"), p)).toString()).to.equal("bafybeic3h7rwruealwxkacabdy45jivq2crwz6bufb5ljwupn36gicplx4");
      // [PROFILES] / [IPIP499] DirHAMTCID: last name 22 chars
      expect((await dirCid(deterministicDir(4766, 11, 22, "hamt-unixfs-v1-2025"), p)).toString()).to.equal("bafybeiegvuterwurhdtkikfhbxcldohmxp566vpjdofhzmnhv6o4freidu");
    });
  });

  describe("go-random data of the sharness tests (`random <size> <seed>`)", () => {
    it("the generator matches the sha1 multihashes t0040 asserts", async () => {
      // [T0040] "sha1 of the file looks ok": random 5242880 41 / random 104857600 42
      for (const [size, seed, multihash] of [
        [5242880, 41, "11145620fb92eb5a49c9986b5c6844efda37e471660e"],
        [104857600, 42, "1114885b197b01e0f7ff584458dc236cb9477d2e736d"],
      ] as const) {
        const sha1 = createHash("sha1");
        for await (const piece of goRandomStream(size, seed)) sha1.update(piece);
        expect(`1114${sha1.digest("hex")}`).to.equal(multihash);
      }
    });

    it("5 MB file (20 chunks) under every leaf/CID-version combination", async () => {
      const cid = async (p: ProfileInput) => (await cidForBytes(goRandomStream(5242880, 41), p)).toString();
      // [T0040] test_add_cat_5MB "" / --raw-leaves / --cid-version=1 / '--cid-version=1 --raw-leaves=false'
      expect(await cid("kubo-v0")).to.equal("QmSr7FqYkxYWGoSfy8ZiaMWQ5vosb18DQGCzjwEQnVHkTb");
      expect(await cid({ ...profiles["kubo-v0"], name: "--raw-leaves", rawLeaves: true })).to.equal("QmbdLHCmdi48eM8T7D67oXjA1S2Puo8eMfngdHhdPukFd6");
      expect(await cid("kubo-v1")).to.equal("bafybeigfnx3tka2rf5ovv2slb7ymrt4zbwa3ryeqibe6fipyt5vgsrli3u");
      expect(await cid({ ...profiles["kubo-v1"], name: "--raw-leaves=false", rawLeaves: false })).to.equal("bafybeieyifrgpjn3yengthr7qaj72ozm2aq3wm53srgeprc43w67qpvfqa");
    });

    it("100 MB file (400 chunks: a two-level 174-wide DAG) in kubo-v0 and kubo-v1", async () => {
      // [T0040] test_add_cat_expensive "" / "--cid-version=1"
      expect((await cidForBytes(goRandomStream(104857600, 42), "kubo-v0")).toString()).to.equal("QmU9SWAPPmNEKZB8umYMmjYvN7VyHqABNvdA6GUi4MMEz3");
      expect((await cidForBytes(goRandomStream(104857600, 42), "kubo-v1")).toString()).to.equal("bafybeidkj5ecbhrqmzrcee2rw7qwsx24z3364qya3fnp2ktkg2tnsrewhi");
    });

    it("t0045 testData tree: every file and directory CID", async () => {
      // [T0045] test_ls_cmd "'ipfs add' output looks good"
      const r = await importFiles(
        [
          { path: "f1", content: text("test\n") },
          { path: "f2", content: text("data\n") },
          { path: "d1/a", content: text("hello\n") },
          { path: "d1/128", content: await goRandomBytes(128, 42) },
          { path: "d2/a", content: text("world\n") },
          { path: "d2/1024", content: await goRandomBytes(1024, 42) },
        ],
        { store: createMemoryStore(), profile: "kubo-v0" },
      );
      expect(Object.fromEntries([...r.files, ...r.directories].map((e) => [e.path, e.cid.toString()]))).to.deep.equal({
        "d1/128": "QmQNd6ubRXaNG6Prov8o6vk3bn6eWsj9FxLGrAVDUAGkGe",
        "d1/a": "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN",
        "d2/1024": "QmbQBUSRL9raZtNXfpTDeaxQapibJEG6qEY8WqAN22aUzd",
        "d2/a": "QmaRGe7bVmVaLmxbrMiVNXqW4pRNNp3xq7hFtyRKA3mtJL",
        f1: "QmeomffUNfmQy76CQGy9NdmqEnnHU9soCexBnGU3ezPHVH",
        f2: "QmNtocSs7MoDkJMc1RkyisCSKvLadujPsfJfSdJ3e1eA1M",
        d1: "QmSix55yz8CzWXf5ZVM9vgEvijnEeeXiTSarVtsqiiCJss",
        d2: "QmR3jhV4XpxxPjPT3Y8vNnWvWNvakdcT3H6vqpRBsX1MLy",
        "": "QmfNy183bXiRVyrhyWtq3TwHn79yHEkiAGFr18P7YNzESj",
      });
    });

    it("t0045 medium file: the two chunk CIDs `ipfs ls` lists", async () => {
      // [T0045] test_ls_object: random 500000 2, `ipfs ls` lists its two chunks
      const store = createMemoryStore();
      const { files } = await importFiles([{ path: "somefile", content: await goRandomBytes(500000, 2) }], { store, profile: "kubo-v0" });
      const links = dagPb.decode(await getBlock(store, files[0]!.cid)).Links.map((l) => l.Hash.toString());
      expect(links).to.deep.equal(["QmPrM8S5T7Q3M8DQvQMS7m41m3Aq4jBjzAzvky5fH3xfr4", "QmdaAntAzQqqVMo4B8V69nkQd5d918YjHXUe2oF6hr72ri"]);
    });

    it("t0045 raw leaves under a CIDv0 directory", async () => {
      // [T0045] test_ls_cmd_raw_leaves: `ipfs add --raw-leaves -r somedir/` with somedir/foo = "bar\n"
      const r = await importFiles([{ path: "foo", content: text("bar\n") }], {
        store: createMemoryStore(),
        profile: { ...profiles["kubo-v0"], name: "--raw-leaves", rawLeaves: true },
      });
      expect(r.root.toString()).to.equal("QmThNTdtKaVoCVrYmM5EBS6U3S5vfKFue2TxbxxAxRcKKE");
      expect(r.files[0]!.cid.toString(base58btc)).to.equal("zb2rhf6GzX4ckKZtjy8yy8iyq1KttCrRyqDedD6xubhY3sw2F");
    });
  });
});
