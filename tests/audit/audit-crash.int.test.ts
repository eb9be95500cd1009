import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const WRITER = path.join(import.meta.dirname, 'fixtures/audit-writer.ts');

/**
 * Runs the writer (under tsx) until it has reported `count` committed ids, then kills the
 * writer process itself with SIGKILL: no exit handlers, no flush, as in a crash.
 */
function writeAndKill(file: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [WRITER, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: number[] = [];
    let writerPid = 0;
    let killed = false;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('pid ')) writerPid = Number(line.slice(4));
        else if (!killed) ids.push(Number(line));
      }
      if (ids.length >= count && !killed && writerPid > 0) {
        killed = true;
        process.kill(writerPid, 'SIGKILL');
      }
    });
    child.on('exit', (code) => {
      if (killed) resolve(ids);
      else reject(new Error(`writer exited on its own with ${code}: ${stderr}`));
    });
  });
}

describe('audit log crash safety', () => {
  it('loses no committed record and is not corrupted when the writer is killed mid-stream', async () => {
    const file = path.join(tempDir('repbot-audit-crash-'), 'audit.sqlite');
    const reported: number[] = [];
    for (let round = 0; round < 3; round++) {
      const ids = await writeAndKill(file, 150 + round * 37);
      expect(ids.length).toBeGreaterThan(0);
      reported.push(...ids);

      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT id FROM audit_records').all() as Array<{ id: number }>).map((r) => r.id));
      db.close();
      for (const id of reported) expect(stored.has(id), `committed record ${id}`).toBe(true);

      const log = AuditLog.open(file, { redact: (t) => t });
      const chain = log.verify();
      log.close();
      expect(chain.ok, chain.ok ? '' : chain.error).toBe(true);
    }
  }, 120_000);
});
