import type { QuizTopic } from './quiz.js';

const TOPICS: Array<[QuizTopic, RegExp]> = [
  ['interaction', /inhibitor|interaction|concomitant|cyclosporine|gemfibrozil|clarithromycin|itraconazole|methotrexate|vaccin|抑制剂|相互作用|合用|同服|环孢素|吉非罗齐|疫苗/i],
  ['contraindication', /contraindicat|should not|do not give|禁用|禁忌/i],
  ['storage', /store|storage|refrigerat|room temperature|°c|保存|冷藏|室温/i],
  ['dose', /dose|dosage|dosing|mg\b|titrat|loading|once daily|every \d+ weeks|剂量|毫克|每日一次|给药/i],
  ['safety', /adverse|side effect|myopathy|myalgia|infection|discontinu|transaminase|liver|tuberculosis|safety|不良反应|肌痛|感染|停药|转氨酶|安全/i],
  ['efficacy', /ldl|pasi|acr|lowered|reduction|response|achieved|efficacy|降低|达到|疗效/i],
];

/** The topic of an approved sentence or FAQ question, by its words (first match in the order above). */
export function quizTopic(text: string): QuizTopic {
  for (const [topic, re] of TOPICS) if (re.test(text)) return topic;
  return 'other';
}
