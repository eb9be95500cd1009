import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '@slack/bolt';
import { describeError } from '../core/errors.js';

export interface KnowledgeWatcherOptions {
  dir: string;
  /** Quiet time after the last change before re-indexing (default 3 s): saving a batch of files is one re-index. */
  debounceMs?: number;
  /** Called once per burst of changes; the next burst waits for it to finish. */
  onChange(files: string[]): Promise<void>;
  logger: Logger;
}

export interface KnowledgeWatcher {
  close(): void;
}

const IGNORED = /(^|\/)(\.[^/]*|[^/]*~|[^/]*\.(swp|swx|tmp|crdownload|part))$|(^|\/)(~\$|\.~lock)/;

/**
 * Watches the knowledge folder (recursively) while the bot runs and calls `onChange` after a
 * quiet spell. Editor temp files and hidden files are ignored. A change that arrives while
 * `onChange` runs schedules one more run afterwards, so no edit is missed.
 */
export function watchKnowledge(options: KnowledgeWatcherOptions): KnowledgeWatcher {
  const debounceMs = options.debounceMs ?? 3000;
  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  let running: Promise<void> | null = null;
  let closed = false;

  const flush = () => {
    timer = undefined;
    if (closed || changed.size === 0) return;
    if (running) {
      schedule();
      return;
    }
    const files = [...changed].sort();
    changed = new Set();
    running = options
      .onChange(files)
      .catch((error: unknown) => options.logger.error(`Re-indexing after knowledge changes failed: ${describeError(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watcher = fs.watch(options.dir, { recursive: true }, (_event, name) => {
    const file = typeof name === 'string' ? name.split(path.sep).join('/') : '';
    if (file === '' || IGNORED.test(file)) return;
    changed.add(file);
    schedule();
  });
  watcher.on('error', (error) => options.logger.error(`Watching ${options.dir} failed: ${describeError(error)}; changes are picked up by /repbot reindex only.`));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
