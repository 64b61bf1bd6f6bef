/**
 * The check-in store of the CLI and of door servers: a SQLite database file (Node's built-in `node:sqlite`,
 * no download, no native build). NODE-ONLY (reach it through `mintkit/node`).
 *
 * - WAL mode: doors read while another writes; every write is one statement, so several processes (door
 *   devices on one machine, or one server for many doors) share the file safely. WAL needs the file on a
 *   local disk (not a network share).
 * - The first admission wins: `INSERT … ON CONFLICT(event, ticket) DO NOTHING` under a UNIQUE key is one
 *   atomic statement; of two doors checking the same ticket at the same moment exactly one changes a row.
 * - Nonces seen are kept the same way (`nonces.nonce` is the primary key).
 * - A file locked longer than `busyTimeoutMs` is `ACCESS_STORE_LOCKED`; a file that is not a mintkit
 *   check-in database is `ACCESS_STORE_CORRUPT`; nothing is overwritten either way.
 *
 * `node:sqlite` is built into Node >= 22.13 (22.5 to 22.12 need `--experimental-sqlite`; Node 20 has none):
 * elsewhere opening fails with `ACCESS_STORE_UNAVAILABLE`. Node prints an "experimental" warning when the
 * module loads; this function silences that one warning.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { getAddress, type Address } from "viem";
import { AccessError } from "../../errors/AccessError.js";
import type { CheckInRecord, CheckInStore, TicketRef } from "../checkInStore.js";
import { ticketKey } from "../checkInStore.js";

/** Parameters of {@link openSqliteCheckInStore}. */
export interface OpenSqliteCheckInStoreParameters {
  /** The database file (created with its folder when missing). */
  readonly path: string;
  /** How long a statement waits for another process's lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number;
}

/** `PRAGMA application_id` of a mintkit check-in database ("mkci"). */
const APPLICATION_ID = 0x6d6b6369;

interface SqliteStatement {
  run(...params: unknown[]): { changes: number | bigint };
  get(...params: unknown[]): Record<string, unknown> | undefined;
}
interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
}
type SqliteModule = { DatabaseSync: new (file: string) => SqliteDatabase };

/**
 * Opens (or creates) a check-in database file shared by door processes.
 * @example
 * import { openSqliteCheckInStore, admitAccess } from "mintkit/node";
 * const store = await openSqliteCheckInStore({ path: ".mintkit/access/checkins.sqlite" });
 * const result = await admitAccess(publicClient, { proof, audience, event, accept, store });
 * await store.close();
 */
