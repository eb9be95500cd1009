import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/services/services.js';
import { MovableClock, trainingServices } from './helpers/training-services.js';

let services: Services;
let dataDir: string;
const clock = new MovableClock();

beforeAll(async () => {
  ({ services, dataDir } = await trainingServices({ clock }));
}, 60_000);

afterAll(async () => {
  await services.close();
});

const GOOD_PRICE = [
  'I understand, cost is an important consideration for you and your patients. Is your concern the cost to the patient, or coverage under the plans your patients use?',
  'Zorvex is available as 10 mg, 20 mg and 40 mg tablets taken once daily, with a recommended starting dosage of 10 mg once daily.',
  'Would it be helpful if I asked our Market Access team to contact your office with the coverage information?',
];

describe('role-plays', () => {
  it('plays a doctor persona raising an objection from the approved handler, over several turns, and ends with a score', async () => {
    const start = await services.training.startRoleplay({ product: 'zorvex', persona: 'cost', language: 'en', user: 'U1', key: 'thread-a' });
    expect(start.ok).toBe(true);
    if (!start.ok) return;
    expect(start.value.persona.id).toBe('cost-focused-gp');
    expect(start.value.category).toBe('price');
    expect(start.value.doctor?.text).toMatch(/expensive|afford/i);
    let step = start.value;
    for (const text of GOOD_PRICE) {
      const next = await services.training.roleplayTurn({ key: 'thread-a', user: 'U1', text });
      expect(next.ok).toBe(true);
      if (!next.ok) return;
      step = next.value;
      expect(step.doctor).toBeTruthy();
    }
    expect(step.done).toBe(true);
    expect(step.result?.scored.outcome).toBe('pass');
    expect(step.result?.scored.score).toBeGreaterThanOrEqual(80);
    expect(step.result?.scored.handler?.file).toBe('zorvex/objection-handler.md');
    // The thread is free again.
    expect(services.training.hasRoleplay('thread-a')).toBe(false);
    expect(services.training.results({ kind: 'roleplay' }).some((a) => a.id === step.result?.attemptId)).toBe(true);
  });

  for (const [what, claim] of [
    ['a superlative', 'Zorvex is the best statin there is, better than anything else.'],
    ['an off-label use', 'You can also use Zorvex to prevent heart attacks in your diabetes patients.'],
  ] as const) {
    it(`a rep turn with ${what} fails the attempt, naming the sentence and why`, async () => {
      const key = `thread-${what}`;
      const start = await services.training.startRoleplay({ product: 'zorvex', persona: 'skeptical', language: 'en', user: 'U2', key });
      expect(start.ok).toBe(true);
      const turn = await services.training.roleplayTurn({ key, user: 'U2', text: `I understand your concern. ${claim}` });
      expect(turn.ok).toBe(true);
      const end = await services.training.endRoleplay({ key, user: 'U2' });
      expect(end.ok).toBe(true);
      if (!end.ok) return;
      const scored = end.value.result?.scored;
      expect(scored?.outcome).toBe('fail');
      expect(scored?.score).toBe(0);
      expect(scored?.violations.some((v) => v.sentence === claim)).toBe(true);
      expect(scored?.lines.find((l) => l.id === 'compliant')?.note).toContain(claim);
      // The checked turn is on the compliance audit record, like any other draft.
      const audited = services.auditLog().query({ kind: 'roleplay', user: 'U2' }).find((r) => r.draft.includes(claim));
      expect(audited?.verdict).toBe('blocked');
    });
  }

  it('two role-plays in different threads never mix', async () => {
    const a = await services.training.startRoleplay({ product: 'zorvex', persona: 'safety', language: 'en', user: 'U3', key: 'mix-a' });
    const b = await services.training.startRoleplay({ product: 'calmira', persona: 'loyal', language: 'zh', user: 'U4', key: 'mix-b' });
    expect(a.ok && b.ok).toBe(true);
    await services.training.roleplayTurn({ key: 'mix-a', user: 'U3', text: 'Muscle symptoms are a real concern. Is your main concern muscle symptoms, liver effects, or drug interactions?' });
    const other = await services.training.roleplayTurn({ key: 'mix-a', user: 'U4', text: '我理解。' });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_PARTICIPANT' } });
    const bTurn = await services.training.roleplayTurn({ key: 'mix-b', user: 'U4', text: '如果患者目前的生物制剂效果良好，这一点很重要。' });
    expect(bTurn.ok).toBe(true);
    if (!bTurn.ok) return;
    expect(bTurn.value).toMatchObject({ product: 'calmira', language: 'zh', turn: 1, persona: { id: 'loyal-to-competitor' } });
    const aEnd = await services.training.endRoleplay({ key: 'mix-a', user: 'U3' });
    expect(aEnd.ok).toBe(true);
    if (!aEnd.ok) return;
    expect(aEnd.value).toMatchObject({ product: 'zorvex', language: 'en', turn: 1 });
    expect(services.training.hasRoleplay('mix-b')).toBe(true);
  });

  it('a restart mid-role-play resumes it (state in SQLite)', async () => {
    const key = 'restart-thread';
    const start = await services.training.startRoleplay({ product: 'zorvex', persona: 'cost', language: 'en', user: 'U5', key });
    expect(start.ok).toBe(true);
    const first = await services.training.roleplayTurn({ key, user: 'U5', text: GOOD_PRICE[0] as string });
    expect(first.ok).toBe(true);
    await services.close();

    // A new process on the same data folder (no re-index).
    ({ services } = await trainingServices({ dataDir, clock, ingest: false }));
    expect(services.training.hasRoleplay(key)).toBe(true);
    const second = await services.training.roleplayTurn({ key, user: 'U5', text: GOOD_PRICE[1] as string });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.turn).toBe(2);
    const third = await services.training.roleplayTurn({ key, user: 'U5', text: GOOD_PRICE[2] as string });
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    expect(third.value.done).toBe(true);
    // All three turns, across the restart, were scored together.
    expect(third.value.result?.scored.lines.every((l) => l.score === 1)).toBe(true);
  });

  it('a session expires after REPBOT_TRAINING_SESSION_HOURS without activity', async () => {
    const key = 'expiring';
    expect((await services.training.startRoleplay({ product: 'zorvex', persona: 'busy', language: 'en', user: 'U6', key })).ok).toBe(true);
    clock.advanceHours(services.config.trainingSessionHours + 1);
    expect(services.training.hasRoleplay(key)).toBe(false);
    const late = await services.training.roleplayTurn({ key, user: 'U6', text: 'Thank you for the minute.' });
    expect(late).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
    expect(services.training.roleplayIn(key)).toEqual({ status: 'expired', user: 'U6' });
    expect(services.training.roleplayIn('never-started')).toBeNull();
  });
});

