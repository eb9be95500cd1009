import type { CheckResult, Draft } from '../compliance/types.js';

/**
 * What training needs from the compliance filter: the full check of a draft (verdict, findings,
 * the text that may be posted). `ComplianceFilter` satisfies it as it is.
 */
export interface DraftChecker {
  check(draft: Draft): Promise<CheckResult>;
}

/** May the checked text be shown? (blocked and routed drafts may not.) */
export function postable(result: CheckResult): boolean {
  return (result.verdict === 'pass' || result.verdict === 'fixed') && result.text.trim() !== '';
}
