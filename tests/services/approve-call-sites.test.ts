import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The runtime test (audit-trail.int.test.ts) runs every output path; this one makes sure a new
// path cannot appear unnoticed: every place in src/ that asks the compliance filter to approve a
// draft is one whose filter is the audited one (answers, objections) or that writes the audit
// record itself (check). A new call site fails here until it is added with its audit story.
const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const KNOWN: Record<string, string> = {
  // deps.filter is the services' auditedFilter (answer-services.ts)
  'answering/answer-service.ts': 'deps.filter.approve(',
  'answering/objection/objection-service.ts': 'deps.filter.approve(',
  // the snapshot filter, wrapped by auditedFilter on the next line
  'services/answer-services.ts': '.approve(draft, body, seal)',
  // auditedFilter itself: records in the seal
  'services/audited-filter.ts': 'filter.approve(draft, body, async',
  // check: records in its own seal
  'services/check-service.ts': 'deps.audit.record(',
  // training texts (doctor's lines, quiz questions and answers, coaching, written notes): the
  // filter is the services' auditedTrainingFilter (create-services.ts → training-filter.ts)
  'training/training-texts.ts': 'filter.approve(',
  // auditedTrainingFilter itself: records in its seal (trainingEntry)
  'services/training-filter.ts': 'audit.recordDurably(trainingEntry(draft, result))',
};

describe('every approve() call site is audited', () => {
  it('lists exactly the known call sites', () => {
    const found = sources(SRC)
      .filter((file) => fs.readFileSync(file, 'utf8').split('\n').some((line) => /\.approve\(/.test(line) && !/^\s*(\*|\/\/)/.test(line)))
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .filter((file) => !file.startsWith('compliance/'));
    expect(found.sort()).toEqual(Object.keys(KNOWN).sort());
    for (const [file, marker] of Object.entries(KNOWN)) expect(fs.readFileSync(path.join(SRC, file), 'utf8')).toContain(marker);
  });

  it('answer services hand answering the audited filter, not the bare one', () => {
    const text = fs.readFileSync(path.join(SRC, 'services/answer-services.ts'), 'utf8');
    expect(text).toMatch(/const filter = auditedFilter\(snapshotFilter, options\.auditLog\);/);
    expect(text).toMatch(/const deps = \{ knowledge: options\.knowledge, filter,/);
  });

  it('the services hand training the audited filter, not the bare one', () => {
    const text = fs.readFileSync(path.join(SRC, 'services/create-services.ts'), 'utf8');
    expect(text).toMatch(/filterFor: auditedTrainingFilter\(compliance, auditLog\),/);
  });
});
