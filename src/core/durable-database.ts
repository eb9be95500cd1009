import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RepbotError } from './errors.js';

/**
 * Opens (creating it and its folder if needed) a SQLite file for records that must not be lost:
 * WAL with synchronous=FULL, so a write is on disk once it returns and a crash loses nothing
 * committed; a 5 s busy timeout for a second process reading it. `setUp` creates the schema and
 * migrates it. Any failure is a RepbotError naming the file (`what`: "the audit log").
 * `syncWal: 'caller'` leaves the commit's WAL sync to the caller (synchronous=NORMAL): only for
 * a store that syncs the WAL file itself before it reports a write done (see AuditLog).
 */
export function openDurableDatabase(
  file: string,
  what: string,
  setUp: (db: Database.Database) => void,
  options: { syncWal?: 'sqlite' | 'caller' } = {},
): Database.Database {
  let db: Database.Database | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma(options.syncWal === 'caller' ? 'synchronous = NORMAL' : 'synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    setUp(db);
    return db;
  } catch (error) {
    db?.close();
    throw new RepbotError('INTERNAL', `Cannot open ${what} ${file}.`, {
      cause: error,
      hint: `Check that the data folder is writable and the file is ${what.replace(/^the /, 'a repbot ')}.`,
    });
  }
}

/** Stamps a new file with `version`; refuses a file written by a newer repbot. */
export function checkSchemaVersion(db: Database.Database, version: number, what: string): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > version) throw new Error(`${what} schema version ${found} is newer than this repbot (${version})`);
  if (found === 0) db.pragma(`user_version = ${version}`);
}
