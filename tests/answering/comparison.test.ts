import { describe, expect, it } from 'vitest';
import { answersAboutCompetitors, detectComparison } from '../../src/answering/comparison.js';
import { calmira, lexicon, zorvex } from './routing-fixtures.js';

const words = lexicon().comparison;
const detect = (question: string, targets = [zorvex, calmira]) => detectComparison(question, targets, words);

describe('detectComparison', () => {
  it.each([
    ['zorvex is better than rosuvastatin, right?', 'zorvex', ['rosuvastatin']],
    ['Is Calmira more effective than Humira?', 'calmira', ['Humira']],
    ['calmira vs adalimumab for psoriasis', 'calmira', ['adalimumab']],
    ['how does zorvex compare with other statins?', 'zorvex', []],
    ['Zorvex or Crestor: which has fewer side effects?', 'zorvex', ['Crestor']],
  ])('"%s" compares %s with %j', (question, product, competitors) => {
    expect(detect(question)).toMatchObject({ product: { slug: product }, competitors });
  });

  it('reads Chinese: a competitor from the product card and 比…好', () => {
    const chinese = { ...calmira, competitors: ['修美乐', '阿达木单抗'] };
    expect(detect('卡米拉比修美乐更好吗？', [chinese])).toMatchObject({ product: { slug: 'calmira' }, competitors: ['修美乐'] });
    expect(detect('卡米拉和阿达木单抗有什么区别', [chinese])).toMatchObject({ competitors: ['阿达木单抗'] });
  });

  it('is not a comparison without a cue, without a competitor, or without a product it is about', () => {
    expect(detect('can zorvex be taken with rosuvastatin?')).toBeNull();
    expect(detect('switching a patient from Crestor to zorvex: what dose?')).toBeNull();
    expect(detect('is zorvex better taken in the morning?')).toBeNull();
    expect(detect('is crestor better than lipitor?', [])).toBeNull();
  });
});

describe('answersAboutCompetitors', () => {
  it('needs a sentence naming a competitor the question names; any answer will do when it names none', () => {
    const interaction = 'can zorvex be taken with rosuvastatin?';
    expect(answersAboutCompetitors(interaction, [zorvex], ['A missed dose is taken as soon as remembered.'])).toBe(false);
    expect(answersAboutCompetitors(interaction, [zorvex], ['Do not take Zorvex with other statins such as rosuvastatin.'])).toBe(true);
    expect(answersAboutCompetitors('how should zorvex be stored?', [zorvex], ['Store at 20°C to 25°C.'])).toBe(true);
    expect(answersAboutCompetitors(interaction, [], ['A missed dose is taken as soon as remembered.'])).toBe(true);
  });
});
