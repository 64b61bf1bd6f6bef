/**
 * Fault injection for the loopback servers (test-only): the next requests matching a path answer
 * with an HTTP error, hang, or drop the connection, then the server behaves normally again.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type Fault =
  /** Answer with this status (and headers/body) instead of handling the request. */
  | { readonly path?: string; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string; times?: number }
  /** Wait this long before handling the request (a slow server). */
  | { readonly path?: string; readonly delayMs: number; times?: number }
  /** Destroy the socket without answering (connection reset). */
  | { readonly path?: string; readonly reset: true; times?: number };

export class FaultQueue {
  private readonly faults: Fault[] = [];

  /** Adds a fault for the next `times` (default 1) requests whose path ends with `path` (any path when omitted). */
  add(fault: Fault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Applies a pending fault; true when the request was answered (or dropped) by it. */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const index = this.faults.findIndex((f) => f.path === undefined || path.endsWith(f.path));
    if (index < 0) return false;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    if ("delayMs" in fault) {
      await new Promise((r) => setTimeout(r, fault.delayMs));
      return res.destroyed || res.writableEnded;
    }
    // Drain the body so that the client's upload completes.
    for await (const _ of req) void _;
    if ("reset" in fault) {
      req.socket.destroy();
      return true;
    }
    res.writeHead(fault.status, { "content-type": "text/plain", ...fault.headers });
    res.end(fault.body ?? `injected ${fault.status}`);
    return true;
  }
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