describe('trainer results', () => {
  it('exports CSV with rubric lines, and a trainer override (with a reason) replaces the score, append-only', async () => {
    const attempts = services.training.results({ kind: 'roleplay' });
    expect(attempts.length).toBeGreaterThan(0);
    const failed = attempts.find((a) => a.outcome === 'fail');
    expect(failed).toBeDefined();
    if (!failed) return;
    expect(services.training.overrideScore({ attemptId: failed.id, trainer: 'T1', score: 50, reason: '' })).toMatchObject({ ok: false, error: { code: 'REASON_NEEDED' } });
    expect(services.training.overrideScore({ attemptId: failed.id, trainer: 'T1', score: 150, reason: 'typo' })).toMatchObject({ ok: false, error: { code: 'INVALID_SCORE' } });
    const done = services.training.overrideScore({ attemptId: failed.id, trainer: 'T1', score: 40, reason: 'Quoted the handler; the filter flagged a template line.' });
    expect(done.ok).toBe(true);
    const after = services.training.results().find((a) => a.id === failed.id);
    expect(after?.override).toMatchObject({ trainer: 'T1', score: 40, previousScore: 0 });
    const csv = services.training.resultsCsv();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toContain('line:compliant');
    expect(header).toContain('override_reason');
    expect(rows.find((r) => r.startsWith(`${failed.id},`))).toContain('Quoted the handler');
    const summary = services.training.summary();
    expect(summary.roleplays).toBe(attempts.length);
    expect(summary.commonMistakes.length).toBeGreaterThan(0);
  });
});
