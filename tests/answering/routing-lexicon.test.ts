import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING_DIR, loadRoutingLexicon } from '../../src/answering/routing/routing-lexicon.js';
import { compileTermSet } from '../../src/answering/routing/term-set.js';
import { tempDir } from '../helpers/temp-knowledge.js';

describe('routing word lists (data/routing/*.yaml)', () => {
  it('load and compile', () => {
    const lexicon = loadRoutingLexicon();
    expect(lexicon.ok).toBe(true);
    if (lexicon.ok) expect(lexicon.value.offLabel.conditions.length).toBeGreaterThan(20);
  });

  it('report a broken file by name and field', () => {
    const dir = tempDir('repbot-routing-');
    for (const f of fs.readdirSync(DEFAULT_ROUTING_DIR)) fs.copyFileSync(path.join(DEFAULT_ROUTING_DIR, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'medical-advice.yaml'), 'subjects: {en: [my patient]}\ndecisions: {en: [should], patterns: ["(unclosed"]}\n');
    const lexicon = loadRoutingLexicon(dir);
    expect(lexicon.ok).toBe(false);
    if (!lexicon.ok) expect(lexicon.error.join('\n')).toMatch(/medical-advice\.yaml: decisions\.patterns\.0: not a valid regular expression/);
  });

  it('term sets match whole Latin words, prefixes with *, and Chinese as substrings', () => {
    const set = compileTermSet({ en: ['rash', 'hospitali*', 'side effect'], zh: ['皮疹'], patterns: [] });
    expect(set.find('a rash, then hospitalized; side  effects? 出现皮疹').map((m) => m.text)).toEqual(['rash', 'hospitalized', 'side  effects', '皮疹']);
    expect(set.test('crash brash')).toBe(false);
  });
});
