import type { SlackMessage } from './slack-message.js';

/** `/repbot help` (and the reply to an unknown sub-command). */
export function buildHelpMessage(unknown?: string): SlackMessage {
  const lines = [
    ...(unknown ? [`I don't know \`${unknown.replace(/[`<>&]/g, '')}\`. Here is what I can do:`, ''] : []),
    '*repbot* answers from approved, unexpired materials only; every answer passes a compliance check and lists its sources.',
    '',
    '• `/repbot ask &lt;question&gt;`: a product question, e.g. `/repbot ask max dose of Zorvex for kids?`',
    '• `/repbot objection &lt;what the HCP said&gt;`: a four-step objection-handling script',
    '• `/repbot status`: what is indexed, what expires soon, what could not be indexed',
    '• `/repbot reindex`: re-read the knowledge folder (medical affairs only)',
    '• `/repbot quiz [product] [n]`: a multiple-choice quiz from the approved material, in this channel (e.g. `/repbot quiz zorvex 5`, `/repbot quiz 佐维斯`)',
    '• `/repbot roleplay [product] [persona]`: practise an objection with a doctor in a thread, scored at the end (personas: skeptical, cost, loyal, safety, busy)',
    '• `/repbot override &lt;attempt&gt; &lt;score&gt; &lt;reason&gt;`: replace a training score, with the reason kept (trainers only)',
    '• `/repbot help`: this list',
    '',
    'You can also mention me in a channel (`@repbot …`) or message me directly; I answer in the thread, and follow-ups in that thread keep the context. 中文提问也可以。',
    'Adverse events go to Pharmacovigilance and off-label questions to Medical Information: I will tell you how.',
  ];
  const text = lines.join('\n');
  return { text: 'repbot help', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