export async function openSqliteCheckInStore(parameters: OpenSqliteCheckInStoreParameters): Promise<CheckInStore> {
  const file = path.resolve(parameters.path);
  const busyTimeoutMs = parameters.busyTimeoutMs ?? 5000;
  const sqlite = await loadSqlite();
  const fail = (error: unknown) => storeError(error, file, busyTimeoutMs);
  let db: SqliteDatabase;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new sqlite.DatabaseSync(file);
  } catch (error) {
    throw fail(error);
  }
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    const appId = Number(db.prepare("PRAGMA application_id").get()?.["application_id"] ?? 0);
    const tables = Number(db.prepare("SELECT count(*) AS n FROM sqlite_schema").get()?.["n"] ?? 0);
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new AccessError("ACCESS_STORE_CORRUPT", `${file} is not a mintkit check-in database (another SQLite database).`, {
        hint: "Point --store (or `path`) at a new file or at the check-in file of your doors; this file was left untouched.",
        details: { path: file, reason: "another application's SQLite database" },
      });
    }
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec(`BEGIN IMMEDIATE;
      CREATE TABLE IF NOT EXISTS checkins (
        event TEXT NOT NULL, ticket TEXT NOT NULL, chain_id INTEGER NOT NULL, kind TEXT NOT NULL,
        collection TEXT NOT NULL, token_id TEXT NOT NULL, holder TEXT NOT NULL, nonce TEXT NOT NULL, at INTEGER NOT NULL,
        PRIMARY KEY (event, ticket)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
      PRAGMA application_id = ${APPLICATION_ID};
      COMMIT;`);
  } catch (error) {
    try {
      db.exec("ROLLBACK");
    } catch {}
    db.close();
    throw fail(error);
  }
  const insertNonce = db.prepare("INSERT INTO nonces (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
  const insertCheckIn = db.prepare(
    "INSERT INTO checkins (event, ticket, chain_id, kind, collection, token_id, holder, nonce, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event, ticket) DO NOTHING",
  );
  const selectCheckIn = db.prepare("SELECT * FROM checkins WHERE event = ? AND ticket = ?");
  const read = (ticket: TicketRef): CheckInRecord | undefined => {
    const row = selectCheckIn.get(ticket.event, ticketKey(ticket));
    return row ? fromRow(row) : undefined;
  };
  let open = true;
  const guard = <T>(fn: () => T): T => {
    if (!open) throw fail(new Error("the store is closed"));
    try {
      return fn();
    } catch (error) {
      throw fail(error);
    }
  };
  return {
    async useNonce(nonce, expiresAt) {
      return guard(() => Number(insertNonce.run(nonce, expiresAt).changes) === 1);
    },
    async checkIn(record) {
      return guard(() => {
        const key = ticketKey(record);
        const changes = insertCheckIn.run(
          record.event, key, record.chainId, record.kind, getAddress(record.collection), record.tokenId.toString(),
          getAddress(record.holder), record.nonce, record.at,
        ).changes;
        if (Number(changes) === 1) return { admitted: true as const, record };
        const first = read(record);
        if (!first) throw new Error("the first check-in of the ticket vanished");
        return { admitted: false as const, first };
      });
    },
    async getCheckIn(ticket) {
      return guard(() => read(ticket));
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

function fromRow(row: Record<string, unknown>): CheckInRecord {
  return {
    event: String(row["event"]),
    chainId: Number(row["chain_id"]),
    kind: row["kind"] === "erc1155" ? "erc1155" : "erc721",
    collection: getAddress(String(row["collection"])) as Address,
    tokenId: BigInt(String(row["token_id"])),
    holder: getAddress(String(row["holder"])) as Address,
    nonce: String(row["nonce"]),
    at: Number(row["at"]),
  };
}

/** `node:sqlite`, without its one-time "experimental" warning; a clean error where it does not exist. */
async function loadSqlite(): Promise<SqliteModule> {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning?.message;
    if (typeof text === "string" && /SQLite is an experimental feature/.test(text)) return;
    return (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return (await import("node:sqlite" as string)) as SqliteModule;
  } catch (error) {
    const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
    const why = major === 22 && minor < 13 ? "Node 22.5 to 22.12 need the --experimental-sqlite flag" : "Node before 22.5 has no built-in SQLite";
    throw new AccessError("ACCESS_STORE_UNAVAILABLE", `The check-in store needs Node's built-in SQLite (node:sqlite), which Node ${process.version} does not offer: ${why}.`, {
      hint: "Run mintkit with Node >= 22.13 (for example `npm exec --package=node@22 -- mintkit access check …` where mintkit is installed), or use the in-memory store (createMemoryCheckInStore) in the library.",
      details: { nodeVersion: process.version },
      cause: error,
    });
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Maps SQLite's failures to the store's error codes (an AccessError passes through). */
function storeError(error: unknown, file: string, busyTimeoutMs: number): AccessError {
  if (error instanceof AccessError) return error;
  const e = error as { errcode?: unknown; errstr?: unknown; message?: unknown };
  const primary = typeof e.errcode === "number" ? e.errcode & 0xff : undefined;
  const reason = typeof e.errstr === "string" ? e.errstr : typeof e.message === "string" ? e.message : String(error);
  if (primary === 5 || primary === 6) {
    return new AccessError("ACCESS_STORE_LOCKED", `The check-in store ${file} stayed locked by another process for more than ${busyTimeoutMs} ms.`, {
      hint: "Another program holds the database (an open transaction, a backup tool): close it and check again. Nothing was recorded.",
      details: { path: file, busyTimeoutMs },
      cause: error,
    });
  }
  if (primary === 26 || primary === 11) {
    return new AccessError("ACCESS_STORE_CORRUPT", `The check-in store ${file} is not a readable SQLite database (${reason}).`, {
      hint: "Restore it from a copy, or point at a new file (admissions recorded in this one are then not known to the door). It was left untouched.",
      details: { path: file, reason },
      cause: error,
    });
  }
  return new AccessError("ACCESS_STORE_FAILED", `The check-in store ${file} failed: ${reason}.`, {
    hint: "Check the file's folder exists and is writable, and that the disk is not full.",
    details: { path: file, reason },
    cause: error,
  });
}
