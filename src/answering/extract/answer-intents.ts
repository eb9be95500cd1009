/**
 * What kind of fact a question wants, and how a sentence shows it has one: a dose question
 * wants a number with a unit, a storage question a temperature. Used to prefer sentences that
 * state the fact over sentences that only share the words.
 */
export interface AnswerIntent {
  id: 'dose' | 'max-dose' | 'frequency' | 'percent' | 'storage' | 'age' | 'duration' | 'can-use' | 'contraindication' | 'risk' | 'mechanism' | 'efficacy' | 'symptom' | 'strength' | 'reporting';
  asks: RegExp;
  shows: RegExp;
  /**
   * Keyword tokens (either script) of the concept this intent is about, when a sentence states that
   * concept by showing the fact rather than by naming it: "lowered LDL-C by 39%" states efficacy,
   * "use effective contraception" and "safety and effectiveness … not established" do not.
   */
  concept?: readonly string[];
  /** A sentence that does not show the fact is a worse answer (a dose question, not "dose" alone), not merely a less good one. */
  expected?: boolean;
  /** A sentence saying the fact is not known ("safety and effectiveness … have not been established") is a worse answer still. */
  absentWhen?: RegExp;
  /** A sentence that shows the fact answers the question whatever else the question names in passing ("… a rash …, how would I report it?"). */
  answersAlone?: boolean;
}

