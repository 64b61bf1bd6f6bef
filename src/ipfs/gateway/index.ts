/** The local IPFS HTTP gateway — NODE-ONLY (node:http). Re-exported by `src/node.ts`. */
export { startGateway, type Gateway, type GatewayOptions } from "./startGateway.js";
