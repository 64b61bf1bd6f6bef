/**
 * mintkit metadata: build and validate ERC-721 / ERC-1155 token metadata and ERC-7572 contract
 * metadata, detect media types from bytes, substitute ERC-1155 `{id}`. Browser-safe.
 */
export type {
  ContractMetadata,
  DetectedMedia,
  DisplayType,
  EditionLocalization,
  EditionMetadata,
  MediaFormat,
  MediaInput,
  MediaKind,
  MediaType,
  MetadataKind,
  NumericAttribute,
  Problem,
  ProblemCode,
  ProblemSeverity,
  TextAttribute,
  TokenAttribute,
  TokenMetadata,
  ValidationResult,
} from "./types.js";

export { validateTokenMetadata } from "./validateTokenMetadata.js";
export { validateEditionMetadata } from "./validateEditionMetadata.js";
export { validateContractMetadata } from "./validateContractMetadata.js";
export { assertTokenMetadata } from "./assertTokenMetadata.js";
export { assertEditionMetadata } from "./assertEditionMetadata.js";
export { assertContractMetadata } from "./assertContractMetadata.js";
export { formatProblems } from "./formatProblems.js";

export { buildTokenMetadata, type TokenMetadataInput } from "./buildTokenMetadata.js";
export { TOKEN_METADATA_FIELDS, EDITION_METADATA_FIELDS, CONTRACT_METADATA_FIELDS } from "./metadataFields.js";
export { buildEditionMetadata, type EditionMetadataInput } from "./buildEditionMetadata.js";
export { buildContractMetadata, type ContractMetadataInput } from "./buildContractMetadata.js";
export { buildAttributes, type AttributeInput, type AttributesInput } from "./buildAttributes.js";
export { DISPLAY_TYPES } from "./checkAttributes.js";

export { substituteTokenId } from "./substituteTokenId.js";

export { detectMediaType, DEFAULT_MAX_MEDIA_SIZE, type DetectMediaTypeOptions } from "./detectMediaType.js";
export { isSvg } from "./isSvg.js";
export { MEDIA_FORMATS, MEDIA_EXTENSIONS, SUPPORTED_MEDIA_FORMATS } from "./mediaFormats.js";
export { mediaFieldFor, type MediaField, type MediaPlacement } from "./mediaFieldFor.js";
export { mediaFields, type MediaFieldsOptions, type PlacedMedia } from "./mediaFields.js";

export {
  MetadataError,
  isMetadataError,
  type MetadataErrorCode,
  type MetadataErrorDetailsByCode,
} from "../errors/MetadataError.js";