export const ANSWER_INTENTS: readonly AnswerIntent[] = [
  {
    id: 'dose',
    expected: true,
    // "if a patient misses a dose" asks what to do, not how many milligrams.
    asks: /\b(?<!\bmiss(?:ed|es|ing)?\s+(?:a\s+|the\s+|one\s+|their\s+|his\s+|her\s+)?)(?:dos(?:e|es|age|ing|ege)|how much|max(?:imum)?|starting|titrat\w*|mg)\b|剂量|用量|毫克|最大|起始|吃多少|用多少|打多少|减量|加量/,
    shows: /\d\s*(?:mg|mcg|µg|g|ml|units?)\b|\d\s*(?:毫克|微克|毫升)/,
  },
  {
    id: 'max-dose',
    asks: /\b(?:max(?:imum)?|highest|upper limit|most)\b.{0,20}\bdos|最大|最高|最多|上限/,
    shows: /\bmaximum\b|\bup to\b|\bnot (?:to )?exceed|\bdos(?:e|age) range\b|\d\s*(?:to|-|–)\s*\d+\s*mg|最大|不超过|不得超过|范围/,
  },
  {
    id: 'frequency',
    expected: true,
    asks: /\bhow often\b|\bfrequen\w*|\btimes a day\b|\bper day\b|\bweekly\b|\bevery\b|\bonce\b|几次|多久一次|频率|间隔|每天|每周/,
    shows: /\b(?:once|twice|every|daily|weekly|per day|a day|times|hours? period)\b|每日|每天|每周|每\d+周|一次/,
  },
  {
    id: 'percent',
    expected: true,
    asks: /%|\bpercent\w*|\bhow (?:common|many|often)\b|\brates?\b|\bincidence\b|\bproportion\b|几率|发生率|比例|多少人|百分/,
    shows: /\d\s*%|百分之/,
  },
  {
    id: 'storage',
    expected: true,
    asks: /\bstor\w*|\btemperature\b|\bfridge\b|\brefrigerat\w*|\bfreez\w*|\broom temp\w*|保存|储存|贮藏|存放|温度|冷藏|冷冻/,
    shows: /\d\s*°\s*[cf]|\b(?:refrigerat\w*|room temperature|freez\w*|store\w*)\b|冷藏|冷冻|室温|\d\s*℃/,
  },
  {
    id: 'age',
    asks: /\b(?:ages?|aged|years? old|from what age|how old)\b|几岁|多大|年龄/,
    shows: /\d+\s*(?:years?|yrs?)\b|岁/,
  },
  {
    id: 'duration',
    asks: /\bhow long\b|\bduration\b|多久|多长时间|疗程/,
    shows: /\d+(?:\s*|-)(?:days?|weeks?|months?|hours?)\b|\d+\s*(?:天|周|个月|小时)/,
  },
  {
    id: 'mechanism',
    expected: true,
    asks: /\bmoa\b|\bmechanism\b|\bhow does (?:it|\w+) work\b|作用机制|机制|原理|怎么起作用/,
    shows: /\b(?:binds?|binding|inhibit\w*|block\w*|antagoni\w*|agonist|selective|competitive)\b|抑制|结合|拮抗|阻断/,
  },
  {
    // "viagra contraindications", "who should not take it", "禁忌": a sentence that states the
    // prohibition itself, not one that only sits under the CONTRAINDICATIONS heading. Typos
    // ("contraindicatons", "contra-indication") start with "contra".
    id: 'contraindication',
    asks: /\bcontra\W?indic\w*|\bcontraind\w*|\bwho (?:should|must|can)(?:not| not|n't)\b|禁忌|禁用|不能用|不宜|不适合/,
    shows: /\bcontraindicat\w*|\bdo not (?:use|take|give|administer|start)\b|\bshould not be (?:used|taken|given|administered|started)\b|\bmust not\b|禁用|禁忌|不得使用|不应使用/,
  },
  {
    // "立普妥横纹肌溶解的风险", "risk of lymphoma": answered by how often the event was seen
    // ("Rare cases of rhabdomyolysis … have been reported"), not only by sentences that say "risk".
    id: 'risk',
    asks: /\brisks?\b|\bchances?\b|\blikel(?:y|ihood)\b|风险|危险|几率|概率/,
    shows: /\b(?:cases?|reported|occurred|observed|incidence|rare|rarely|fatal)\b|\d\s*%|病例|报告|发生率|致死/,
  },
  {
    // "is calmira effective?", "疗效如何": answered by a trial result ("lowered LDL-C by 39%",
    // "ACR20 response 58 27"), not by "safety and effectiveness … have not been established".
    id: 'efficacy',
    expected: true,
    concept: ['efficacy', '疗效'],
    absentWhen: /\bnot (?:been )?(?:established|evaluated|studied)\b|尚未(?:确立|建立|评估|研究)/,
    asks: /\b(?:efficacy|efficacious|effective(?:ness)?|how well|results?|response rates?|outcomes?)\b|\bdoes (?:it|\w+) work\b|疗效|效果|有效|管用/,
    // An endpoint's definition ("The primary endpoint was ACR20 response at Week 24") is not its result.
    shows: /^(?!.*(?:\bendpoints?\b|终点))(?:.*\b(?:lowered|reduced|reduction|achieved|achieving|response|responders?|improvement|improved|maintained)\b[^.;]*\d|\d[^.;]*\b(?:lowered|reduced|reduction|achieved|achieving|response|responders?|improvement|improved|maintained)\b|(?:降低|达到|应答|改善|维持)[^。；]*\d|\d[^。；]*(?:降低|达到|应答|改善|维持))/,
  },
  {
    // "symptoms of rhabdomyolysis to watch for": answered by the symptoms the label names
    // ("muscle pain, tenderness or weakness"), not by "muscle symptoms … may resolve".
    id: 'symptom',
    expected: true,
    concept: ['symptom', '症状'],
    asks: /\bsymptoms?\b|\bsigns?\b|\bwatch (?:out )?for\b|症状|表现|征兆/,
    shows: /\b(?:pain|aches?|tenderness|weakness|fever|chills|rash|hives|itching|swelling|nausea|vomiting|fatigue|tiredness|dark(?:-colored)? urine|jaundice|yellowing|bleeding|bruising|cough|shortness of breath|dizziness|headache|sweats?|weight loss)\b|疼痛|痛|无力|压痛|发热|发烧|皮疹|瘙痒|肿胀|恶心|呕吐|乏力|疲劳|尿色|黄疸|出血|咳嗽|呼吸困难|头晕|头痛/,
  },
  {
    // "zorvex tablet strengths", "有哪些规格": answered by the milligrams a tablet or pen holds,
    // not by "keep the tablets in the original bottle" under the same HOW SUPPLIED heading.
    id: 'strength',
    expected: true,
    asks: /\bstrengths?\b|\bwhat (?:doses|mg) (?:does|do) (?:it|\w+) come in\b|规格|含量/,
    shows: /\d\s*(?:mg|mcg|µg|g|ml)\b|\d\s*(?:毫克|微克|毫升)/,
  },
  {
    // "how would I report it?", "不良事件怎么上报": answered by how and where to report ("Report
    // adverse events within 24 hours to safety@…"), not by "rashes were reported in 7%".
    id: 'reporting',
    concept: ['report', '报告', '上报'],
    expected: true,
    answersAlone: true,
    asks: /\bhow (?:do|would|should|can|could|must) (?:i|we|you|reps?) (?:report|notify)\b|\bhow to (?:report|notify)\b|\bwho (?:do|should) (?:i|we) (?:report|tell)\b|\bwhere (?:do|should|can) (?:i|we) report\b|(?:如何|怎么|怎样|向谁|去哪)(?:报告|上报)/,
    shows: /\breport\w*\b[^.;]{0,80}\b(?:within|to)\b|\bcontact\b|@|(?:报告|上报)[^。；]{0,30}(?:内|至|给|部门)|(?:内|至)[^。；]{0,20}(?:报告|上报)/,
  },
  {
    // "can pregnant women use it?", "孕妇能用吗": answered by what the label recommends.
    id: 'can-use',
    asks: /\b(?:can|could|ok(?:ay)?|safe|allowed|is it fine)\b|能用|能吃|可以用|可以吃|能打|可以打|能不能|可不可以|可以.{0,6}吗|能.{0,6}吗|安全吗/,
    shows: /\bcontraindicated\b|\bshould (?:not )?be\b|\bshould not\b|\bnot recommended\b|\bavoid\w*|\bonly if\b|\bcaution\b|\bmay be (?:used|taken|given|administered)\b|\bcan be (?:used|taken|given|administered)\b|\bis not indicated\b|\bdo not\b|禁用|慎用|避免|不推荐|可以|应/,
  },
];

export function askedIntents(foldedQuestion: string): AnswerIntent[] {
  return ANSWER_INTENTS.filter((i) => i.asks.test(foldedQuestion));
}
