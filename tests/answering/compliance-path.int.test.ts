import { beforeAll, describe, expect, it } from 'vitest';
import { isCheckedReply } from '../../src/compliance/index.js';
import { toObjectionReply, toReply } from '../../src/answering/reply-document.js';
import type { Services } from '../../src/services/services.js';
import { complianceFilterFor } from '../../src/services/compliance-wiring.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';

// Every reply goes through the real compliance filter (shipped rule packs): whatever the
// rules change, nothing comes back that the filter did not mint, routes stay routed, and an
// answer that survives keeps a citation.
describe('ask and objection through the real compliance filter', () => {
  let services: Services;
  beforeAll(async () => {
    ({ services } = await answerServices(SAMPLE_KNOWLEDGE, { replyFilter: complianceFilterFor(SAMPLE_KNOWLEDGE) }));
  });

  const questions = [
    'zorvex max dose?',
    '卡米拉怎么保存',
    'my doctor said her patient got a rash on Zorvex',
    'can we use 80 mg Zorvex',
    '卡米拉可以用于儿童吗',
    'should my patient stop Calmira before surgery?',
    'does calmira cause hair loss?',
    'who should not take calmira?',
  ];

  it.each(questions)('"%s": a checked reply, routed or cited', async (question) => {
    const checked = await services.ask(question);
    expect(isCheckedReply(checked)).toBe(true);
    const reply = toReply(checked);
    expect(['pass', 'fixed', 'blocked', 'routed']).toContain(reply.compliance.verdict);
    if (reply.route === null && reply.answer !== '') expect(reply.citations.length).toBeGreaterThan(0);
    if (reply.compliance.verdict === 'blocked' || reply.compliance.verdict === 'routed') expect(reply.answer).toBe('');
  });

  it('keeps the pharmacovigilance route and its reporting instruction', async () => {
    const reply = toReply(await services.ask('患者用了卡米拉后出现严重感染'));
    expect(reply.route).toBe('pharmacovigilance');
  });

  it('checks objection scripts too', async () => {
    const checked = await services.objection("I'm happy with Crestor");
    expect(isCheckedReply(checked)).toBe(true);
    const reply = toObjectionReply(checked);
    expect(reply.category).toBe('competitor');
    if (reply.answer !== '') expect(reply.script).not.toBeNull();
  });
});
