import fs from 'node:fs';

/** Flushes a file to disk: `fs.fsync`, replaceable in tests to count or fail the syncs. */
export interface FileSync {
  sync(fd: number): Promise<void>;
  syncNow(fd: number): void;
}

export const fsyncFile: FileSync = {
  sync: (fd) => new Promise((resolve, reject) => fs.fsync(fd, (error) => (error ? reject(error) : resolve()))),
  syncNow: (fd) => fs.fsyncSync(fd),
};

/**
 * Syncs the WAL file of a SQLite database opened with `syncWal: 'caller'` (synchronous=NORMAL):
 * a commit is on disk once `now()` returns or `later()` resolves. `later` runs the sync on
 * libuv's thread pool, off the event loop, and commits made while one runs share the next (a
 * group commit under a burst). A failed sync rejects: nothing may be reported written.
 */
export class WalSync {
  private fd: number | null = null;
  /** The sync in progress, and the one queued after it for commits made meanwhile. */
  private syncing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    private readonly databaseFile: string,
    private readonly fileSync: FileSync = fsyncFile,
  ) {}

  /** Syncs before returning (as synchronous=FULL would). */
  now(): void {
    this.fileSync.syncNow(this.wal());
  }

  /** A sync that starts after now: the running one may have started before this commit. */
  later(): Promise<void> {
    if (!this.syncing) {
      const run = this.fileSync.sync(this.wal());
      // The caller gets `run` (and its failure); the bookkeeping copy never rejects.
      this.syncing = run.then(
        () => this.settled(),
        () => this.settled(),
      );
      return run;
    }
    this.queued ??= this.syncing.then(() => this.next());
    return this.queued;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private settled(): void {
    this.syncing = null;
  }

  private next(): Promise<void> {
    this.queued = null;
    return this.later();
  }

  private wal(): number {
    this.fd ??= fs.openSync(`${this.databaseFile}-wal`, 'r');
    return this.fd;
  }
}
