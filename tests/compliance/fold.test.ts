import { describe, expect, it } from 'vitest';
import { foldPlain, foldWithOffsets, originalSpan } from '../../src/compliance/fold.js';
import { segmentDraft } from '../../src/compliance/segment.js';
import { normalizeText } from '../../src/text/normalize.js';

describe('foldWithOffsets', () => {
  it('folds like normalizeText, lowercased, with traditional trigger characters simplified', () => {
    const samples = ['ＨＵＭＩＲＡ　４０ｍｇ', '保證治癒，藥到病除！', 'Lip\u200bitor  is   BEST', '36ºF to 46ºF', '無副作用'];
    for (const s of samples) expect(foldWithOffsets(s).text).toBe(foldPlain(s));
    expect(foldPlain('保證治癒，藥到病除！')).toBe('保证治愈,药到病除!');
    expect(foldPlain('ＮＯ.１')).toBe('no.1');
    expect(foldPlain(normalizeText('don’t'))).toBe("don't");
  });

  it('maps every folded character back to the text as written', () => {
    const text = 'Ｌｉｐｉｔｏｒ　是\u200b最好的藥';
    const folded = foldWithOffsets(text);
    const at = folded.text.indexOf('最好');
    const span = originalSpan(folded, at, at + 2);
    expect(text.slice(span.start, span.end)).toBe('最好');
    const lip = originalSpan(folded, 0, 7);
    expect(text.slice(lip.start, lip.end)).toBe('Ｌｉｐｉｔｏｒ');
  });
});

describe('segmentDraft', () => {
  it('covers every sentence of every line with its offsets', () => {
    const text = 'Hi Dr. Chen,\nLipitor is the best statin. It lowers LDL-C.\n\n立普妥是最好的。请参阅说明书。';
    const sentences = segmentDraft(text);
    expect(sentences.map((s) => s.text)).toEqual(['Hi Dr. Chen,', 'Lipitor is the best statin.', 'It lowers LDL-C.', '立普妥是最好的。', '请参阅说明书。']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[3]?.language).toBe('zh');
  });
});
