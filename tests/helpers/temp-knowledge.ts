import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'repbot-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files (relative path → content) under a new temp knowledge folder. */
export function writeKnowledge(files: Record<string, string | Buffer>, root = tempDir('repbot-kb-')): string {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function frontMatter(fields: Record<string, string>, body: string): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

export const approved = (title: string, code: string, extra: Record<string, string> = {}) => ({
  title,
  docType: 'detail-aid',
  approvalCode: code,
  status: 'approved',
  approvedOn: '2025-01-10',
  expiresOn: '2030-01-10',
  audience: 'hcp',
  ...extra,
});

export const copyDir = (from: string, to: string) => fs.cpSync(from, to, { recursive: true });
