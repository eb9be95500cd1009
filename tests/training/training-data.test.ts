import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPersona, loadPersonas } from '../../src/training/persona.js';
import { loadRubric } from '../../src/training/rubric.js';
import { asksClarifyingQuestion, cueSet } from '../../src/training/scoring/cues.js';
import { tempDir } from '../helpers/temp-knowledge.js';

describe('training data (data/training)', () => {
  it('ships the five personas, each findable by a short name', () => {
    const personas = loadPersonas();
    expect(personas.ok).toBe(true);
    if (!personas.ok) return;
    expect(personas.value.map((p) => p.id).sort()).toEqual(['busy', 'cost-focused-gp', 'loyal-to-competitor', 'safety-worried', 'skeptical-specialist']);
    expect(findPersona(personas.value, 'skeptical')?.id).toBe('skeptical-specialist');
    expect(findPersona(personas.value, 'cost')?.id).toBe('cost-focused-gp');
    expect(findPersona(personas.value, '竞品')?.id).toBe('loyal-to-competitor');
    expect(findPersona(personas.value, 'nobody')).toBeUndefined();
  });

  it('ships a versioned rubric with the six lines, compliance as the gate', () => {
    const rubric = loadRubric();
    expect(rubric.ok).toBe(true);
    if (!rubric.ok) return;
    expect(rubric.value.version).toMatch(/\S/);
    expect(rubric.value.lines.map((l) => l.check)).toEqual(['acknowledge', 'clarify', 'evidence', 'accuracy', 'compliance', 'close']);
    expect(rubric.value.lines.filter((l) => l.gate).map((l) => l.id)).toEqual(['compliant']);
  });

  it('a bad persona file is reported by name and field', () => {
    const dir = tempDir('repbot-personas-');
    fs.copyFileSync(path.resolve(import.meta.dirname, '../../data/training/personas/busy.yaml'), path.join(dir, 'busy.yaml'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: Broken Id\nname: { en: x, zh: y }\n');
    const personas = loadPersonas(dir);
    expect(personas.ok).toBe(false);
    if (personas.ok) return;
    expect(personas.error.join('\n')).toMatch(/broken\.yaml: id: must be kebab-case/);
  });

  it('a rubric without cues for a cue-based line is refused', () => {
    const file = path.join(tempDir('repbot-rubric-'), 'rubric.yaml');
    fs.writeFileSync(file, 'version: "1"\npassMark: 70\nlines:\n  - { id: ack, check: acknowledge, weight: 1, label: { en: a, zh: b }, advice: { en: a, zh: b } }\n');
    const rubric = loadRubric(file);
    expect(rubric).toMatchObject({ ok: false });
    if (!rubric.ok) expect(rubric.error).toMatch(/lines\.0\.cues: a "acknowledge" line needs cues/);
  });
});

describe('clarifying questions with the shipped rubric cues', () => {
  const rubric = loadRubric();
  const lines = rubric.ok ? rubric.value.lines : [];
  const clarify = cueSet(lines.find((l) => l.check === 'clarify'));
  const close = cueSet(lines.find((l) => l.check === 'close'));

  it.each([
    'Is your concern the cost to the patient, or coverage?',
    'Can I ask whether your patients are mostly on commercial plans?',
    'May I ask what you saw in those patients?',
    '请问您主要关心的是患者自付还是医保报销？',
    '想问一下，您的患者主要是哪类医保？',
  ])('counts "%s"', (text) => {
    expect(asksClarifyingQuestion(text, clarify, close)).toBe(true);
  });

  it.each(['Would it help if I asked Market Access to contact your office?', 'Calmira is injected under the skin.', '需要我请市场准入团队联系您的科室吗？'])('does not count "%s"', (text) => {
    expect(asksClarifyingQuestion(text, clarify, close)).toBe(false);
  });
});
