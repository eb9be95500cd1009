import { describe, expect, it } from 'vitest';
import { loadObjectionTemplates } from '../../src/answering/objection/objection-templates.js';
import { OBJECTION_CATEGORIES } from '../../src/answering/reply.js';
import { testFilter } from './helpers/fixtures.js';

// The acknowledge, clarify and close steps are written by us, not quoted from approved
// material: the shipped rules must leave every one of them as written (a close once came out
// as "The full [patient name removed] has the details").
describe('objection templates through the shipped compliance rules', () => {
  const filter = testFilter();
  const templates = loadObjectionTemplates();
  if (!templates.ok) throw new Error(templates.error);
  const contact = { en: 'Medical Information: medinfo@example.com', zh: '医学信息部：medinfo-cn@example.com' };
  const product = { en: 'Lipitor', zh: '立普妥' };
  const texts = OBJECTION_CATEGORIES.flatMap((category) =>
    (['en', 'zh'] as const).flatMap((lang) => {
      const steps = templates.value.categories[category][lang];
      return (['acknowledge', 'clarify', 'close'] as const).map((step) => ({
        where: `${category}.${lang}.${step}`,
        text: steps[step].replaceAll('{product}', product[lang]).replaceAll('{contact}', contact[lang]),
      }));
    }),
  ).concat((['en', 'zh'] as const).map((lang) => ({ where: `noEvidence.${lang}`, text: templates.value.noEvidence[lang].replaceAll('{contact}', contact[lang]) })));

  it.each(texts)('$where passes unchanged', async ({ text }) => {
    const r = await filter.check({ text });
    // Fair balance may note a benefit word ("治疗效果") as information: the reply carries the safety summary anyway.
    expect({ verdict: r.verdict, text: r.text, notes: r.notes }).toEqual({ verdict: 'pass', text, notes: [] });
  });
});
