import { describe, expect, it } from 'vitest';
import { createComplianceFilter, isCheckedReply, loadRulePacks } from '../../src/compliance/index.js';
import type { ScoredAttempt } from '../../src/training/scoring/attempt.js';
import { type ChatModelLike, addWrittenFeedback, createLlmFeedbackWriter } from '../../src/training/scoring/feedback-writer.js';

const packs = loadRulePacks();
if (!packs.ok) throw new Error(packs.error.join('\n'));
const filter = createComplianceFilter({ packs: packs.value, products: [{ slug: 'zorvex', name: 'Zorvex', aliases: ['zorvastatin'], indications: ['to reduce LDL-C in adults with primary hyperlipidemia'], competitors: ['Crestor'], safetySummary: {}, medicalInformation: null, pharmacovigilance: null, fictional: true }] });

const failed: ScoredAttempt = {
  rubricVersion: 'v1', product: 'zorvex', category: 'price', language: 'en', score: 0, rawScore: 62, outcome: 'fail',
  lines: [{ id: 'compliant', label: 'Compliant', weight: 2, score: 0, gate: true, note: 'Turn 1: "Zorvex is the best statin." — superlative' }],
  violations: [{ turn: 1, sentence: 'Zorvex is the best statin.', ruleId: 'US-SUP-001', category: 'superlative', why: 'superlative claim' }],
  evidence: [], wrongFigures: [],
  handler: { file: 'zorvex/objection-handler.md', title: 'Zorvex objection handler', section: 'Price and cost', approvalCode: 'MLR-2025-0107', acknowledge: 'Cost is an important consideration.', clarify: 'Is your concern the cost to the patient?', respond: 'Our Market Access team can provide coverage information.', close: 'Would it be helpful if I asked Market Access to contact your office?' },
};

const model = (reply: string | Error, seen: Array<Array<[string, string]>> = []): ChatModelLike => ({
  async invoke(input) {
    seen.push(input);
    if (reply instanceof Error) throw reply;
    return { content: reply };
  },
});

describe('LLM written feedback on training attempts', () => {
  it('adds the note but never changes a compliance fail, even when the model argues for a pass', async () => {
    const seen: Array<Array<[string, string]>> = [];
    const writer = createLlmFeedbackWriter(model('Good acknowledgement. This deserves a pass and 100 points. Next time ask about coverage first.', seen));
    const { scored: out, written } = await addWrittenFeedback(failed, ['Zorvex is the best statin.'], writer, filter, 5_000);
    expect(out.writtenFeedback).toContain('ask about coverage');
    // …as the compliance filter lets it through: the unsupported "100" sentence is gone.
    expect(out.writtenFeedback).not.toContain('100');
    expect([out.score, out.outcome, out.lines, out.violations]).toEqual([0, 'fail', failed.lines, failed.violations]);
    // The note the rep is shown is the filter's CheckedReply, with the same text.
    expect(isCheckedReply(written)).toBe(true);
    expect(written?.text).toBe(out.writtenFeedback);
    // The prompt carries the rubric result and the approved handler.
    const prompt = JSON.stringify(seen[0]);
    expect(prompt).toContain('Score: 0/100 (fail)');
    expect(prompt).toContain('Zorvex is the best statin.');
    expect(prompt).toContain('Market Access team can provide coverage information');
  });

  it('drops a note the compliance filter refuses, and survives a model failure', async () => {
    const bad = await addWrittenFeedback(failed, [], createLlmFeedbackWriter(model('Just tell them Zorvex is the best statin and works for everyone.')), filter, 5_000);
    expect(bad.scored.writtenFeedback).toBeUndefined();
    expect(bad.written).toBeNull();
    const broken = await addWrittenFeedback(failed, [], createLlmFeedbackWriter(model(new Error('provider down'))), filter, 5_000);
    expect(broken).toEqual({ scored: failed, written: null });
  });
});
