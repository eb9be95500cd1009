import { RepbotError } from '../core/errors.js';
import type { ProductCard } from '../knowledge/types.js';
import { detectLanguage } from '../text/language.js';
import { tokenize } from '../text/tokenize.js';
import type { CompileEnv } from './check-types.js';
import { type Edit, applyEdits } from './edits.js';
import { originalSpan } from './fold.js';
import { EMPTY_OVERRIDES } from './overrides.js';
import { buildProfiles, competitorNames } from './product-profile.js';
import { compileRule } from './rule-compiler.js';
import { loadRulePacks } from './rule-packs.js';
import type { RulePack } from './rule-schema.js';
import { segmentDraft } from './segment.js';

/** Replaces patient identifiers (phone, e-mail, ID and record numbers, names with health facts) with placeholders. */
export type PiiRedactor = (text: string) => string;

/** A redactor from the `pii` rules of the packs: the same rules the filter applies to drafts. */
export function createPiiRedactor(packs: readonly RulePack[], products: readonly ProductCard[] = []): PiiRedactor {
  const profiles = buildProfiles(products, EMPTY_OVERRIDES);
  const names = { competitors: competitorNames(profiles, []), products: profiles.flatMap((p) => p.names) };
  const env: CompileEnv = {
    names,
    nameTokens: new Set([...names.competitors, ...names.products].flatMap((n) => tokenize(n))),
    products: profiles,
    sets: Object.assign({}, ...packs.map((p) => p.sets)) as Record<string, string[]>,
  };
  const rules = packs.flatMap((p) => p.rules.filter((r) => r.kind === 'pii').map((r) => compileRule(r, p.id, env)));
  const redact = (text: string): string => {
    if (text === '') return text;
    const lang = detectLanguage(text);
    const edits: Edit[] = [];
    for (const sentence of segmentDraft(text)) {
      for (const rule of rules) {
        if (!rule.appliesTo(sentence)) continue;
        for (const hit of rule.run(sentence, { product: null, mentioned: [], support: [] })) {
          const span = originalSpan(sentence.folded, hit.start, hit.end);
          edits.push({ ...span, text: hit.replacement?.[lang] ?? '[…]' });
        }
      }
    }
    return applyEdits(text, edits);
  };
  // An audit record repeats its strings (the draft is usually the posted text; cited quotes come
  // back answer after answer): a text found to hold nothing to redact is remembered as clean.
  // Texts with personal data are not kept: they are redacted again each time.
  const clean = new Set<string>();
  return (text) => {
    if (clean.has(text)) return text;
    const out = redact(text);
    if (out === text) {
      if (clean.size >= 5_000) clean.clear();
      clean.add(text);
    }
    return out;
  };
}

let shipped: PiiRedactor | undefined;

/** The redactor over the shipped packs (loaded once). */
export function defaultPiiRedactor(): PiiRedactor {
  if (!shipped) {
    const packs = loadRulePacks();
    if (!packs.ok) {
      throw new RepbotError('CONFIG_INVALID', `The compliance rule packs do not load: ${packs.error.join('; ')}`, {
        hint: 'Fix the rule pack files named above (data/compliance/*.yaml).',
      });
    }
    shipped = createPiiRedactor(packs.value);
  }
  return shipped;
}
