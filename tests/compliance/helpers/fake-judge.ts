import type { ComplianceJudge, JudgeRequest } from '../../../src/compliance/judge.js';

/** A judge for tests: answers with `decide`, records every request, and can fail or hang on demand. */
export function createFakeJudge(decide: (request: JudgeRequest) => unknown | Promise<unknown>) {
  const calls: JudgeRequest[] = [];
  const judge: ComplianceJudge = {
    async judge(request, signal) {
      calls.push(request);
      if (signal.aborted) throw new Error('aborted');
      return decide(request);
    },
  };
  return { judge, calls };
}

export const never = (): Promise<never> => new Promise(() => {});
