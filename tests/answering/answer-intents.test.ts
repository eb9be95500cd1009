import { describe, expect, it } from 'vitest';
import { askedIntents } from '../../src/answering/extract/answer-intents.js';
import { foldText } from '../../src/text/tokenize.js';

const intents = (question: string) => askedIntents(foldText(question)).map((i) => i.id);

describe('askedIntents', () => {
  it('reads a dose question, but not "misses a dose" (what to do, not how many milligrams)', () => {
    expect(intents('zorvex max dose?')).toContain('dose');
    expect(intents('what should I do if a patient misses a dose of zorvex?')).not.toContain('dose');
    expect(intents('missed dose of calmira?')).not.toContain('dose');
    expect(intents('she missed a dose; what is the usual dose?')).toContain('dose');
  });

  it('reads an efficacy question, and a result as its fact but not an endpoint or "not established"', () => {
    expect(intents('how effective is zorvex?')).toContain('efficacy');
    expect(intents('佐维斯的疗效怎么样？')).toContain('efficacy');
    const efficacy = askedIntents('how effective is it').find((i) => i.id === 'efficacy');
    expect(efficacy?.shows.test(foldText('Zorvex 10 mg lowered LDL-C by 39% from baseline.'))).toBe(true);
    expect(efficacy?.shows.test(foldText('The primary endpoint was ACR20 response at Week 24.'))).toBe(false);
    expect(efficacy?.shows.test(foldText('Safety and effectiveness have not been established in pediatric patients.'))).toBe(false);
  });

  it('reads a symptoms question, and named symptoms as its fact', () => {
    expect(intents('what are the symptoms of rhabdomyolysis to watch for on zorvex?')).toContain('symptom');
    expect(intents('横纹肌溶解有什么症状？')).toContain('symptom');
    const symptom = askedIntents('symptoms').find((i) => i.id === 'symptom');
    expect(symptom?.shows.test(foldText('Advise patients to promptly report unexplained muscle pain, tenderness or weakness.'))).toBe(true);
    expect(symptom?.shows.test(foldText('Muscle symptoms and CK elevations may resolve after ZORVEX is discontinued.'))).toBe(false);
  });

  it('reads "12-week" as a duration', () => {
    const duration = askedIntents('how long').find((i) => i.id === 'duration');
    expect(duration?.shows.test(foldText('ZORA-Peds was a randomized 12-week trial followed by a 40-week open-label phase.'))).toBe(true);
    expect(duration?.shows.test(foldText('Store for up to 14 days.'))).toBe(true);
    expect(duration?.shows.test(foldText('Take 10 mg once daily.'))).toBe(false);
  });

  it('reads a strengths question, and milligrams as its fact', () => {
    expect(intents('zorvex tablet strengths')).toContain('strength');
    expect(intents('佐维斯有哪些规格？')).toContain('strength');
    const strength = askedIntents('strengths').find((i) => i.id === 'strength');
    expect(strength?.shows.test(foldText('Tablets: 10 mg, white, round, film-coated.'))).toBe(true);
    expect(strength?.shows.test(foldText('Keep the tablets in the original bottle, tightly closed.'))).toBe(false);
  });

  it('reads a how-to-report question, and where and by when to report as its fact', () => {
    expect(intents('hypothetically, if a patient got a rash on calmira, how would I report it?')).toContain('reporting');
    expect(intents('不良事件怎么上报？')).toContain('reporting');
    expect(intents('how often was rash reported?')).not.toContain('reporting');
    const reporting = askedIntents('how to report').find((i) => i.id === 'reporting');
    expect(reporting?.shows.test(foldText('Report adverse events within 24 hours to safety@example.com (FICTIONAL).'))).toBe(true);
    expect(reporting?.shows.test(foldText('Injection site reactions were reported in 7% of patients.'))).toBe(false);
  });
});
