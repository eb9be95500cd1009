import type { TrainerSummary } from '../../training/training-types.js';
import { escapeMrkdwn, fitPlainText, mentionOf } from './mrkdwn.js';
import type { Block } from './slack-message.js';
import { BLOCK_KIT_LIMITS } from './slack-limits.js';

const fit = (text: string) => fitPlainText(text, BLOCK_KIT_LIMITS.sectionText);
const SHOWN = 8;

/**
 * The trainers' part of App Home: attempts, pass rate, per rep and product, the common mistakes.
 * Counts, names and rubric labels from the results store, in fixed UI words: nothing here states
 * anything about a product, so (like ui-texts.ts) it does not go through the compliance filter.
 */
export function trainerSummaryBlocks(summary: TrainerSummary, period: string): Block[] {
  const blocks: Block[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Training results', emoji: true } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `${period}: ${summary.attempts} attempt(s) — ${summary.roleplays} role-play(s), ${summary.quizzes} quiz result(s); ${summary.passRate}% passed. Export: \`npx repbot results --csv\`.` }],
    },
  ];
  if (summary.attempts === 0) return blocks;
  const reps = summary.byRep.slice(0, SHOWN).map((r) => `• ${mentionOf(r.user)} — ${r.attempts} attempt(s), average ${r.average}${r.fails > 0 ? `, ${r.fails} compliance fail(s)` : ''}`);
  const products = summary.byProduct.map((p) => `• ${escapeMrkdwn(p.product)} — ${p.attempts} attempt(s), average ${p.average}`);
  const mistakes = summary.commonMistakes.map((m) => `• ${escapeMrkdwn(m.mistake)} — ${m.count}×`);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*Per rep*\n${reps.join('\n')}`) } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*Per product*\n${products.join('\n')}`) } });
  if (mistakes.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*Common mistakes*\n${mistakes.join('\n')}`) } });
  const recent = summary.recent.map((r) => `• #${r.id} ${mentionOf(r.user)} ${r.kind} ${escapeMrkdwn(r.product)} — ${r.score} (${r.outcome})`);
  if (recent.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fit(`*Latest*\n${recent.join('\n')}`) } });
  return blocks;
}
