/**
 * Entry of the `mintkit` binary (`bin/mintkit.js` imports this file from dist/): runs the CLI and
 * exits with its code. Import `execute` from `./execute.js` to run it without exiting.
 */
import { execute } from "./execute.js";

process.exit(await execute());
