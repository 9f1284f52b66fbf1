/**
 * Runs `work` only if no other tab of this origin holds the lock `name` (Web Locks), so a lead left in
 * the outbox is sent by one tab, not by every tab that opens. Browsers without Web Locks run it; the
 * relay's idempotency key still keeps the destination from getting the lead twice.
 */
export async function exclusive<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? work() : undefined));
}
