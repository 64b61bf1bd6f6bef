/**
 * The standard JSON field names of each kind of metadata, in the order the builders write them (so the
 * same input gives the same bytes and the same CID). The validators check documents against the same
 * lists (unknown fields close to a standard name are reported as likely misspellings).
 */

/** ERC-721 / OpenSea token metadata. */
export const TOKEN_METADATA_FIELDS = [
  "name",
  "description",
  "image",
  "image_data",
  "animation_url",
  "external_url",
  "background_color",
  "youtube_url",
  "attributes",
] as const;

/** ERC-1155 token metadata: the token fields, then the ERC-1155 ones. */
export const EDITION_METADATA_FIELDS = [...TOKEN_METADATA_FIELDS, "decimals", "properties", "localization"] as const;

/** ERC-7572 contract metadata. */
export const CONTRACT_METADATA_FIELDS = [
  "name",
  "symbol",
  "description",
  "image",
  "banner_image",
  "featured_image",
  "external_link",
  "collaborators",
] as const;
