import { describe, expect, it } from 'vitest';
import { FEEDBACK_CSV_COLUMNS, feedbackCsv, feedbackJsonl } from '../../src/feedback/feedback-export.js';
import { click } from './fixtures.js';

const records = [
  click({ id: 'C1:1.1:U1', at: '2026-12-01T10:00:00.000Z', question: 'dose, "max"?\nfor kids', comment: '=HYPERLINK("http://evil")', auditId: 42, approvalCodes: ['MLR-2025-0101', 'MLR-2025-0105'] }),
  click({ id: 'ephemeral:1.2:U2', at: '2026-12-02T10:00:00.000Z', question: '佐维斯的剂量', channel: null, messageTs: null, rating: 'up', product: null }),
];

describe('feedback export', () => {
  it('writes CSV a spreadsheet opens safely: quoted cells, CRLF, formulas defused', () => {
    const csv = feedbackCsv(records);
    expect(csv.split('\r\n')[0]).toBe(FEEDBACK_CSV_COLUMNS.join(','));
    expect(csv).toMatchInlineSnapshot(`
      "id,at,rating,user,channel,message_ts,kind,question,route,product,approval_codes,verdict,comment,audit_id
      C1:1.1:U1,2026-12-01T10:00:00.000Z,down,U0REP0001,C0FIELD01,1710000000.000001,answer,"dose, ""max""?
      for kids",,zorvex,MLR-2025-0101; MLR-2025-0105,pass,"'=HYPERLINK(""http://evil"")",42
      ephemeral:1.2:U2,2026-12-02T10:00:00.000Z,up,U0REP0001,,,answer,佐维斯的剂量,,,MLR-2025-0101,pass,,
      "
    `);
    expect(feedbackCsv([])).toBe(`${FEEDBACK_CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one JSON object per line with every field', () => {
    const lines = feedbackJsonl(records).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual(records[0]);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ id: 'ephemeral:1.2:U2', channel: null, product: null, auditId: null, question: '佐维斯的剂量' });
  });
});
