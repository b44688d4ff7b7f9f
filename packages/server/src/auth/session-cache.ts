import type { ResolvedSession } from './auth.service.ts';

/**
 * Keeps resolved sessions for a few seconds so a busy checkpoint or dashboard does not read the
 * session and its grants on every request. Logout and any change of roles or accounts clear it;
 * across several API nodes a change is seen within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: ResolvedSession | null; until: number }>();

  constructor(private readonly ttlMs = 10_000) {}

  get(sessionId: string, nowMs: number): ResolvedSession | null | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.until <= nowMs) return undefined;
    return entry.value;
  }

  set(sessionId: string, value: ResolvedSession | null, nowMs: number, expiresAtMs = nowMs) {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(sessionId, { value, until: Math.min(nowMs + this.ttlMs, value ? expiresAtMs : nowMs + this.ttlMs) });
  }

  forget(sessionId: string) {
    this.entries.delete(sessionId);
  }

  /** Drops every cached session of one account (its password changed or was reset). */
  forgetUser(userId: string) {
    for (const [sessionId, entry] of this.entries) {
      if (entry.value?.actor.userId === userId) this.entries.delete(sessionId);
    }
  }

  clear() {
    this.entries.clear();
  }
}
