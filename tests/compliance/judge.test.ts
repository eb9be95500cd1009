import { describe, expect, it } from 'vitest';
import { createChatModelJudge } from '../../src/compliance/llm-judge.js';
import { testFilter } from './helpers/fixtures.js';
import { createFakeJudge, never } from './helpers/fake-judge.js';

// "well tolerated" (US-RSK-002) is a rule marked uncertain: only the judge may turn it into a violation.
const draft = { text: 'Patients find Humira well tolerated. Humira is given by subcutaneous injection.' };

describe('uncertain rules', () => {
  it('are warnings without a judge: posted, with a note', async () => {
    const r = await testFilter().check(draft);
    const f = r.findings.find((x) => x.ruleId === 'US-RSK-002');
    expect(f).toMatchObject({ severity: 'warning', action: 'none' });
    expect(r.verdict).toBe('pass');
    expect(r.notes[0]).toMatch(/^Note: possible risk minimisation/);
  });

  it('go to the judge, one call per claim, with the sentence and the draft', async () => {
    const fake = createFakeJudge(() => ({ violative: true, category: 'risk-minimisation', rationale: 'unqualified tolerability claim' }));
    const r = await testFilter({ judge: fake.judge }).check(draft);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ claim: 'Patients find Humira well tolerated.', draft: draft.text, ruleId: 'US-RSK-002', language: 'en' });
    expect(r.verdict).toBe('fixed');
    expect(r.text).toBe('Humira is given by subcutaneous injection.');
  });

  it('pass when the judge clears them', async () => {
    const fake = createFakeJudge(() => ({ violative: false, rationale: 'quoted from the label' }));
    const r = await testFilter({ judge: fake.judge }).check(draft);
    expect(r.findings.filter((x) => x.ruleId === 'US-RSK-002')).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('hold the draft when the judge throws (fail closed)', async () => {
    const fake = createFakeJudge(() => {
      throw new Error('rate limited');
    });
    const r = await testFilter({ judge: fake.judge }).check(draft);
    expect(r.verdict).toBe('blocked');
    expect(r.text).toBe('');
    expect(r.findings.find((x) => x.ruleId === 'JUDGE-UNAVAILABLE')?.message).toMatch(/rate limited/);
  });

  it('hold the draft when the judge times out', async () => {
    const fake = createFakeJudge(never);
    const r = await testFilter({ judge: fake.judge, judgeTimeoutMs: 20 }).check(draft);
    expect(r.verdict).toBe('blocked');
    expect(r.findings.find((x) => x.ruleId === 'JUDGE-UNAVAILABLE')?.message).toMatch(/no answer within 20 ms/);
  });

  it('hold the draft when the answer does not fit the verdict schema', async () => {
    const fake = createFakeJudge(() => ({ verdict: 'looks fine to me' }));
    const r = await testFilter({ judge: fake.judge }).check(draft);
    expect(r.verdict).toBe('blocked');
  });

  it('are never sent to the judge when the rules are sure', async () => {
    const fake = createFakeJudge(() => ({ violative: false, rationale: 'x' }));
    await testFilter({ judge: fake.judge }).check({ text: 'Lipitor is the best statin. Take it with or without food at any time of day.' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('createChatModelJudge', () => {
  it('parses the JSON verdict out of a chat reply', async () => {
    const model = {
      temperature: 0,
      async invoke() {
        return { content: 'Sure:\n```json\n{"violative": true, "category": "superlative", "rationale": "absolute claim"}\n```' };
      },
    };
    const verdict = await createChatModelJudge(model).judge(
      { claim: 'x', draft: 'x', language: 'en', ruleId: 'R-1', category: 'superlative', reason: 'r' },
      new AbortController().signal,
    );
    expect(verdict).toEqual({ violative: true, category: 'superlative', rationale: 'absolute claim' });
  });

  it('refuses a model that is not at temperature 0', () => {
    expect(() => createChatModelJudge({ temperature: 0.7, invoke: async () => ({ content: '' }) })).toThrow(/temperature 0/);
  });
});
