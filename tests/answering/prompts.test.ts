import { describe, expect, it } from 'vitest';
import { formatPassages } from '../../src/answering/llm/llm-answer-generator.js';
import { loadPrompts, parsePrompt, renderPrompt } from '../../src/answering/prompts.js';
import { fillTemplate } from '../../src/answering/prompt-template.js';

describe('prompts (prompts/*.md)', () => {
  const prompts = loadPrompts();

  it('declare their inputs', () => {
    expect(prompts.answer.inputs).toEqual(['language', 'question', 'passages']);
    expect(prompts.objection.inputs).toEqual(['language', 'category', 'objection', 'product', 'passages']);
  });

  it('render the answer prompt (snapshot)', () => {
    const rendered = renderPrompt(prompts.answer, {
      language: 'English',
      question: 'zorvex max dose?',
      passages: formatPassages([
        { n: 1, title: 'Zorvex approved FAQ (FICTIONAL)', section: 'What is the maximum daily dose of Zorvex?', approvalCode: 'MLR-2025-0105', text: 'The maximum recommended dosage of Zorvex is 40 mg once daily in adults.' },
      ]),
    });
    expect(rendered).toMatchSnapshot();
  });

  it('render the objection prompt (snapshot)', () => {
    const rendered = renderPrompt(prompts.objection, {
      language: 'Simplified Chinese (简体中文)',
      category: 'price',
      objection: '佐维斯太贵了',
      product: 'Zorvex',
      passages: '[1] 佐维斯异议处理指南（虚构示例） — 价格与费用 (MLR-2025-0108)\n我无法详细讨论价格。',
    });
    expect(rendered).toMatchSnapshot();
  });

  it('refuse missing or unknown inputs', () => {
    expect(() => renderPrompt(prompts.answer, { language: 'English', question: 'q' })).toThrow(/missing passages/);
    expect(() => renderPrompt(prompts.answer, { language: 'English', question: 'q', passages: 'p', extra: 'x' })).toThrow(/unknown extra/);
  });

  it('refuse a prompt file whose placeholders and inputs disagree', () => {
    const bad = '---\nname: answer\ndescription: d\ninputs: [question, language]\n---\n## system\nAnswer in {language}.\n## human\n{question} {passages}\n';
    expect(() => parsePrompt(bad, 'prompts/answer.md')).toThrow(/prompts\/answer\.md: placeholder \{passages\} is not declared/);
    const unused = '---\nname: answer\ndescription: d\ninputs: [question, language]\n---\n## system\nS\n## human\n{question}\n';
    expect(() => parsePrompt(unused, 'x.md')).toThrow(/declared input language is never used/);
    expect(() => parsePrompt('no front matter', 'x.md')).toThrow(/missing front matter/);
  });

  it('fill a value once (a value that looks like a placeholder stays as written)', () => {
    expect(fillTemplate('t', 'Q: {question}', ['question'], { question: 'what is {passages}?' })).toBe('Q: what is {passages}?');
  });
});
