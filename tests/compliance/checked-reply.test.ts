import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckedReply, assertCheckedReply, isCheckedReply } from '../../src/compliance/checked-reply.js';
import * as surface from '../../src/compliance/index.js';
import { testFilter } from './helpers/fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('CheckedReply', () => {
  it('is what approve returns: the filtered text, the result and the payload, frozen', async () => {
    const reply = await testFilter().approve({ text: 'Lipitor is the best statin. Take LIPITOR with or without food, at any time of day.' }, { citations: [1] });
    expect(isCheckedReply(reply)).toBe(true);
    expect(reply.text).toBe('Take LIPITOR with or without food, at any time of day.');
    expect(reply.compliance.verdict).toBe('fixed');
    expect(reply.payload).toEqual({ citations: [1] });
    expect(Object.isFrozen(reply) && Object.isFrozen(reply.compliance) && Object.isFrozen(reply.compliance.findings)).toBe(true);
    expect(assertCheckedReply(reply)).toBe(reply);
  });

  it('cannot be forged with a cast: renderers can tell at run time', () => {
    const forged = { text: 'Lipitor is the best', compliance: {}, payload: null } as unknown as CheckedReply<null>;
    expect(isCheckedReply(forged)).toBe(false);
    expect(() => assertCheckedReply(forged)).toThrow(/did not pass the compliance filter/);
  });

  it('cannot be built without the filter: only compliance-filter.ts imports createChecked', () => {
    const importers = sourceFiles(path.join(ROOT, 'src'))
      .filter((file) => /(?:import|export)\s*\{[^}]*\bcreateChecked\b[^}]*\}\s*from/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(importers).toEqual(['src/compliance/compliance-filter.ts']);
    expect(Object.keys(surface)).not.toContain('createChecked');
  });

  it('lives in a core that never imports Slack', () => {
    for (const file of [...sourceFiles(path.join(ROOT, 'src/compliance')), ...sourceFiles(path.join(ROOT, 'src/audit'))]) {
      expect(fs.readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]@slack\//);
    }
  });
});
