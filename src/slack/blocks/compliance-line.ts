import type { CheckResult } from '../../compliance/types.js';
import { categoryLabel, uiTexts } from './ui-texts.js';
import type { ContextBlock } from './slack-message.js';

/**
 * One line saying what the compliance filter changed in a posted answer ("safety information
 * added · a sentence was removed: superlative claim"), or nothing when it changed nothing.
 * Blocked and routed verdicts are not changes: the answer builders show those.
 */
export function complianceLine(result: Readonly<CheckResult>): ContextBlock[] {
  const t = uiTexts(result.language);
  const changes: string[] = [];
  const add = (s: string) => {
    if (!changes.includes(s)) changes.push(s);
  };
  for (const f of result.findings) {
    const what = categoryLabel(f.category, result.language);
    if (f.action === 'append') add(t.safetyAdded);
    else if (f.action === 'remove') add(t.sentenceRemoved(what));
    else if (f.action === 'redact') add(t.redacted(what));
    else if (f.action === 'none' && f.severity === 'warning') add(t.checkBeforeSharing(what));
  }
  if (changes.length === 0) return [];
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `⚖️ ${t.complianceChanged}${changes.join(' · ')}` }] }];
}
