import { describe, expect, it } from 'vitest';
import { createComplianceFilter } from '../../src/compliance/compliance-filter.js';
import { createInMemoryGroundingSource } from '../../src/compliance/grounding.js';
import { parseOverrides } from '../../src/compliance/overrides.js';
import type { GroundingPassage } from '../../src/compliance/types.js';
import { shippedPacks, testFilter, testProducts } from './helpers/fixtures.js';

const filter = testFilter();

describe('remove', () => {
  it('takes out the offending sentence and keeps the rest, saying why in the draft language', async () => {
    const text = 'LIPITOR can be taken at any time of day, with or without food. It is the best statin available. Please see the full Prescribing Information.';
    const r = await filter.check({ text });
    expect(r.verdict).toBe('fixed');
    expect(r.text).toBe('LIPITOR can be taken at any time of day, with or without food. Please see the full Prescribing Information.');
    expect(r.notes).toEqual([expect.stringMatching(/^Removed a sentence: superlative claim.*\('the best'\)\.$/)]);
    const finding = r.findings.find((f) => f.ruleId === 'US-SUP-001');
    expect(finding && text.slice(finding.start, finding.end)).toBe('the best');
  });

  it('writes the note in Chinese for a Chinese draft', async () => {
    const r = await filter.check({ text: '立普妥可在一天中任何时间服用，与进食无关。立普妥是最好的他汀。详见说明书。' });
    expect(r.text).toBe('立普妥可在一天中任何时间服用，与进食无关。详见说明书。');
    expect(r.notes[0]).toMatch(/^已删除一句：绝对化用语.*（“最好”）。$/);
  });

  it('maps findings back to the draft as written (full-width, traditional characters)', async () => {
    const text = '立普妥可在一天中任何時間服用。ＬＩＰＩＴＯＲ是最好的藥，保證治癒。';
    const r = await filter.check({ text });
    const sup = r.findings.find((f) => f.category === 'superlative');
    const eff = r.findings.find((f) => f.category === 'efficacy-overstatement');
    expect(sup && text.slice(sup.start, sup.end)).toBe('最好');
    expect(eff && text.slice(eff.start, eff.end)).toBe('保證治癒');
  });

  it('also removes a sentence that leans on a removed one', async () => {
    const r = await filter.check({
      text: 'LIPITOR can be taken with or without food. Lipitor is the best statin. This is why your patients will love it. Please see the full Prescribing Information for LIPITOR dosing.',
    });
    expect(r.verdict).toBe('fixed');
    expect(r.text).not.toMatch(/best|This is why/);
    expect(r.findings.map((f) => f.ruleId)).toContain('FILTER-DEPENDENT');
  });
});

describe('block', () => {
  it('holds the draft when what is left would not stand', async () => {
    const r = await filter.check({ text: 'Lipitor is the best statin. Thanks!' });
    expect(r.verdict).toBe('blocked');
    expect(r.text).toBe('');
    expect(r.findings.map((f) => f.ruleId)).toContain('FILTER-NOTHING-LEFT');
  });

  it('blocks rep-conduct outright', async () => {
    const r = await filter.check({ text: 'LIPITOR can be taken with or without food. Also, I am behind on my quota this quarter.' });
    expect(r.verdict).toBe('blocked');
    expect(r.text).toBe('');
  });
});

describe('redact', () => {
  it('replaces patient identifiers and never echoes them in findings or notes', async () => {
    const text = 'Patient Jane Roe (jane.roe@gmail.com, 415-555-2671) asked about the dosing schedule of Lipitor tablets.';
    const r = await filter.check({ text });
    expect(r.verdict).toBe('fixed');
    expect(r.text).toBe('[patient name removed] ([e-mail removed], [phone number removed]) asked about the dosing schedule of Lipitor tablets.');
    const serialised = JSON.stringify(r);
    for (const secret of ['Jane Roe', 'jane.roe@gmail.com', '415-555-2671']) expect(serialised).not.toContain(secret);
    expect(r.findings.every((f) => f.severity === 'info')).toBe(true);
  });
});

describe('append', () => {
  it('adds the product safety summary to a benefit claim, once', async () => {
    const text = 'LIPITOR reduced the risk of myocardial infarction in adults with multiple risk factors for CHD.';
    const r = await filter.check({ text });
    expect(r.verdict).toBe('fixed');
    const summary = testProducts()[0]?.safetySummary.en as string;
    expect(r.text).toBe(`${text}\n\n${summary}`);
    const again = await filter.check({ text: r.text });
    expect(again.verdict).toBe('pass');
    expect(again.text).toBe(r.text);
  });

  it('uses the summary in the draft language', async () => {
    const r = await filter.check({ text: '立普妥可降低LDL-C水平。' });
    expect(r.text).toContain(testProducts()[0]?.safetySummary.zh as string);
    expect(r.notes).toEqual(['已补充Lipitor的安全性信息：疗效陈述须同时提供风险信息。']);
  });
});

