import type { QuizTopic } from './quiz.js';

const TOPICS: Array<[QuizTopic, RegExp]> = [
  ['interaction', /inhibitor|interaction|concomitant|cyclosporine|gemfibrozil|clarithromycin|itraconazole|methotrexate|vaccin|抑制剂|相互作用|合用|同服|一起使用|一起服用|同时使用|环孢素|吉非罗齐|克拉霉素|伊曲康唑|酮康唑|甲氨蝶呤|疫苗/i],
  ['contraindication', /contraindicat|should not|do not give|禁用|禁忌/i],
  ['storage', /store|storage|refrigerat|room temperature|°c|保存|冷藏|室温/i],
  ['dose', /(?<!over)dos(?:e|age|ing)|mg\b|titrat|loading|once daily|every \d+ weeks|剂量|用量|毫克|每日一次|给药/i],
  ['safety', /adverse|side effect|myopathy|myalgia|infection|discontinu|transaminase|liver|tuberculosis|safety|不良反应|肌痛|感染|停药|转氨酶|安全/i],
  ['efficacy', /ldl|pasi|acr|lowered|reduction|response|achieved|efficacy|降低|达到|疗效/i],
];

/** The topic of an approved sentence or FAQ question, by its words (first match in the order above). */
export function quizTopic(text: string): QuizTopic {
  for (const [topic, re] of TOPICS) if (re.test(text)) return topic;
  return 'other';
}

/** Every topic an approved sentence touches ("do not exceed 10 mg with strong CYP3A4 inhibitors": interaction and dose). */
export function quizTopicsOf(text: string): QuizTopic[] {
  return TOPICS.filter(([, re]) => re.test(text)).map(([topic]) => topic);
}

/** How many different words of `topic` a sentence has ("strong CYP3A4 inhibitors (e.g., clarithromycin, itraconazole)": 3 interaction words). */
export function topicCues(text: string, topic: QuizTopic): number {
  const re = TOPICS.find(([t]) => t === topic)?.[1];
  if (!re) return 0;
  return new Set([...text.matchAll(new RegExp(re.source, 'gi'))].map((m) => m[0].toLowerCase())).size;
}
