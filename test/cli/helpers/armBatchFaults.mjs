// Test-only preload for the `mintkit` child process (node --import): arms the batch fault injection of
// dist/batch/faults.js (the module instance the CLI's batch run uses) in kill mode, from the spec in
// MINTKIT_TEST_BATCH_FAULTS, so that the process SIGKILLs itself at that crash point. Only the kill -9
// tests set it (`batchFaultEnv` in test/cli/batch.test.ts); the library itself never reads an environment variable for it.
import { armBatchFaults, parseBatchFaults } from "../../../dist/batch/faults.js";

// Mocha loads every file under test/: without the variable this arms nothing.
if (process.env.MINTKIT_TEST_BATCH_FAULTS) armBatchFaults(parseBatchFaults(process.env.MINTKIT_TEST_BATCH_FAULTS, "kill"));
