/**
 * Fixed one-minute windows per key (account, client address, device): a constant-time check on every
 * code request, so the limit itself costs nothing under load. Per node; a cluster multiplies it.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request for every key; seconds to wait when any key is over its limit, else 0. */
  take(keys: readonly string[], nowMs: number): number {
    let wait = 0;
    for (const key of keys) {
      let window = this.windows.get(key);
      if (!window || nowMs - window.start >= this.windowMs) {
        window = { start: nowMs, count: 0 };
        this.windows.set(key, window);
      }
      window.count += 1;
      if (window.count > this.perWindow) wait = Math.max(wait, Math.ceil((window.start + this.windowMs - nowMs) / 1000));
    }
    if (this.windows.size > 50_000) this.prune(nowMs);
    return wait;
  }

  private prune(nowMs: number) {
    for (const [key, window] of this.windows) if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
  }
}
