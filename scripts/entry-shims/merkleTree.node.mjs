// Node bundle only (scripts/bundle-entries.mjs): `@openzeppelin/merkle-tree` loaded on first use. The
// package is CommonJS and brings ~125 modules (@metamask/abi-utils, @metamask/utils, semver, …), which
// `import "mintkit"` would otherwise load before any credential is touched. A class here is a stand-in
// that forwards every static access (`StandardMerkleTree.of`, `SimpleMerkleTree.verifyMultiProof`), `new`
// and `instanceof` to the real class, which `require` loads (synchronously) the first time.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let loaded;
const load = () => (loaded ??= require("@openzeppelin/merkle-tree"));

function lazyClass(name) {
  const real = () => load()[name];
  return new Proxy(function MerkleTreeStandIn() {}, {
    get(_target, key) {
      const value = Reflect.get(real(), key);
      return typeof value === "function" ? value.bind(real()) : value;
    },
    has: (_target, key) => Reflect.has(real(), key),
    construct: (_target, args) => Reflect.construct(real(), args),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

export const StandardMerkleTree = lazyClass("StandardMerkleTree");
export const SimpleMerkleTree = lazyClass("SimpleMerkleTree");
