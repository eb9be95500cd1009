import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_KINDS, type AuditKind, type AuditLog, type AuditQuery } from '../../audit/audit-log.js';
import type { Verdict } from '../../compliance/types.js';
import { writeFileAtomic } from '../../core/atomic-file.js';
import { RepbotError, describeError } from '../../core/errors.js';
import { auditFile } from '../../services/audit-recorder.js';
import { choiceOption, stringOption } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { dateOption } from '../date-option.js';

const VERDICTS: readonly Verdict[] = ['pass', 'fixed', 'blocked', 'routed'];
const FORMATS = ['csv', 'jsonl'] as const;
type ExportFormat = (typeof FORMATS)[number];
const EXPORT_OPTIONS = ['from', 'to', 'user', 'verdict', 'kind', 'format', 'out'] as const;

/** `audit --verify`. */
export interface AuditVerification {
  action: 'verify';
  file: string;
  records: number;
}

/** `audit` (export). `content` is the CSV or JSONL text when it goes to stdout. */
export interface AuditExport {
  action: 'export';
  file: string;
  format: ExportFormat;
  query: AuditQuery;
  /** How many records were exported. */
  count: number;
  out: string | null;
  content: string | null;
  toJSON(): unknown;
}

export type AuditOutput = AuditVerification | AuditExport;

/**
 * `repbot audit`: the compliance audit log for reviewers. Exports the records of a date range
 * (filtered by user, verdict or kind) as CSV or JSON lines, to a file or stdout; `--verify`
 * recomputes the hash chain and fails if any record was changed or removed.
 */
export const auditCommand: Command<AuditOutput> = {
  name: 'audit',
  summary: 'export the compliance audit log for reviewers (CSV or JSONL), or --verify its hash chain',
  usage: 'repbot audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--user U] [--verdict pass|fixed|blocked|routed] [--format csv|jsonl] [--out FILE] | repbot audit --verify',
  takesText: false,
  async run(ctx) {
    const values = ctx.parsed.values;
    if (ctx.parsed.positionals.length > 0) {
      throw new RepbotError('USAGE', `"audit" takes options, not "${ctx.parsed.positionals.join(' ')}". Usage: ${auditCommand.usage}`);
    }
    if (values.verify === true) {
      const extra = EXPORT_OPTIONS.filter((o) => values[o] !== undefined);
      if (extra.length > 0) throw new RepbotError('USAGE', `--verify checks the whole log and does not take --${extra.join(', --')}.`);
      return verify(ctx);
    }
    return exportRecords(ctx);
  },
  format(output) {
    if (output.action === 'verify') return `Audit log intact: ${output.records} record${output.records === 1 ? '' : 's'}, hash chain verified (${output.file}).`;
    if (output.out) return `Wrote ${output.count} audit record${output.count === 1 ? '' : 's'} (${output.format.toUpperCase()}) to ${output.out}.`;
    return (output.content ?? '').replace(/\r?\n$/, '');
  },
};

function openLog(ctx: CommandContext): { log: AuditLog; file: string } {
  const file = auditFile(ctx.services.config.dataDir);
  if (!fs.existsSync(file)) {
    throw new RepbotError('INPUT_INVALID', `There is no audit log at ${file}: nothing has been answered or checked with this data folder yet.`, {
      hint: 'Pass the --data folder (or REPBOT_DATA_DIR) of the repbot that answered the questions.',
    });
  }
  return { log: ctx.services.auditLog(), file };
}

function verify(ctx: CommandContext): AuditVerification {
  const { log, file } = openLog(ctx);
  const result = log.verify();
  if (!result.ok) {
    throw new RepbotError('AUDIT_TAMPERED', `The audit log ${file} does not verify: ${result.error}.`, {
      hint: 'Keep the file exactly as it is and tell compliance: a record was changed or removed outside repbot.',
    });
  }
  return { action: 'verify', file, records: result.value.records };
}

async function exportRecords(ctx: CommandContext): Promise<AuditExport> {
  const values = ctx.parsed.values;
  const query = queryOf(values);
  const out = stringOption(values.out);
  const format = choiceOption<ExportFormat>(values.format, 'format', FORMATS, out && /\.jsonl?$/i.test(out) ? 'jsonl' : 'csv');
  const { log, file } = openLog(ctx);
  const count = log.count(query);
  if (count === 0) ctx.stderr.write(`No audit records match${describeQuery(query)}.\n`);
  const content = format === 'csv' ? log.exportCsv(query) : log.exportJsonl(query);
  if (out) {
    try {
      await writeFileAtomic(path.resolve(out), content);
    } catch (error) {
      throw new RepbotError('INPUT_INVALID', `--out: cannot write ${out} (${describeError(error)}).`, { cause: error, hint: 'Choose a file in a folder that exists and is writable.' });
    }
  }
  const summary = { action: 'export' as const, file, format, query, count, out: out ?? null };
  return {
    ...summary,
    content: out ? null : content,
    // --json: the summary when the export went to a file, else the records themselves.
    toJSON: () => (out ? summary : { ...summary, records: log.query(query) }),
  };
}

function queryOf(values: Record<string, string | boolean | undefined>): AuditQuery {
  const from = dateOption(values.from, 'from');
  const to = dateOption(values.to, 'to');
  if (from && to && from > to) throw new RepbotError('USAGE', `--from (${from}) is after --to (${to}).`);
  const query: AuditQuery = {};
  if (from) query.from = from;
  if (to) query.to = to;
  if (values.user !== undefined) {
    const user = stringOption(values.user);
    if (!user) throw new RepbotError('USAGE', '--user needs a user id (a Slack member id such as U0123ABCD, or a login name).');
    query.user = user;
  }
  if (values.verdict !== undefined) {
    const list = String(values.verdict).split(',').map((v) => v.trim()).filter(Boolean);
    const bad = list.filter((v) => !(VERDICTS as readonly string[]).includes(v));
    if (list.length === 0 || bad.length > 0) {
      throw new RepbotError('USAGE', `--verdict must be ${VERDICTS.join(', ')} (or several, comma-separated), got "${String(values.verdict)}".`);
    }
    query.verdict = list as Verdict[];
  }
  const kind = choiceOption<AuditKind>(values.kind, 'kind', AUDIT_KINDS);
  if (kind) query.kind = kind;
  return query;
}

function describeQuery(q: AuditQuery): string {
  const parts = [q.from ? `from ${q.from}` : '', q.to ? `to ${q.to}` : '', q.user ? `user ${q.user}` : '', q.verdict ? `verdict ${[q.verdict].flat().join('/')}` : '', q.kind ? `kind ${q.kind}` : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
