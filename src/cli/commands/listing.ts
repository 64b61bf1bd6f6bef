import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";
import type { ListingCancelOptions } from "../actions/listing.js";


/** Registers `mintkit listing verify|cancel`. */
export function register(program: Command): void {
  const listing = program.command("listing").description("Check or cancel Seaport 1.6 listings");
  withExamples(listing, ["mintkit listing verify order.json", "mintkit listing cancel order.json", "mintkit listing cancel --all"]);

  const verify = listing
    .command("verify")
    .description("Check a listing against the chain: signature, counter, cancelled/filled, approval, holder, time window, chain and Seaport (exit 1 when it cannot be filled)")
    .argument("<order>", "the order file (OpenSea Orders API JSON)");
  withExamples(verify, ["mintkit listing verify order.json", "mintkit listing verify order.json --json"]);
  verify.action(
    runAction(async (order: string, _opts: Record<string, never>, cmd: Command) => {
      const { verifyListingFile } = await import("../actions/listing.js");
      return verifyListingFile(globalOptions(cmd), order);
    }),
  );

  const cancel = listing
    .command("cancel")
    .description("Cancel one listing on Seaport (by its seller), or every listing of the account with --all (counter increment)")
    .argument("[order]", "the order file to cancel")
    .option("--all", "cancel every order the account signed so far");
  withExamples(cancel, ["mintkit listing cancel order.json", "mintkit listing cancel --all --json"]);
  cancel.action(
    runAction(async (order: string | undefined, opts: ListingCancelOptions, cmd: Command) => {
      const { cancelListings } = await import("../actions/listing.js");
      return cancelListings(globalOptions(cmd), order, opts);
    }),
  );
}
