import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

/** Registers `mintkit store verify` and `mintkit store repair` (the embedded IPFS store under --data-dir). */
export function register(program: Command): void {
  const store = program
    .command("store")
    .description("Check or repair the embedded IPFS store (<data-dir>/ipfs): re-hash every block against its CID");
  const verify = store
    .command("verify")
    .description("Re-hash every block of the embedded store and list the bad ones (exit 4 when there are any)");
  withExamples(verify, ["mintkit store verify", "mintkit store verify --json"]);
  verify.action(
    runAction(async (_opts: object, command: Command) => {
      const { storeCheck } = await import("../actions/store.js");
      return storeCheck(globalOptions(command), "verify");
    }),
  );
  const repair = store
    .command("repair")
    .description("Re-hash every block and drop the bad ones from the store, so that the next upload/mint/batch of that content rewrites them");
  withExamples(repair, ["mintkit store repair", "mintkit store repair && mintkit upload ./art"]);
  repair.action(
    runAction(async (_opts: object, command: Command) => {
      const { storeCheck } = await import("../actions/store.js");
      return storeCheck(globalOptions(command), "repair");
    }),
  );
}
