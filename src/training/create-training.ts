import path from 'node:path';
import { loadObjectionLexicon } from '../answering/objection/objection-lexicon.js';
import type { AuditEntry } from '../audit/audit-log.js';
import type { Clock } from '../core/clock.js';
import { RepbotError } from '../core/errors.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { DraftChecker } from './draft-checker.js';
import type { TrainingFilter } from './training-filter.js';
import { DEFAULT_PERSONA_DIR, loadPersonas } from './persona.js';
import { createQuizGenerator } from './quiz/quiz-generator.js';
import { type DoctorPlayer, createScriptedDoctor } from './roleplay/doctor.js';
import { DEFAULT_RUBRIC_FILE, loadRubric } from './rubric.js';
import type { FeedbackWriter } from './scoring/feedback-writer.js';
import { createRubricScorer } from './scoring/rubric-scorer.js';
import { TrainingStore } from './store/training-store.js';
import { type TrainingService, createTrainingService } from './training-service.js';

export interface TrainingOptions {
  knowledge(): Promise<KnowledgeBase>;
  checkerFor(kb: KnowledgeBase): DraftChecker;
  /** Mints every text a rep is shown; the app's is audited (services/training-filter.ts). */
  filterFor(kb: KnowledgeBase): TrainingFilter;
  dataDir: string;
  clock: Clock;
  sessionHours: number;
  personaDir?: string;
  rubricFile?: string;
  doctor?: DoctorPlayer;
  /** Where checked rep turns are recorded (the compliance audit log). */
  audit?: (entry: AuditEntry) => void;
  /** LLM mode: written coaching notes (never change a score). */
  feedbackWriter?: FeedbackWriter;
  feedbackTimeoutMs?: number;
}

export interface OwnedTrainingService extends TrainingService {
  /** Closes the store (when it was opened). */
  close(): void;
}

/**
 * The training service with the shipped data (personas, rubric, objection categories) and the
 * SQLite store at `<data>/training.db`, opened on first use (commands that never train never
 * create it). Bad data files stop it at once, naming the file and field.
 */
export function createDefaultTraining(options: TrainingOptions): OwnedTrainingService {
  const personas = loadPersonas(options.personaDir ?? DEFAULT_PERSONA_DIR);
  const rubric = loadRubric(options.rubricFile ?? DEFAULT_RUBRIC_FILE);
  const lexicon = loadObjectionLexicon();
  const problems = [...(personas.ok ? [] : personas.error), ...(rubric.ok ? [] : [rubric.error]), ...(lexicon.ok ? [] : [lexicon.error])];
  if (!personas.ok || !rubric.ok || !lexicon.ok) {
    throw new RepbotError('CONFIG_INVALID', `The training data cannot be loaded:\n  ${problems.join('\n  ')}`, { hint: 'Fix the files named above (data/training/).' });
  }
  let store: TrainingStore | null = null;
  const service = createTrainingService({
    knowledge: options.knowledge,
    checkerFor: options.checkerFor,
    filterFor: options.filterFor,
    store: () => (store ??= TrainingStore.open(path.join(options.dataDir, 'training.db'))),
    clock: options.clock,
    sessionHours: options.sessionHours,
    personas: personas.value,
    lexicon: lexicon.value,
    quizzes: createQuizGenerator(),
    scorer: createRubricScorer(rubric.value),
    doctor: options.doctor ?? createScriptedDoctor(),
    ...(options.audit ? { audit: options.audit } : {}),
    ...(options.feedbackWriter ? { feedbackWriter: options.feedbackWriter, feedbackTimeoutMs: options.feedbackTimeoutMs } : {}),
  });
  return {
    ...service,
    close() {
      store?.close();
      store = null;
    },
  };
}
