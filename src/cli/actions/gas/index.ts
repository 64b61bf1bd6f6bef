/** The work of `mintkit gas <operation>` (loaded lazily by the command). */
export { estimate } from "./estimate.js";
export { compare, fees, plan } from "./plan.js";
export type { GasOptions } from "./support.js";
