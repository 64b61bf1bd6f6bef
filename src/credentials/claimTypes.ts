import type { AbiParameterToPrimitiveType, Address, Hex } from "viem";

/**
 * A claim's value, as mintkit keeps it after normalization: `bigint` for every `uintN`/`intN`, `boolean`,
 * `string`, a checksummed {@link Address}, lowercase {@link Hex} for `bytes`/`bytesN`, and arrays of these
 * for array types (`uint256[]`, `string[3]`).
 */
export type ClaimValue = string | boolean | bigint | Hex | Address | readonly ClaimValue[];

/**
 * One private claim, exactly as the Ethereum Attestation Service's `PrivateData` keeps it
 * (`{ type, name, value, salt }`): its leaf is `StandardMerkleTree` over
 * `(string type, string name, bytes abi.encode(value), bytes32 salt)`.
 */
export interface Claim {
  /** A Solidity type: `string`, `bool`, `address`, `bytes`, `bytes1`…`bytes32`, `uint8`…`uint256`, `int8`…`int256`, or an array of one. */
  readonly type: string;
  /**
   * The claim's name, e.g. `age_over_18`: letters, digits and `_`, not starting with a digit. A commitment claim
   * (`uint256 birth_date#poseidon`) is named after the claim it commits to.
   */
  readonly name: string;
  readonly value: ClaimValue;
  /** 32 random bytes, fresh for every claim: keeps a claim from being guessed from its leaf. */
  readonly salt: Hex;
}

/** A schema field as the registry stores it: `"<type> <name>"`, e.g. `"bool age_over_18"`. */
export type SchemaField = `${string} ${string}`;

/** A parsed schema field. */
export interface ClaimField {
  readonly type: string;
  readonly name: string;
}

/** The claim names of a list of schema fields, at the type level: `"bool age_over_18"` → `"age_over_18"`. */
export type FieldName<TField extends string> = TField extends `${string} ${infer TName}` ? TName : never;

/** The value type a schema field takes as input (numbers may be given as `number`, `bigint` or decimal strings). */
export type FieldValue<TField extends string> = TField extends `${infer TType} ${string}`
  ? TType extends "string" | "bool" | "address" | `bytes${string}`
    ? AbiParameterToPrimitiveType<{ type: TType }>
    : TType extends `${"u" | ""}int${string}`
      ? TType extends `${string}]`
        ? readonly (bigint | number | string)[]
        : bigint | number | string
      : unknown
  : unknown;

/**
 * The values of a whole schema, keyed by claim name, e.g. `{ age_over_18: boolean; nationality: string }`.
 * Commitment claims (`uint256 birth_date#poseidon`) are optional: `createClaims` computes them.
 */
export type SchemaValues<TFields extends readonly string[]> = {
  readonly [TField in TFields[number] as FieldName<TField> extends `${string}#poseidon` ? never : FieldName<TField>]: FieldValue<TField>;
} & {
  /** Commitment claims (`<name>#poseidon`) are computed from their claim and blinding: give them only to check them. */
  readonly [TField in TFields[number] as FieldName<TField> extends `${string}#poseidon` ? FieldName<TField> : never]?: FieldValue<TField>;
};

/** Letters, digits and `_`; a commitment claim adds `#poseidon` to the name of the claim it commits to. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(#poseidon)?$/;
const ELEMENTARY = /^(string|bool|address|bytes|bytes([1-9]|[12][0-9]|3[0-2])|u?int(8|16|24|32|40|48|56|64|72|80|88|96|104|112|120|128|136|144|152|160|168|176|184|192|200|208|216|224|232|240|248|256))$/;
const ARRAY = /^(.+)\[(\d*)\]$/;

/** Why `type` is not a claim type mintkit supports, or `undefined` when it is. */
export function claimTypeProblem(type: string): string | undefined {
  const array = ARRAY.exec(type);
  if (array) {
    if (array[2] !== "" && (array[2]!.startsWith("0") || Number(array[2]) === 0)) return `type "${type}": a fixed array length must be a positive integer`;
    return claimTypeProblem(array[1]!);
  }
  if (ELEMENTARY.test(type)) return undefined;
  if (type === "uint" || type === "int") return `type "${type}": write the size (${type}256), the leaf encodes the type string as given`;
  if (type.startsWith("(") || type.startsWith("tuple")) return `type "${type}": tuples are not supported as claim types`;
  return `type "${type}" is not a Solidity type mintkit supports (string, bool, address, bytes, bytesN, uintN, intN, or an array of one)`;
}

/** Why `name` is not a valid claim name, or `undefined` when it is. */
export function claimNameProblem(name: string): string | undefined {
  return NAME.test(name) ? undefined : `name "${name}" must be letters, digits and "_", not starting with a digit (a commitment claim ends in "#poseidon")`;
}

/** Parses a schema field `"<type> <name>"`, listing its problems instead when it is invalid. */
export function parseClaimField(field: string): { field: ClaimField; problems: [] } | { field?: undefined; problems: string[] } {
  const parts = field.trim().split(/\s+/);
  if (parts.length !== 2) return { problems: [`field "${field}" must be "<type> <name>", e.g. "bool age_over_18"`] };
  const [type, name] = parts as [string, string];
  const problems = [claimTypeProblem(type), claimNameProblem(name)].filter((p): p is string => p !== undefined);
  return problems.length === 0 ? { field: { type, name }, problems: [] } : { problems };
}
