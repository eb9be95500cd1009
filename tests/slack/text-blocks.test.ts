import { describe, expect, it } from 'vitest';
import { complianceLine } from '../../src/slack/blocks/compliance-line.js';
import { escapeMrkdwn } from '../../src/slack/blocks/mrkdwn.js';
import { splitText } from '../../src/slack/blocks/split-text.js';
import { mrkdwnPieces } from '../../src/slack/blocks/text-sections.js';
import type { CheckResult, Finding } from '../../src/compliance/types.js';

const finding = (f: Partial<Finding>): Finding => ({ ruleId: 'R-1', category: 'superlative', severity: 'violation', action: 'remove', message: 'm', ...f });
const result = (findings: Finding[], extra: Partial<CheckResult> = {}): CheckResult => ({ verdict: 'fixed', text: 't', findings, notes: [], route: null, language: 'en', ...extra });

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('  short  ', 10)).toEqual(['short']);
  });

  it('breaks at paragraphs, then lines, then sentences, then spaces', () => {
    expect(splitText('aaaa aaaa.\n\nbbbb bbbb.', 15)).toEqual(['aaaa aaaa.', 'bbbb bbbb.']);
    expect(splitText('aaaa aaaa.\nbbbb bbbb.', 15)).toEqual(['aaaa aaaa.', 'bbbb bbbb.']);
    expect(splitText('Aaaa aaaa. Bbbb bbbb.', 15)).toEqual(['Aaaa aaaa.', 'Bbbb bbbb.']);
    expect(splitText('用法用量。每日一次。口服给药。', 8)).toEqual(['用法用量。', '每日一次。', '口服给药。']);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
  });

  it('cuts a word only when nothing else fits, and never inside a surrogate pair', () => {
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(splitText('ab😀cd', 3).join('')).toBe('ab😀cd');
  });

  it('loses nothing on long real-looking text', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence ${i} about the dosage in adults.`).join(' ');
    const pieces = splitText(text, 3000);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});

describe('mrkdwn', () => {
  it('escapes &, < and > only', () => {
    expect(escapeMrkdwn('a < b & c > d *bold*')).toBe('a &lt; b &amp; c &gt; d *bold*');
  });

  it('fits escaped pieces within the limit even when escaping lengthens them', () => {
    const pieces = mrkdwnPieces('<&>'.repeat(2000), 3000);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join('')).toBe('&lt;&amp;&gt;'.repeat(2000));
  });
});

describe('complianceLine', () => {
  it('is empty when nothing changed', () => {
    expect(complianceLine(result([], { verdict: 'pass' }))).toEqual([]);
  });

  it('summarises the changes once each, in the reply language', () => {
    const findings = [
      finding({ action: 'append', category: 'fair-balance', severity: 'info' }),
      finding({ action: 'remove', category: 'superlative' }),
      finding({ action: 'remove', category: 'superlative' }),
      finding({ action: 'redact', category: 'pii', severity: 'info' }),
      finding({ action: 'none', category: 'comparative', severity: 'warning' }),
      finding({ action: 'none', category: 'ungrounded-claim', severity: 'info' }),
    ];
    expect(complianceLine(result(findings))).toMatchInlineSnapshot(`
      [
        {
          "elements": [
            {
              "text": "⚖️ Compliance check changed this answer: safety information added · a sentence was removed: superlative claim · patient details redacted · check before sharing: comparative claim",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
      ]
    `);
    expect(complianceLine(result(findings, { language: 'zh' }))).toMatchInlineSnapshot(`
      [
        {
          "elements": [
            {
              "text": "⚖️ 合规检查修改了此回答：已补充安全性信息 · 已删除一句：绝对化用语 · 已隐去患者个人信息 · 分享前请核对：比较性声明",
              "type": "mrkdwn",
            },
          ],
          "type": "context",
        },
      ]
    `);
  });
});
