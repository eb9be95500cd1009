import { describe, expect, it } from 'vitest';
import { chunkPassages } from '../../src/knowledge/chunker.js';
import type { DocumentMeta } from '../../src/knowledge/types.js';
import { splitSentences } from '../../src/text/sentences.js';

const meta: DocumentMeta = {
  title: 'CALMIRA Prescribing Information',
  product: 'calmira',
  docType: 'label',
  approvalCode: 'MLR-2025-0121',
  status: 'approved',
  approvedOn: '2025-03-03',
  expiresOn: '2028-03-03',
  audience: 'internal',
  language: 'en',
};

// As the sample label's PDF gives it: a table whose cells came apart with spaces, under a sentence that names it.
const page = [
  'CALM-PSO 1 (N=758) and CALM-PSO 2 (N=760) were randomized, double-blind, placebo-controlled 52-week trials in adults',
  'with moderate-to-severe plaque psoriasis. The co-primary endpoints were PASI 75 and an sPGA score of 0 or 1 at Week 16.',
  'Results were consistent across the two trials; pooled results are shown in Table 2.',
  'Table 2: Efficacy Results at Week 16 in Adults with Plaque Psoriasis',
  'PASI 75 78 6',
  'PASI 90 56 2',
  'PASI 100 29 <1',
  'Among patients who achieved PASI 75 at Week 16 and continued CALMIRA, 84% maintained PASI 75 at Week 52.',
  // From the Lipitor label's PDF: the line reading takes "(AUC" for a new line; it is wrapped prose.
  'The 120 mg/kg dose resulted in a systemic exposure approximately 16 times the human plasma area-under-the-curve',
  '(AUC, 0–24 hours) based on the maximum human dose of 80 mg/day.',
  'The mean age was 58 years (range 21 to 84 years); 49% were women, 72% White, 16%',
  'Asian, 9% Black and 3% other races.',
].join('\n');

describe('chunkPassages', () => {
  it('keeps a line of its own (a table row, a caption) on its own line in the chunk, so it is not run into the next sentence', () => {
    const chunks = chunkPassages('calmira/label.pdf', [{ text: page, page: 5, section: '14 CLINICAL STUDIES' }], meta, { maxWidth: 300, overlapWidth: 20 });
    expect(chunks.length).toBeGreaterThan(1);
    const sentences = chunks.flatMap((c) => splitSentences(c.text));
    expect(sentences).toContain('Results were consistent across the two trials; pooled results are shown in Table 2.');
    expect(sentences).toContain('Table 2: Efficacy Results at Week 16 in Adults with Plaque Psoriasis');
    expect(sentences).toContain('PASI 100 29 <1');
    expect(sentences).toContain('Among patients who achieved PASI 75 at Week 16 and continued CALMIRA, 84% maintained PASI 75 at Week 52.');
    expect(sentences).toContain('The 120 mg/kg dose resulted in a systemic exposure approximately 16 times the human plasma area-under-the-curve (AUC, 0–24 hours) based on the maximum human dose of 80 mg/day.');
    expect(sentences).toContain('The mean age was 58 years (range 21 to 84 years); 49% were women, 72% White, 16% Asian, 9% Black and 3% other races.');
    // A sentence wrapped over two lines is still one sentence.
    expect(sentences[0]).toBe('CALM-PSO 1 (N=758) and CALM-PSO 2 (N=760) were randomized, double-blind, placebo-controlled 52-week trials in adults with moderate-to-severe plaque psoriasis.');
    expect(chunks.every((c) => c.page === 5 && c.section === '14 CLINICAL STUDIES')).toBe(true);
  });
});