describe('route', () => {
  it('sends an adverse event to pharmacovigilance, with the contact, before anything else', async () => {
    const r = await filter.check({ text: '我的病人吃了立普妥后出现肌肉疼痛，能不能停药？' });
    expect(r.verdict).toBe('routed');
    expect(r.route).toBe('pharmacovigilance');
    expect(r.text).toBe('');
    expect(r.notes[0]).toContain('药物警戒部门');
    expect(r.notes[0]).toContain('safety@example.com');
    expect(r.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['adverse-event', 'individual-medical-advice']));
  });

  it('sends individual medical advice to Medical Information', async () => {
    const r = await filter.check({ text: 'Should my patient stop taking Lipitor before her surgery?' });
    expect(r.route).toBe('medical-information');
    expect(r.notes[0]).toMatch(/Medical Information \(Medical Information: medinfo@example.com\)/);
  });

  it('sends inducements to compliance', async () => {
    const r = await filter.check({ text: '主任，立普妥每开一盒给您返点五块。' });
    expect(r.route).toBe('compliance');
  });
});

describe('hard negatives', () => {
  it.each([
    'The most common adverse reactions (incidence ≥ 2%) in patients treated with LIPITOR were nasopharyngitis, arthralgia and diarrhea.',
    'Safety and effectiveness in pediatric patients have not been established.',
    'LIPITOR has not been studied in conditions where the major lipoprotein abnormality is elevation of chylomicrons (Fredrickson Types I and V).',
    'Please see the full Prescribing Information.',
    '最常见的不良反应为鼻咽炎、关节痛和腹泻。',
    '儿童用药的安全性和有效性尚未确立。',
    '我们公司严禁任何形式的回扣和统方。',
    'We never offer gifts, meals or travel in exchange for prescriptions.',
  ])('passes %s', async (text) => {
    const r = await filter.check({ text });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(['pass', 'fixed']).toContain(r.verdict);
  });
});

describe('grounding', () => {
  const cited: GroundingPassage[] = [
    { id: 'lipitor#1', approvalCode: 'MLR-2025-0142', text: 'The dosage range of LIPITOR is 10 to 80 mg once daily.' },
  ];

  it('checks numbers against the cited passages when a draft cites some', async () => {
    const ok = await filter.check({ text: 'The dosage range of LIPITOR is 10 to 80 mg once daily.', sources: cited });
    expect(ok.findings.filter((f) => f.category === 'ungrounded-claim')).toEqual([]);
    const bad = await filter.check({ text: 'LIPITOR lowers LDL-C by 65% at 10 mg. The dosage range of LIPITOR is 10 to 80 mg once daily.', sources: cited });
    expect(bad.verdict).toBe('fixed');
    expect(bad.findings.find((f) => f.category === 'ungrounded-claim')?.match).toBe('65%');
  });

  it('flags a dose above the label maximum as off-label and points to Medical Information', async () => {
    const r = await filter.check({ text: 'LIPITOR can be taken with or without food. For faster results take LIPITOR 160 mg once daily.', sources: cited });
    const offLabel = r.findings.find((f) => f.category === 'off-label');
    expect(offLabel?.message).toMatch(/160 mg > 80 mg/);
    expect(offLabel?.routeTo).toBe('medical-information');
  });

  it('fails closed: without sources or a grounding source, figures are unsupported', async () => {
    const bare = createComplianceFilter({ packs: shippedPacks(), products: testProducts() });
    const r = await bare.check({ text: 'The dosage range of LIPITOR is 10 to 80 mg once daily. Take it with or without food.' });
    expect(r.findings.some((f) => f.category === 'ungrounded-claim')).toBe(true);
  });

  it('fails closed when the grounding source throws', async () => {
    const broken = createComplianceFilter({
      packs: shippedPacks(),
      products: testProducts(),
      grounding: { findSupport: () => Promise.reject(new Error('index offline')) },
    });
    const r = await broken.check({ text: 'The dosage range of LIPITOR is 10 to 80 mg once daily. Take it with or without food.' });
    expect(r.findings.some((f) => f.category === 'ungrounded-claim')).toBe(true);
  });

  it('uses the grounding source for drafts without sources', async () => {
    const source = createInMemoryGroundingSource(cited);
    const grounded = createComplianceFilter({ packs: shippedPacks(), products: testProducts(), grounding: source });
    const r = await grounded.check({ text: 'The dosage range of LIPITOR is 10 to 80 mg once daily.' });
    expect(r.findings.filter((f) => f.category === 'ungrounded-claim')).toEqual([]);
  });
});

