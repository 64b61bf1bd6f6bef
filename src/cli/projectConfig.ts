/**
 * The project config file `mintkit.config.json` (in the working directory): settings a creator writes once.
 * Today it holds the publishing provider:
 *
 * ```json
 * { "publish": { "kuboUrl": "http://127.0.0.1:5001", "pinningEndpoint": "https://api.pinata.cloud/psa",
 *                "pinningTokenFile": "/home/me/.pinata-token", "pinTimeout": 600 } }
 * ```
 * Command-line options win over environment variables, which win over this file. The pinning token itself
 * never goes in the file (it may be committed): name a token file, or set MINTKIT_PINNING_TOKEN.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { CliError } from "../errors/CliError.js";

export const PROJECT_CONFIG_FILE = "mintkit.config.json";

/** The `publish` section of `mintkit.config.json`. */
export interface PublishConfig {
  readonly kuboUrl?: string;
  readonly pinningEndpoint?: string;
  /** Relative paths are resolved against the config file's folder. */
  readonly pinningTokenFile?: string;
  /** Seconds to wait for a pin to be `pinned`. */
  readonly pinTimeout?: number;
}

export interface ProjectConfig {
  /** Absolute path of the file read (undefined when there is none). */
  readonly file?: string;
  readonly publish: PublishConfig;
}

const KEYS = { kuboUrl: "string", pinningEndpoint: "string", pinningTokenFile: "string", pinTimeout: "number" } as const;

/**
 * Reads `mintkit.config.json` from `cwd` (no file = empty config).
 * @throws CliError `CLI_INVALID_INPUT` for a file that is not JSON or has an unknown / mistyped key.
 */
export function readProjectConfig(cwd: string = process.cwd()): ProjectConfig {
  const file = path.join(path.resolve(cwd), PROJECT_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { publish: {} };
    throw invalid(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(file, "is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalid(file, "must hold a JSON object");
  const section = (parsed as { publish?: unknown }).publish;
  if (section === undefined) return { file, publish: {} };
  if (typeof section !== "object" || section === null || Array.isArray(section)) throw invalid(file, `"publish" must be an object`);
  const publish: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(section)) {
    const type = KEYS[key as keyof typeof KEYS];
    if (type === undefined) throw invalid(file, `"publish.${key}" is not a known setting (known: ${Object.keys(KEYS).join(", ")})`);
    if (typeof value !== type || (type === "number" && !(Number.isFinite(value) && (value as number) > 0))) {
      throw invalid(file, `"publish.${key}" must be ${type === "number" ? "a positive number of seconds" : "a string"}`);
    }
    publish[key] = key === "pinningTokenFile" ? path.resolve(path.dirname(file), value as string) : (value as string | number);
  }
  return { file, publish: publish as PublishConfig };
}

function invalid(file: string, reason: string): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", `${file} ${reason}.`, {
    hint: `Fix ${PROJECT_CONFIG_FILE} (see the README, "Publishing"): { "publish": { "kuboUrl": …, "pinningEndpoint": …, "pinningTokenFile": …, "pinTimeout": seconds } }.`,
    details: { field: PROJECT_CONFIG_FILE, value: file, reason },
  });
}
