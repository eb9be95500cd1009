import type { ScoredAttempt } from './scoring/attempt.js';
import type { AttemptRecord } from './store/training-store.js';
import type { TrainerSummary } from './training-types.js';

const TOP = 5;
const RECENT = 8;

/** Per rep, per product and the most common mistakes, over the attempts given (overrides applied). */
export function summarize(attempts: readonly AttemptRecord[]): TrainerSummary {
  const score = (a: AttemptRecord) => a.override?.score ?? a.score;
  const average = (list: readonly AttemptRecord[]) => (list.length === 0 ? 0 : Math.round(list.reduce((s, a) => s + score(a), 0) / list.length));
  const group = (key: (a: AttemptRecord) => string) => {
    const map = new Map<string, AttemptRecord[]>();
    for (const a of attempts) map.set(key(a), [...(map.get(key(a)) ?? []), a]);
    return [...map];
  };
  const mistakes = new Map<string, number>();
  for (const a of attempts.filter((x) => x.kind === 'roleplay')) {
    for (const l of a.lines) if (l.score < 1) mistakes.set(l.label, (mistakes.get(l.label) ?? 0) + 1);
    const detail = a.detail as Partial<ScoredAttempt> | null;
    for (const category of new Set((detail?.violations ?? []).map((v) => v.category))) {
      const key = `compliance: ${category}`;
      mistakes.set(key, (mistakes.get(key) ?? 0) + 1);
    }
  }
  const passed = attempts.filter((a) => a.outcome === 'pass' || (a.override !== null && a.override.score >= 70)).length;
  return {
    attempts: attempts.length,
    roleplays: attempts.filter((a) => a.kind === 'roleplay').length,
    quizzes: attempts.filter((a) => a.kind === 'quiz').length,
    passRate: attempts.length === 0 ? 0 : Math.round((100 * passed) / attempts.length),
    byRep: group((a) => a.user)
      .map(([user, list]) => ({ user, attempts: list.length, average: average(list), fails: list.filter((a) => a.outcome === 'fail' && !a.override).length }))
      .sort((a, b) => b.attempts - a.attempts || a.user.localeCompare(b.user)),
    byProduct: group((a) => a.product)
      .map(([product, list]) => ({ product, attempts: list.length, average: average(list) }))
      .sort((a, b) => b.attempts - a.attempts || a.product.localeCompare(b.product)),
    commonMistakes: [...mistakes].map(([mistake, count]) => ({ mistake, count })).sort((a, b) => b.count - a.count || a.mistake.localeCompare(b.mistake)).slice(0, TOP),
    recent: attempts
      .slice(-RECENT)
      .reverse()
      .map((a) => ({ id: a.id, user: a.user, kind: a.kind, product: a.product, score: score(a), outcome: a.outcome, at: a.at })),
  };
}
