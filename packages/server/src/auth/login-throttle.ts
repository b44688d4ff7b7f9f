/** Per-client sliding window for login attempts, before any password work is done. */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
  ) {}

  /** Returns seconds to wait, or 0 when the attempt may proceed (and counts it). */
  take(key: string, nowMs: number): number {
    const recent = (this.attempts.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(key, recent);
      return Math.ceil((this.windowMs - (nowMs - (recent[0] ?? nowMs))) / 1000);
    }
    recent.push(nowMs);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.prune(nowMs);
    return 0;
  }

  private prune(nowMs: number) {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => nowMs - t >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
