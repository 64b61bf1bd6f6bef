/**
 * mintkit batch — resumable batch minting with a write-ahead journal. NODE-ONLY (filesystem, fsync):
 * exported from `mintkit/node`, never from the browser entry.
 */
export { runBatch, type RunBatchOptions } from "./runBatch.js";
export { loadBatchInput } from "./loadBatchInput.js";
export { validateBatchItems, type ValidateBatchItemsOptions } from "./validateBatchItems.js";
export { importBatchDirectory, type ImportBatchDirectoryOptions, type ImportedBatch } from "./importBatchDirectory.js";
export { readBatchStatus, batchStatusFromRecords } from "./batchStatus.js";
export { BatchJournal, readJournalFile, type JournalContents } from "./BatchJournal.js";
export { batchMapping, writeBatchMapping } from "./writeBatchMapping.js";
export { batchIdFor, defaultBatchJournalPath, mappingPathFor, DEFAULT_DATA_DIR } from "./batchJournalPath.js";
export { naturalCompare } from "./naturalCompare.js";
export type {
  BatchEvent,
  BatchFileRef,
  BatchItemSource,
  BatchMapping,
  BatchSource,
  BatchStatus,
  BatchStep,
  BatchSummary,
  BatchTransaction,
  CompleteRecord,
  ConfirmedRecord,
  JournalRecord,
  MappingEntry,
  PlanRecord,
  PlannedItem,
  RevertedRecord,
  SettledRecord,
  SignedRecord,
  StepStatus,
  ValidatedItem,
  ValidatedMedia,
} from "./types.js";
