/** Shared constants of the market tests. */
import { parseEther } from "viem";

export const PRICE = parseEther("1");
export { benchConfig } from "../collection/helpers.js";
export { editionsConfig } from "../editions/helpers.js";
