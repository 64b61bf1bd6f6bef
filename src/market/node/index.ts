/** Node-only parts of the market layer: installing Seaport 1.6 on a local chain (the creation code is large). */
export { installSeaport, seaportInitCode, type InstallSeaportReturnType } from "./installSeaport.js";
export * as seaportCanonicalDeployment from "./canonicalDeployment.js";
export { seaportCreationCode } from "../generated/seaportCreationCode.js";
