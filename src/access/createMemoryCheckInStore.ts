import type { CheckInRecord, CheckInStore } from "./checkInStore.js";
import { ticketKey } from "./checkInStore.js";

/**
 * A check-in store in memory, for one process (tests, a browser door, a server that is the only door).
 * Browser-safe. Admissions are lost when the process ends: several doors, or a door that restarts, need a
 * shared store (`openSqliteCheckInStore` in `mintkit/node`, or the on-chain `AccessCheckIn` contract).
 * @example
 * const store = createMemoryCheckInStore();
 * const result = await admitAccess(publicClient, { proof: payload, audience, event, accept, store });
 */
export function createMemoryCheckInStore(): CheckInStore {
  const nonces = new Map<string, number>();
  const admissions = new Map<string, CheckInRecord>();
  return {
    async useNonce(nonce, expiresAt) {
      if (nonces.has(nonce)) return false;
      nonces.set(nonce, expiresAt);
      return true;
    },
    async checkIn(record) {
      const key = `${record.event}\u0000${ticketKey(record)}`;
      const first = admissions.get(key);
      if (first) return { admitted: false, first };
      admissions.set(key, record);
      return { admitted: true, record };
    },
    async getCheckIn(ticket) {
      return admissions.get(`${ticket.event}\u0000${ticketKey(ticket)}`);
    },
    async close() {},
  };
}
