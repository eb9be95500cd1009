import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCheckedReply } from '../../src/compliance/index.js';
import { toObjectionReply, toReply } from '../../src/answering/reply-document.js';
import type { memoryRouteAudit } from '../../src/answering/route-audit.js';
import type { Services } from '../../src/services/services.js';
import { SAMPLE_KNOWLEDGE, answerServices } from '../helpers/answer-services.js';

describe('ask and objection on the sample knowledge', () => {
  let services: Services;
  let audit: ReturnType<typeof memoryRouteAudit>;
  beforeAll(async () => {
    ({ services, audit } = await answerServices(SAMPLE_KNOWLEDGE));
  });

  it('answers with verbatim approved sentences, each marked [n], and the Reply contract', async () => {
    const checked = await services.ask('zorvex max dose?');
    expect(isCheckedReply(checked)).toBe(true);
    const reply = toReply(checked);
    expect(Object.keys(reply).sort()).toEqual(['answer', 'citations', 'compliance', 'language', 'question', 'route']);
    expect(reply).toMatchObject({ question: 'zorvex max dose?', language: 'en', route: null });
    expect(reply.answer).toMatch(/^According to the approved (?:prescribing information|FAQ|materials):/);
    expect(reply.answer).toContain('40 mg once daily');
    expect(reply.compliance.verdict).toBe('pass');
    for (const c of reply.citations) {
      expect(Object.keys(c).sort()).toEqual(['approvalCode', 'expiresOn', 'file', 'n', 'page', 'quote', 'section', 'title']);
      expect(reply.answer).toContain(`[${c.n}]`);
      expect(c.approvalCode).toMatch(/^MLR-/);
      // Every quoted sentence is in the approved source file as written.
      const source = sourceText(c.file);
      if (source) for (const sentence of c.quote.split(' … ')) expect(source).toContain(sentence.slice(0, 40));
    }
    // Sentences, not pages: a short answer.
    expect(reply.answer.length).toBeLessThan(800);
  });

  it('answers Chinese questions in Chinese, quoting Chinese or English sources', async () => {
    const zh = toReply(await services.ask('卡米拉怎么保存'));
    expect(zh.language).toBe('zh');
    expect(zh.answer).toMatch(/^根据已批准的/);
    expect(zh.answer).toContain('2°C至8°C');
    // The Chinese summary covers TB screening in Chinese; only English material says how long a pen may stay at room temperature.
    const tb = toReply(await services.ask('卡米拉用药前要查结核吗'));
    expect(tb.answer).toMatch(/^根据已批准的/);
    expect(tb.answer).toContain('结核筛查');
    const english = toReply(await services.ask('卡米拉注射笔室温下能放多久'));
    expect(english.answer).toMatch(/^根据已批准的.*英文原文/);
    expect(english.answer).toMatch(/room temperature up to 25°C \(77°F\)/);
  });

  it('answers a product question from shared guidelines only when they are about its conditions', async () => {
    const calmiraLabs = toReply(await services.ask('what lab tests before starting calmira?'));
    expect(calmiraLabs.answer).toMatch(/TB/);
    expect(calmiraLabs.citations.map((c) => c.file)).not.toContain('_shared/lipid-management-guideline-summary.md');
    const zorvexLabs = toReply(await services.ask('what lab tests before starting zorvex?'));
    expect(zorvexLabs.answer).toContain('liver enzymes');
  });

  it.each([
    ['how to store zorvex', '20°C to 25°C', 'zorvex/'],
    ['zorvex with cyclosporine?', 'Avoid concomitant use', 'zorvex/'],
    ['who should not take calmira?', 'active serious infection', 'calmira/'],
    ['zorvex pediatric dose', '10 mg once daily', 'zorvex/'],
    ['佐维斯儿童剂量', '20毫克', 'zorvex/'],
    ['佐维斯可以和克拉霉素一起吃吗', '10毫克', 'zorvex/faq.yaml'],
  ])('"%s" → "%s" cited from %s', async (question, fact, file) => {
    const reply = toReply(await services.ask(question));
    expect(reply.route).toBeNull();
    expect(reply.answer).toContain(fact);
    const citing = reply.citations.find((c) => c.quote.includes(fact));
    expect(citing?.file).toContain(file);
  });

  it('never cites expired, draft or withdrawn material', async () => {
    const reply = toReply(await services.ask('is there a co-pay savings program for Zorvex?'));
    expect(reply.answer).not.toContain('$10');
    const all = await Promise.all(['calmira dose for adolescents', 'zorvex cardiovascular outcomes'].map(async (q) => toReply(await services.ask(q))));
    for (const r of all) for (const c of r.citations) expect(c.file).not.toMatch(/draft|withdrawn|old-detail-aid|notes-unapproved|congress/);
  });

  it('routes an adverse event to pharmacovigilance with the fields pre-filled, the deadline, and an audit record', async () => {
    const before = audit.entries.length;
    const reply = toReply(await services.ask('my doctor said her patient got a rash on Zorvex, what is the max dose?', { user: 'U1', threadId: 'ae-1' }));
    expect(reply.route).toBe('pharmacovigilance');
    expect(reply.answer).toContain('within 24 hours');
    expect(reply.answer).toContain('• Patient: her patient');
    expect(reply.answer).toContain('• Event: rash');
    expect(reply.answer).not.toContain('40 mg');
    expect(reply.citations).toEqual([]);
    const record = audit.entries[before];
    expect(record).toMatchObject({ user: 'U1', threadId: 'ae-1', route: 'pharmacovigilance', reason: 'adverse-event', product: 'zorvex' });
    expect(record?.fields).toMatchObject({ patient: 'her patient', reporter: 'my doctor', product: 'Zorvex', event: ['rash'] });
  });

  it('routes off-label questions to Medical Information with the contact, quoting only the approved limit', async () => {
    const kids = toReply(await services.ask('卡米拉可以用于儿童吗'));
    expect(kids.route).toBe('medical-information');
    expect(kids.answer).toContain('medinfo-cn@example.com');
    expect(kids.citations.length).toBeGreaterThan(0);
    const migraine = toReply(await services.ask('can I tell doctors Zorvex works for migraine?'));
    expect(migraine.route).toBe('medical-information');
    expect(migraine.answer).not.toMatch(/migraine/i);
    expect(audit.entries.at(-1)).toMatchObject({ route: 'medical-information', reason: 'off-label-use' });
  });

  it('does not route questions about an approved population (Zorvex in children 10–17 with HeFH)', async () => {
    const reply = toReply(await services.ask('zorvex dose for kids with HeFH'));
    expect(reply.route).toBeNull();
    expect(reply.answer).toContain('10 mg once daily');
  });

  it('says plainly when the approved materials do not cover a question, and how to ask Medical Information', async () => {
    const reply = toReply(await services.ask('does calmira cause hair loss?'));
    expect(reply.route).toBe('not-found');
    expect(reply.answer).toContain("The approved materials don't cover this question");
    expect(reply.answer).toContain('medinfo@example.com');
    expect(reply.citations).toEqual([]);
    const zh = toReply(await services.ask('佐维斯在德国卖多少钱'));
    expect(zh.route).toBe('not-found');
    expect(zh.answer).toContain('已批准的资料中没有涵盖这个问题');
  });

  it('uses the previous question of the same thread for a follow-up, and only that thread', async () => {
    await services.ask('zorvex max dose?', { threadId: 'fu-1' });
    const kids = toReply(await services.ask('and for kids?', { threadId: 'fu-1' }));
    expect(kids.answer).toContain('20 mg');
    expect(kids.answer).toMatch(/pediatric/i);
    await services.ask('calmira dose', { threadId: 'fu-2' });
    expect(toReply(await services.ask('and for kids?', { threadId: 'fu-2' })).route).toBe('medical-information');
    await services.ask('佐维斯的最大剂量是多少', { threadId: 'fu-3' });
    expect(toReply(await services.ask('那儿童呢？', { threadId: 'fu-3' })).answer).toMatch(/20毫克|20 mg/);
  });

  it('drafts an objection script whose respond step quotes the approved objection handler', async () => {
    const reply = toObjectionReply(await services.objection("I'm happy with Crestor"));
    expect(reply.category).toBe('competitor');
    expect(reply.route).toBeNull();
    expect(reply.script).not.toBeNull();
    expect(reply.script?.acknowledge).toMatch(/\S/);
    expect(reply.script?.clarify).toMatch(/\?$/);
    expect(reply.script?.respond).toContain('has not been compared with other statins in head-to-head trials');
    expect(reply.script?.respond).toMatch(/\[1\]/);
    expect(reply.citations[0]).toMatchObject({ file: 'zorvex/objection-handler.md', section: 'Competitor loyalty', approvalCode: 'MLR-2025-0107' });
    expect(reply.answer).not.toMatch(/Crestor|better than|worse/i);
  });

  it('drafts Chinese scripts from the Chinese handler', async () => {
    const reply = toObjectionReply(await services.objection('我担心卡米拉的感染风险'));
    expect(reply.category).toBe('safety');
    expect(reply.language).toBe('zh');
    expect(reply.script?.respond).toContain('严重感染发生率为1.2%');
    expect(reply.citations[0]?.file).toBe('calmira/objection-handler-zh.md');
  });

  it('says so when there is no approved evidence, and suggests the MSL / Medical Information', async () => {
    const reply = toObjectionReply(await services.objection('the weather is bad today'));
    expect(reply.category).toBe('other');
    expect(reply.script?.respond).toMatch(/don't have approved material/);
    expect(reply.script?.respond).toMatch(/Medical Information/);
    expect(reply.citations).toEqual([]);
  });

  it("answers an objection of no known category from the label, not from the handler's off-label section", async () => {
    const reply = toObjectionReply(await services.objection("my patients don't like injections with calmira"));
    expect(reply.category).toBe('other');
    expect(reply.script?.respond).toMatch(/self-inject/);
    expect(reply.script?.respond).not.toMatch(/approved uses|not approved for use in pediatric/);
    expect(reply.citations.map((c) => c.file)).not.toContain('calmira/objection-handler.md');
  });

  it('still reports an adverse event told as an objection', async () => {
    const reply = toObjectionReply(await services.objection('my patient got muscle pain on Zorvex so I stopped prescribing it'));
    expect(reply.route).toBe('pharmacovigilance');
    expect(reply.script).toBeNull();
    expect(reply.category).toBe('safety');
  });
});

function sourceText(file: string): string {
  const full = path.join(SAMPLE_KNOWLEDGE, file);
  if (/\.(?:md|txt|yaml)$/.test(file)) return fs.readFileSync(full, 'utf8').replace(/\s+/g, ' ');
  return ''; // PDF/DOCX text is checked through the index in the retrieval tests.
}
