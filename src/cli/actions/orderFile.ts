/** Reading a Seaport order file for `mintkit buy` and `mintkit listing` (loaded by their action modules). */
import type { SignedListing } from "../../market/orderTypes.js";
import { parseListing } from "../../market/parseListing.js";
import { readFileOrFail } from "../files.js";

/** The signed order in `file` (OpenSea Orders API JSON); `MARKET_INVALID_ORDER_FILE` when it is not one. */
export async function readOrderFile(file: string): Promise<SignedListing> {
  const bytes = await readFileOrFail(file);
  return parseListing(new TextDecoder().decode(bytes));
}
