// The compliance module's public surface. `createChecked` is deliberately absent: only the
// filter mints a CheckedReply (see checked-reply.ts and tests/compliance/checked-reply.test.ts).
export type { CheckedReply } from './checked-reply.js';
export { assertCheckedReply, isCheckedReply } from './checked-reply.js';
export { type ComplianceFilter, type ComplianceFilterOptions, type Seal, createComplianceFilter } from './compliance-filter.js';
export { type GroundingSource, createInMemoryGroundingSource } from './grounding.js';
export { type ComplianceJudge, type JudgeRequest, type JudgeVerdict, judgeVerdictSchema } from './judge.js';
export { type ChatModelLike, createChatModelJudge } from './llm-judge.js';
export { type ComplianceConfig, loadComplianceConfig } from './load.js';
export { type ComplianceOverrides, EMPTY_OVERRIDES, OVERRIDES_FILE, loadOverrides, parseOverrides } from './overrides.js';
export { createPiiRedactor, type PiiRedactor } from './pii-redactor.js';
export { DEFAULT_PACK_DIR, loadRulePacks, parseRulePack } from './rule-packs.js';
export type { Rule, RulePack } from './rule-schema.js';
export * from './types.js';
