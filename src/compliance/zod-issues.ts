import type { z } from 'zod';

/** "rules.3.terms: expected array" — one line per issue, paths as people read them. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], describe?: (path: PropertyKey[]) => string): string {
  return issues
    .slice(0, 8)
    .map((issue) => {
      const path = issue.path as PropertyKey[];
      const where = describe?.(path) ?? (path.length > 0 ? path.map(String).join('.') : '(top level)');
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
