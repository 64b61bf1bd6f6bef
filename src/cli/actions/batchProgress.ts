/** Progress of `mintkit batch` on stderr (used by ./batch.ts). */
import type { BatchEvent } from "../../batch/types.js";
import { note } from "../output.js";

export interface BatchProgress {
  readonly onEvent: (event: BatchEvent) => void;
  readonly stop: () => void;
}

/**
 * Progress on stderr: a cli-progress bar when stderr is a TTY, plain lines otherwise (at most one import
 * line every 2 s), nothing with --json.
 */
export function createBatchProgress(json: boolean): BatchProgress {
  if (json) return { onEvent: () => undefined, stop: () => undefined };
  const tty = process.stderr.isTTY === true;
  let bar: { start(total: number, value: number, payload?: object): void; update(value: number, payload?: object): void; stop(): void } | undefined;
  let barLoading: Promise<void> | undefined;
  let lastImportLine = 0;
  const line = (message: string) => note(false, message);

  const ensureBar = (total: number, value: number) => {
    if (bar || barLoading) return;
    barLoading = import("cli-progress").then((mod) => {
      const cliProgress = (mod as { default?: typeof import("cli-progress") }).default ?? (mod as typeof import("cli-progress"));
      const b = new cliProgress.SingleBar(
        { stream: process.stderr, format: "Minting |{bar}| {value}/{total} tokens | {step}", hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
      b.start(total, value, { step: "" });
      bar = b;
    });
  };

  return {
    onEvent(event) {
      switch (event.type) {
        case "validated":
          line(`Checked ${event.items} items: all valid.`);
          break;
        case "import": {
          const now = Date.now();
          if (event.filesDone === event.filesTotal || now - lastImportLine > 2000) {
            lastImportLine = now;
            line(`Uploading (${event.pass}): ${event.filesDone}/${event.filesTotal} files`);
          }
          break;
        }
        case "imported":
          line(`Uploaded to the embedded IPFS store: ipfs://${event.dirCid}/`);
          break;
        case "planned":
          line(
            `${event.resumed ? "Resuming" : "Planned"} ${event.steps} transaction(s) for ${event.tokens} tokens` +
              `${event.tokensConfirmed > 0 ? ` (${event.tokensConfirmed} already confirmed)` : ""}; journal ${event.journal}`,
          );
          if (tty) ensureBar(event.tokens, event.tokensConfirmed);
          break;
        case "step":
          if (bar) bar.update(event.tokensConfirmed, { step: `${event.step} ${event.status}` });
          else if ((!tty || !barLoading) && event.status !== "signed" && event.status !== "broadcast") {
            // Plain lines: one per finished step (and per re-broadcast on resume).
            line(`[${event.step}] ${event.status}${event.hash ? ` ${event.hash}` : ""} — ${event.tokensConfirmed}/${event.tokensTotal} tokens`);
          }
          break;
        case "complete":
          break;
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

