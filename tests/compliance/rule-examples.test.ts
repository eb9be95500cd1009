import { describe, expect, it } from 'vitest';
import { shippedPacks, testFilter } from './helpers/fixtures.js';
import { flags } from './helpers/labelled-set.js';

// Every rule carries its own fixtures (examples.violating / examples.compliant in the pack).
const filter = testFilter();

for (const pack of shippedPacks()) {
  describe(`pack ${pack.id}`, () => {
    for (const rule of pack.rules) {
      it(`${rule.id} fires on its violating examples`, async () => {
        for (const text of rule.examples.violating) {
          const result = await filter.check({ text });
          expect(result.findings.map((f) => f.ruleId), text).toContain(rule.id);
        }
      });

      it(`${rule.id} leaves its compliant examples alone`, async () => {
        for (const text of rule.examples.compliant) {
          const result = await filter.check({ text });
          const problems = result.findings.filter((f) => f.ruleId === rule.id || flags(f));
          expect(problems.map((f) => `${f.ruleId}: ${f.match ?? ''}`), text).toEqual([]);
        }
      });
    }
  });
}
