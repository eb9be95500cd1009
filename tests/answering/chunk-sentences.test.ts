import { describe, expect, it } from 'vitest';
import { chunkSentences, joinTableRows } from '../../src/answering/extract/chunk-sentences.js';
import { chunk } from './routing-fixtures.js';

describe('candidate sentences of a passage', () => {
  it('leaves out FAQ questions and the "A:" marker, keeping the answer verbatim', () => {
    const c = chunk('Q: What is the maximum daily dose of Zorvex?\nA: The maximum recommended dosage of Zorvex is 40 mg once daily in adults. In pediatric patients it is 20 mg.', { docType: 'faq' });
    expect(chunkSentences(c, 0).map((s) => s.text)).toEqual([
      'The maximum recommended dosage of Zorvex is 40 mg once daily in adults.',
      'In pediatric patients it is 20 mg.',
    ]);
  });

  it('joins table cells into rows and skips header rows', () => {
    const text = 'Table 1. Adverse Reactions in RA Studies\nAdverse Reaction |\nHUMIRA % |\nPlacebo % |\nUpper respiratory infection |\n17% |\n13% |\nSinusitis |\n11% |\n9% |';
    expect(joinTableRows(text)).toContain('Upper respiratory infection | 17% | 13% |');
    const rows = chunkSentences(chunk(text), 0).filter((s) => s.kind === 'table-row');
    expect(rows.map((r) => r.text)).toEqual(['Upper respiratory infection | 17% | 13% |', 'Sinusitis | 11% | 9% |']);
    expect(rows[0]?.caption).toMatch(/^Table 1/);
    // The header cells, one per line in the label's text, are each row's header.
    expect(rows.map((r) => r.header)).toEqual(['Adverse Reaction | HUMIRA % | Placebo % |', 'Adverse Reaction | HUMIRA % | Placebo % |']);
    // A table after prose has its own header (or none).
    const second = chunkSentences(chunk(`${text}\nThese rates are from the controlled period.\nOverall | 60% | 40% |`), 0).filter((s) => s.kind === 'table-row');
    expect(second.at(-1)?.header).toBeUndefined();
  });

  it('strips list markers and leaves out disclaimer banners', () => {
    const c = chunk('FICTIONAL SAMPLE — not a real medicine.\n• Store at 20°C to 25°C.\n- 儿童：尚未确立安全性和有效性。');
    expect(chunkSentences(c, 0).map((s) => s.text)).toEqual(['Store at 20°C to 25°C.', '儿童：尚未确立安全性和有效性。']);
  });
});