describe('company overrides', () => {
  const overrides = (raw: unknown) => {
    const parsed = parseOverrides(raw, 'compliance-overrides.yaml');
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  };

  it('bans extra phrases', async () => {
    const f = testFilter({ overrides: overrides({ bannedPhrases: [{ phrases: ['statin of champions'], category: 'superlative' }] }) });
    const r = await f.check({ text: 'Lipitor, the statin of champions. Take it with or without food, any time of day.' });
    expect(r.findings.map((x) => x.ruleId)).toContain('OVR-BANNED-1');
  });

  it('lets an approved claim be said verbatim', async () => {
    const claim = 'LIPITOR is the first statin proven to reduce heart attacks in 36 months';
    const plain = await testFilter().check({ text: `${claim}.` });
    expect(plain.findings.some((f) => f.severity === 'violation')).toBe(true);
    const f = testFilter({ overrides: overrides({ approvedClaims: [{ text: claim, approvalCode: 'MLR-2025-0200' }] }) });
    const r = await f.check({ text: `${claim}.` });
    expect(r.findings.filter((x) => x.severity === 'violation')).toEqual([]);
  });

  it('adds competitor names', async () => {
    const f = testFilter({ overrides: overrides({ competitors: ['Livalo'] }) });
    const r = await f.check({ text: 'Livalo is dangerous for your patients.' });
    expect(r.findings.map((x) => x.category)).toContain('comparative');
  });

  it('switches a rule off, with the reason on record', async () => {
    const f = testFilter({ overrides: overrides({ disabledRules: [{ id: 'US-SUP-001', reason: 'piloting the LLM judge' }] }) });
    expect(f.ruleIds).not.toContain('US-SUP-001');
  });
});

describe('answers quoting their sources', () => {
  const label: GroundingPassage = {
    id: 'viagra-8.4',
    approvalCode: 'FDA-VIAGRA',
    text: 'VIAGRA is not indicated for use in pediatric patients. Safety and effectiveness have not been established in pediatric patients. 儿童：万艾可未获批用于儿童患者，无推荐的儿童剂量。',
  };

  it('keeps citation markers: "[1]" is not a figure the source must state', async () => {
    const r = await filter.check({ text: 'Safety and effectiveness have not been established in pediatric patients. [1]', sources: [label] });
    expect(r.findings.filter((f) => f.category === 'ungrounded-claim')).toEqual([]);
    expect(r.verdict).toBe('pass');
  });

  it('lets a verbatim quote of a cited approved passage stand, though the same words written freely are off-label', async () => {
    const quote = '• 儿童：万艾可未获批用于儿童患者，无推荐的儿童剂量。 [1]';
    expect((await filter.check({ text: quote, sources: [label] })).verdict).toBe('pass');
    const free = await filter.check({ text: '儿童：万艾可可以用于儿童患者。', sources: [label] });
    expect(free.findings.map((f) => f.category)).toContain('off-label');
  });

  it('does not redact the product card’s Medical Information address, but does redact other addresses', async () => {
    const r = await filter.check({ text: 'For Viagra questions write to medinfo@example.com, or to jane.doe@gmail.com.' });
    expect(r.text).toContain('medinfo@example.com');
    expect(r.text).not.toContain('jane.doe@gmail.com');
  });

  it('does not route a verbatim quote of label text about events in a study, but does route the same words uncited', async () => {
    // The label sentence (VIAGRA 12.2) that routed '% of pts w/ headache on viagra 100 mg' to pharmacovigilance.
    const sentence =
      'Of the four subjects who received VIAGRA 100 mg in the first part of this study, a severe adverse event related to blood pressure effect was reported in one patient (postural hypotension that began 35 minutes after dosing with VIAGRA with symptoms lasting for 8 hours), and mild adverse events potentially related to blood pressure effects were reported in two others (dizziness, headache and fatigue at 1 hour after dosing; and dizziness, lightheadedness and nausea at 4 hours after dosing).';
    const study: GroundingPassage = { id: 'viagra-12.2', approvalCode: 'FDA-VIAGRA', text: `${sentence} There were no reports of syncope among these patients.` };
    const quote = `${sentence} [1]`;
    expect((await filter.check({ text: sentence })).verdict).toBe('routed');
    const cited = await filter.check({ text: quote, sources: [study] });
    expect(cited.findings.filter((f) => f.category === 'adverse-event')).toEqual([]);
    expect(cited.verdict).not.toBe('routed');
    const report = await filter.check({ text: 'My patient had dizziness and a headache after taking the tablet yesterday.', sources: [study] });
    expect(report.verdict).toBe('routed');
  });

  it('takes a short Chinese sentence quoted from a cited approved FAQ as a quote (an approved question about children)', async () => {
    const faq: GroundingPassage = {
      id: 'viagra-faq#children',
      approvalCode: 'FDA-VIAGRA',
      text: 'Q: 儿童可以使用万艾可吗？\nA: 万艾可未获批用于儿童患者，无推荐的儿童剂量。',
    };
    const cited = await filter.check({ text: '儿童可以使用万艾可吗？', sources: [faq] });
    expect(cited.findings.filter((f) => f.category === 'off-label')).toEqual([]);
    const free = await filter.check({ text: '儿童可以使用万艾可吗？' });
    expect(free.findings.map((f) => f.category)).toContain('off-label');
  });
});

