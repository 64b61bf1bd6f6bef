/** Seaport 1.6: the same address on every EVM chain (CREATE2 through 0age's ImmutableCreate2Factory). */
export const SEAPORT_V1_6_ADDRESS = "0x0000000000000068F116a894984e2DB1123eB395" as const;

/** Seaport's ConduitController: the same address on every EVM chain. */
export const CONDUIT_CONTROLLER_ADDRESS = "0x00000000F9490004C11Cef243f5400493c00Ad63" as const;

/** "No conduit": the seller approves Seaport itself (what mintkit's listings use). */
export const NO_CONDUIT_KEY = "0x0000000000000000000000000000000000000000000000000000000000000000" as const;

/** The name and version in Seaport 1.6's EIP-712 domain. */
export const SEAPORT_DOMAIN_NAME = "Seaport";
export const SEAPORT_DOMAIN_VERSION = "1.6";
