/**
 * Who holds the single SQLite connection. A SQLite transaction belongs to the connection, not to the code that
 * began it: while one caller's `store.transaction(async (tx) => ...)` awaits between its statements, any other
 * statement on the connection would run inside that transaction (committed or rolled back with it, and reading
 * its uncommitted rows). So every unit of work (one repository call, or a whole transaction) takes this lock first
 * and the next one starts only when the previous one has committed or rolled back, in arrival order.
 *
 * It is not a general mutex library on purpose: a call made while the lock is free runs synchronously, in the same
 * tick, so a repository call costs no extra turn of the event loop (libsql is synchronous; most calls never wait).
 */
export class ConnectionLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  /** Takes the lock now if it is free. */
  tryAcquire(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }

  /** Resolves once the lock is this caller's (at once when free). */
  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Gives the lock to the next caller in line (it stays held: nobody can barge in meanwhile), or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  /** Resolves when every unit queued so far has finished (for close). */
  async drain(): Promise<void> {
    await this.acquire();
    this.release();
  }
}
