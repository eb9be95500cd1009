import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toReply } from '../../src/answering/reply-document.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';
import { copyDir, tempDir } from '../helpers/temp-knowledge.js';

describe('a question comparing a product with a competitor', () => {
  it('is answered only with the approved statement about head-to-head comparison, in the rep\'s language', async () => {
    const { services } = await answerServices(SAMPLE_KNOWLEDGE);
    const cases: Array<[string, string, RegExp]> = [
      ['calmira works better than adalimumab, doesn\'t it?', 'Calmira has not been studied in head-to-head trials against adalimumab', /^calmira\/objection-handler\.md$/],
      ['is calmira more effective than humira?', 'Calmira has not been studied in head-to-head trials against adalimumab', /^calmira\/objection-handler\.md$/],
      ['zorvex is better than atorvastatin, right?', 'Zorvex has not been compared with other statins in head-to-head trials', /^zorvex\/objection-handler\.md$/],
      ['卡米拉比修美乐更好吗？', '卡米拉尚未与阿达木单抗或司库奇尤单抗进行头对头试验', /^calmira\/objection-handler-zh\.md$/],
    ];
    for (const [question, statement, file] of cases) {
      const reply = toReply(await services.ask(question));
      expect(reply.route, question).toBeNull();
      expect(reply.answer, question).toContain(statement);
      // Nothing else: no efficacy or safety sentence that would read as a comparison.
      expect(reply.citations, question).toHaveLength(1);
      expect(reply.citations[0]?.file, question).toMatch(file);
      expect(reply.citations[0]?.approvalCode, question).toMatch(/^MLR-/);
    }
    // An interaction question names a competitor without comparing: not a comparison, and only a
    // sentence that names the competitor could answer it (no label sentence about taking Zorvex does).
    for (const question of ['can calmira be given with adalimumab?', 'can zorvex be taken with atorvastatin?']) {
      const interaction = toReply(await services.ask(question));
      expect(interaction.answer, question).not.toContain('head-to-head');
      expect(interaction.route, question).toBe('not-found');
    }
    await services.close();
  });

  it('without an approved statement, says there is no approved comparison and offers Medical Information', async () => {
    const dir = tempDir('repbot-no-h2h-');
    copyDir(SAMPLE_KNOWLEDGE, dir);
    for (const product of ['zorvex', 'calmira']) {
      for (const f of fs.readdirSync(path.join(dir, product))) if (f.startsWith('objection-handler')) fs.rmSync(path.join(dir, product, f));
    }
    const { services, audit } = await answerServices(dir);
    const en = toReply(await services.ask('is calmira more effective than humira?'));
    expect(en.route).toBe('not-found');
    expect(en.answer).toMatch(/^The approved materials don't support this comparison, so I can't make it/);
    expect(en.answer).toContain('medinfo@example.com');
    expect(en.citations).toEqual([]);
    const zh = toReply(await services.ask('佐维斯比其他他汀更好吗？'));
    expect(zh.route).toBe('not-found');
    expect(zh.answer).toMatch(/^已批准的资料中没有可以回答此问题的声明，因此我无法作答/);
    expect(zh.answer).toContain('medinfo');
    // Recorded as a content gap with its own reason and the competitors named: medical affairs see what reps want compared.
    expect(audit.entries.map((e) => [e.route, e.reason, e.product, e.detail])).toEqual([
      ['not-found', 'no-head-to-head-claim', 'calmira', 'Humira'],
      ['not-found', 'no-head-to-head-claim', 'zorvex', null],
    ]);
    await services.close();
  });
});
