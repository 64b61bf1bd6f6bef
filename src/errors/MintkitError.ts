/**
 * The one error base class of mintkit. Browser-safe.
 *
 * Every error thrown by the library is a `MintkitError` (or a subclass) with:
 * - `code`: a stable string literal to branch on (`err.code === "IPFS_BLOCK_NOT_FOUND"`),
 * - `shortMessage`: what was wrong, in one sentence,
 * - `hint`: what to do next,
 * - `details`: typed, machine-readable context (never secrets),
 * - `cause`: the underlying error, if any (standard `Error.cause`).
 *
 * `message` is the composed, human-readable text: short message, then the hint, then the
 * cause's message and the docs path when present. Patterned after viem's `BaseError`
 * (shortMessage / details / docsPath / walk), kept lean.
 */
import { walkCause } from "../chain/walkCause.js";

export interface MintkitErrorOptions<TDetails> {
  /** What to do next. Required: every mintkit error tells the caller how to proceed. */
  readonly hint: string;
  /** Machine-readable context for the error. */
  readonly details?: TDetails;
  /** The underlying error. */
  readonly cause?: unknown;
  /** The documentation for this kind of error: a file of the mintkit repository, e.g. `docs/cli.md` (a section may follow in parentheses). */
  readonly docsPath?: string;
}

export class MintkitError<
  TCode extends string = string,
  TDetails = unknown,
> extends Error {
  override name = "MintkitError";
  readonly code: TCode;
  readonly shortMessage: string;
  readonly hint: string;
  readonly details: TDetails | undefined;
  readonly docsPath: string | undefined;

  constructor(code: TCode, shortMessage: string, options: MintkitErrorOptions<TDetails>) {
    const causeMessage = describeCause(options.cause);
    const message = [
      shortMessage,
      "",
      options.hint,
      ...(causeMessage ? ["", `Cause: ${causeMessage}`] : []),
      ...(options.docsPath ? ["", `Docs: ${options.docsPath}`] : []),
      "",
      `Code: ${code}`,
    ].join("\n");
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.shortMessage = shortMessage;
    this.hint = options.hint;
    this.details = options.details;
    this.docsPath = options.docsPath;
  }

  /**
   * Walks the `cause` chain and returns the deepest error, or the first one for which `fn`
   * returns true (`null` if none matches).
   */
  walk(fn?: (err: unknown) => boolean): unknown {
    return walkCause(this, fn);
  }
}

/** True when `err` is a `MintkitError`, optionally with the given code. */
export function isMintkitError<TCode extends string>(
  err: unknown,
  code?: TCode,
): err is MintkitError<TCode> {
  return err instanceof MintkitError && (code === undefined || err.code === code);
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof MintkitError) return cause.shortMessage;
  if (cause instanceof Error) return cause.message;
  if (typeof cause === "string") return cause;
  return undefined;
}
