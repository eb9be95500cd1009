import type { AuditEntry } from '../audit/audit-log.js';
import type { ComplianceFilter } from '../compliance/compliance-filter.js';
import type { CheckResult } from '../compliance/types.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { TrainingDraft, TrainingFilter } from '../training/training-filter.js';
import type { AuditRecorder } from './audit-recorder.js';

/**
 * The filter the services hand training: every text a rep is shown (a doctor's line, a quiz
 * question or answer, coaching) is written to the audit log before the `CheckedReply` exists,
 * and carries the record's id (`auditId`). If the record cannot be written, `approve` throws
 * `AUDIT_UNAVAILABLE` and nothing is minted (fail closed).
 */
export function auditedTrainingFilter(filterFor: (kb: KnowledgeBase) => ComplianceFilter, audit: AuditRecorder): (kb: KnowledgeBase) => TrainingFilter {
  return (kb) => ({
    approve(draft, body) {
      return filterFor(kb).approve(draft, body, async (result, payload) => ({ ...payload, auditId: await audit.recordDurably(trainingEntry(draft, result)) }));
    },
  });
}

/** The audit record of a training text: kind `quiz` or `roleplay`, which text it is, and its session. */
export function trainingEntry(draft: TrainingDraft, result: Readonly<CheckResult>): AuditEntry {
  const { origin } = draft;
  return {
    user: origin.user ?? 'unknown',
    channel: origin.channel,
    source: 'training',
    kind: origin.activity,
    draft: draft.text,
    sources: draft.sources.map((s) => ({ chunkId: s.id, approvalCode: s.approvalCode })),
    result,
    context: { output: draft.output, session: origin.session, product: draft.product, language: draft.language, ...origin.context },
  };
}
