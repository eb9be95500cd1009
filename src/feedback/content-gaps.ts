import type { FeedbackRecord, UnansweredQuestion } from './feedback-record.js';
import { questionKey } from './question-key.js';

/** One topic reps asked about that the approved material did not serve well. */
export interface ContentGap {
  /** The latest wording of the question. */
  question: string;
  /** Other wordings grouped with it (newest first, at most 5). */
  alsoAskedAs: string[];
  /** unanswered + sentToMedicalInformation + notHelpful. */
  count: number;
  /** Not covered by the approved material ("not-found"). */
  unanswered: number;
  /** Sent to Medical Information (off-label, individual advice…). */
  sentToMedicalInformation: number;
  /** Answers marked 👎. */
  notHelpful: number;
  firstAsked: string;
  lastAsked: string;
  /** Products the questions were about (slugs), when identified. */
  products: string[];
  /** Approval codes the 👎 answers cited. */
  citedApprovalCodes: string[];
  /** What reps said was wrong, newest first. */
  comments: string[];
  /** Why the questions were routed ("no-approved-source", "off-label-use"…). */
  reasons: string[];
  /** Compliance audit records of the replies, where known. */
  auditIds: number[];
}

export interface ContentGapsReport {
  from: string | null;
  to: string | null;
  totals: { unanswered: number; sentToMedicalInformation: number; notHelpful: number; topics: number };
  /** Most asked first. */
  gaps: ContentGap[];
}

const MAX_WORDINGS = 5;
const MAX_COMMENTS = 20;

/**
 * Groups unanswered questions and 👎 answers by topic (the normalised question, see
 * `questionKey`), counts them and sorts them by count, then by the latest question. 👍 feedback
 * is ignored. A 👎 on a reply already counted as unanswered (the same audit record) adds its
 * comment but is not counted a second time. Pure: the same inputs give the same report.
 */
export function buildContentGaps(input: {
  unanswered: readonly UnansweredQuestion[];
  feedback: readonly FeedbackRecord[];
  from?: string | null;
  to?: string | null;
}): ContentGapsReport {
  const groups = new Map<string, Group>();
  const group = (question: string): Group => {
    const key = questionKey(question);
    let g = groups.get(key);
    if (!g) {
      g = { wordings: [], comments: [], gap: emptyGap() };
      groups.set(key, g);
    }
    return g;
  };
  for (const u of input.unanswered) {
    const g = group(u.question);
    if (u.route === 'medical-information') g.gap.sentToMedicalInformation++;
    else g.gap.unanswered++;
    addAsked(g, u.question, u.at);
    addUnique(g.gap.products, u.product);
    addUnique(g.gap.reasons, u.reason);
    addUnique(g.gap.auditIds, u.auditId);
  }
  const counted = new Set(input.unanswered.map((u) => u.auditId).filter((id): id is number => id !== null));
  for (const f of input.feedback) {
    if (f.rating !== 'down') continue;
    const g = group(f.question);
    if (f.auditId === null || f.auditId === undefined || !counted.has(f.auditId)) {
      g.gap.notHelpful++;
      addAsked(g, f.question, f.at);
    }
    addUnique(g.gap.products, f.product ?? null);
    for (const code of f.approvalCodes) addUnique(g.gap.citedApprovalCodes, code);
    if (f.comment && f.comment.trim() !== '') g.comments.push({ at: f.at, text: f.comment.trim() });
    addUnique(g.gap.auditIds, f.auditId ?? null);
  }

  const gaps = [...groups.values()].map(finish);
  gaps.sort((a, b) => b.count - a.count || (a.lastAsked < b.lastAsked ? 1 : a.lastAsked > b.lastAsked ? -1 : 0) || a.question.localeCompare(b.question));
  return {
    from: input.from ?? null,
    to: input.to ?? null,
    totals: {
      unanswered: gaps.reduce((n, g) => n + g.unanswered, 0),
      sentToMedicalInformation: gaps.reduce((n, g) => n + g.sentToMedicalInformation, 0),
      notHelpful: gaps.reduce((n, g) => n + g.notHelpful, 0),
      topics: gaps.length,
    },
    gaps,
  };
}

interface Dated {
  at: string;
  text: string;
}

interface Group {
  wordings: Dated[];
  comments: Dated[];
  gap: ContentGap;
}

const newestFirst = (a: Dated, b: Dated) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0);

function emptyGap(): ContentGap {
  return {
    question: '',
    alsoAskedAs: [],
    count: 0,
    unanswered: 0,
    sentToMedicalInformation: 0,
    notHelpful: 0,
    firstAsked: '',
    lastAsked: '',
    products: [],
    citedApprovalCodes: [],
    comments: [],
    reasons: [],
    auditIds: [],
  };
}

function addAsked(g: Group, question: string, at: string): void {
  g.wordings.push({ at, text: question.trim() });
  if (g.gap.firstAsked === '' || at < g.gap.firstAsked) g.gap.firstAsked = at;
  if (at > g.gap.lastAsked) g.gap.lastAsked = at;
}

function addUnique<T>(list: T[], value: T | null): void {
  if (value !== null && value !== '' && !list.includes(value)) list.push(value);
}

function finish(g: Group): ContentGap {
  const newest = [...g.wordings].sort(newestFirst);
  const distinct: string[] = [];
  for (const w of newest) if (!distinct.includes(w.text)) distinct.push(w.text);
  const comments = [...g.comments].sort(newestFirst).map((c) => c.text);
  return {
    ...g.gap,
    question: distinct[0] ?? '',
    alsoAskedAs: distinct.slice(1, 1 + MAX_WORDINGS),
    count: g.gap.unanswered + g.gap.sentToMedicalInformation + g.gap.notHelpful,
    products: [...g.gap.products].sort(),
    citedApprovalCodes: [...g.gap.citedApprovalCodes].sort(),
    comments: [...new Set(comments)].slice(0, MAX_COMMENTS),
    auditIds: [...g.gap.auditIds].sort((a, b) => a - b),
  };
}
