import { describe, expect, it } from 'vitest';
import { ANSWER_INTENTS, type AnswerIntent, askedIntents } from '../../src/answering/extract/answer-intents.js';
import { foldText } from '../../src/text/tokenize.js';

const intents = (question: string) => askedIntents(foldText(question)).map((i) => i.id);
/** Whether an approved sentence shows the fact the intent wants. */
const shows = (id: AnswerIntent['id'], sentence: string) => ANSWER_INTENTS.find((i) => i.id === id)?.shows.test(foldText(sentence));

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
    expect(shows('efficacy', 'Zorvex 10 mg lowered LDL-C by 39% from baseline.')).toBe(true);
    expect(shows('efficacy', 'The primary endpoint was ACR20 response at Week 24.')).toBe(false);
    expect(shows('efficacy', 'Safety and effectiveness have not been established in pediatric patients.')).toBe(false);
  });

  it('reads a symptoms question, and named symptoms as its fact', () => {
    expect(intents('what are the symptoms of rhabdomyolysis to watch for on zorvex?')).toContain('symptom');
    expect(intents('横纹肌溶解有什么症状？')).toContain('symptom');
    expect(shows('symptom', 'Advise patients to promptly report unexplained muscle pain, tenderness or weakness.')).toBe(true);
    expect(shows('symptom', 'Muscle symptoms and CK elevations may resolve after ZORVEX is discontinued.')).toBe(false);
  });

  it('reads "12-week" as a duration', () => {
    expect(shows('duration', 'ZORA-Peds was a randomized 12-week trial followed by a 40-week open-label phase.')).toBe(true);
    expect(shows('duration', 'Store for up to 14 days.')).toBe(true);
    expect(shows('duration', 'Take 10 mg once daily.')).toBe(false);
  });

  it('reads a strengths question, and milligrams as its fact', () => {
    expect(intents('zorvex tablet strengths')).toContain('strength');
    expect(intents('佐维斯有哪些规格？')).toContain('strength');
    expect(shows('strength', 'Tablets: 10 mg, white, round, film-coated.')).toBe(true);
    expect(shows('strength', 'Keep the tablets in the original bottle, tightly closed.')).toBe(false);
  });

  it('reads a how-to-report question, and where and by when to report as its fact', () => {
    expect(intents('hypothetically, if a patient got a rash on calmira, how would I report it?')).toContain('reporting');
    expect(intents('不良事件怎么上报？')).toContain('reporting');
    expect(intents('how often was rash reported?')).not.toContain('reporting');
    expect(shows('reporting', 'Report adverse events within 24 hours to safety@example.com (FICTIONAL).')).toBe(true);
    expect(shows('reporting', 'Injection site reactions were reported in 7% of patients.')).toBe(false);
  });
});
