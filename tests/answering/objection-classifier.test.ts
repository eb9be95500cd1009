import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyObjection } from '../../src/answering/objection/objection-classifier.js';
import { loadObjectionLexicon } from '../../src/answering/objection/objection-lexicon.js';
import { DEFAULT_OBJECTION_TEMPLATES, loadObjectionTemplates } from '../../src/answering/objection/objection-templates.js';
import { OBJECTION_CATEGORIES } from '../../src/answering/reply.js';
import { tempDir } from '../helpers/temp-knowledge.js';

const lexicon = (() => {
  const l = loadObjectionLexicon();
  if (!l.ok) throw new Error(l.error);
  return l.value;
})();
const competitors = ['Crestor', 'rosuvastatin', 'Humira', '修美乐', '可定'];

describe('objection categories', () => {
  it.each([
    ['Zorvex is too expensive for my patients', 'price'],
    ['患者负担不起新的他汀。', 'price'],
    ["I'm happy with Crestor", 'competitor'],
    ['我的患者用修美乐效果很好', 'competitor'],
    ["I'm worried about muscle side effects with statins", 'safety'],
    ['我担心卡米拉的感染风险', 'safety'],
    ["I'm not convinced Zorvex lowers LDL-C enough", 'efficacy'],
    ['我不确定卡米拉的疗效', 'efficacy'],
    ["Zorvex isn't on our formulary", 'access'],
    ['卡米拉不在我们医院的目录里', 'access'],
    ['I only have a minute', 'no-time'],
    ['我今天没时间', 'no-time'],
    ['Where is the outcomes evidence? The guidelines tell me which statin to use.', 'guideline'],
    ['指南对卡米拉是怎么说的？', 'guideline'],
    ["I don't believe the data, the trials were too short", 'guideline'],
    ['我不相信这些数据，试验时间太短了', 'guideline'],
    ['The weather is bad today', 'other'],
  ])('"%s" → %s', (text, category) => {
    expect(classifyObjection(text, lexicon, competitors).category).toBe(category);
  });
});

describe('objection templates (prompts/objection-templates.yaml)', () => {
  it('cover every category in both languages, with only declared placeholders', () => {
    const t = loadObjectionTemplates();
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    for (const c of OBJECTION_CATEGORIES) for (const l of ['en', 'zh'] as const) expect(t.value.categories[c][l].acknowledge).not.toBe('');
  });

  it('never name a competitor or make a claim', () => {
    const text = fs.readFileSync(DEFAULT_OBJECTION_TEMPLATES, 'utf8');
    expect(text).not.toMatch(/Crestor|Lipitor|Humira|Cosentyx|可定|立普妥|修美乐|\bbest\b|\bsafest\b|最好|最安全/);
  });

  it('reject an undeclared placeholder, naming where', () => {
    const file = path.join(tempDir(), 'templates.yaml');
    fs.writeFileSync(file, fs.readFileSync(DEFAULT_OBJECTION_TEMPLATES, 'utf8').replace('Cost matters to you', 'Cost matters to {doctor}'));
    const t = loadObjectionTemplates(file);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error).toMatch(/categories\.price\.en\.acknowledge: placeholder \{doctor\}/);
  });
});
