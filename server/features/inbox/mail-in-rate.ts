/**
 * Counts events per key in fixed windows, in memory (one listener process). A key that used
 * up its limit is refused until its window ends. Ended windows are swept once per window, so
 * memory stays bounded by the keys seen in one window.
 */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Counts one event for `key`; false (and not counted) when the key's window is full. */
  take(key: string): boolean {
    const now = this.now();
    if (now - this.lastSweep >= this.windowMs) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit) return false;
    window.count += 1;
    return true;
  }

  /** How many keys are held (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number) {
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
