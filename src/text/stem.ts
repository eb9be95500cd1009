import { memoized } from '../core/memo.js';

const IRREGULAR: Record<string, string> = {
  children: 'child',
  women: 'woman',
  men: 'man',
  feet: 'foot',
  teeth: 'tooth',
  mice: 'mouse',
  data: 'datum',
  // Going without food, not speed: "fasting glucose" does not answer "how fast does it work?".
  fasting: 'fasting',
  fasted: 'fasting',
  // Working well, not "an effect" (side effects, "the effect of food"): "is it effective?" asks for results.
  effective: 'effectiv',
  effectively: 'effectiv',
  effectiveness: 'effectiv',
};

/**
 * A light, conservative English stemmer for keyword search: inflections (-s, -es, -ies, -ed,
 * -ing, -ly), a few derivations (-ation, -ion after t/s, -ment, -age, -ance/-ence, -ant/-ent,
 * -able, -ate) and British spellings, so that dose/doses/dosing/dosage → "dos",
 * contraindicated/contraindications → "contraindic", interaction/interacts → "interact",
 * paediatric → "pediatric". Idempotent. Lowercase input; anything that is not a plain word
 * is returned as is.
 */
export function stem(word: string): string {
  return word.length <= 2 ? word : stemOnce(word);
}

const stemOnce = memoized((word: string): string => {
  // Iterate to a fixed point, so stem(stem(w)) === stem(w): callers may feed tokens back in.
  let result = computeStem(word);
  for (let i = 0; i < 4; i++) {
    const again = computeStem(result);
    if (again === result) break;
    result = again;
  }
  return result;
}, 200_000);

function computeStem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (!/^[a-z]+$/.test(word)) return word;
  let w = american(word);

  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w) && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);

  let strippedVerb = false;
  if (w.endsWith('ied') && w.length > 4) {
    w = `${w.slice(0, -3)}y`;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3)) && w.length >= 5) {
    w = undouble(w.slice(0, -3));
    strippedVerb = true;
  } else if (w.endsWith('ed') && !w.endsWith('eed') && hasVowel(w.slice(0, -2)) && w.length >= 4) {
    w = undouble(w.slice(0, -2));
    strippedVerb = true;
  }

  if (w.endsWith('ily') && w.length >= 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ly') && w.length >= 6) w = w.slice(0, -2);

  w = derivation(w, strippedVerb);
  if (w.endsWith('ister')) w = `${w.slice(0, -5)}istr`;
  if (w.endsWith('e') && w.length >= 3) w = w.slice(0, -1);
  return w;
}

// Ordered: the first suffix that applies (with enough stem left) is removed.
const DERIVATIONS: Array<[suffix: string, replacement: string, minStem: number]> = [
  ['ization', 'iz', 3],
  ['ation', '', 3],
  ['iness', 'y', 3],
  ['ness', '', 4],
  ['icity', 'ic', 3],
  ['ility', 'le', 3],
  ['ivity', '', 4],
  ['ator', '', 4],
  ['ment', '', 4],
  ['ancy', '', 4],
  ['ency', '', 4],
  ['ance', '', 4],
  ['ence', '', 4],
  ['able', '', 4],
  ['ible', '', 4],
  ['ful', '', 4],
  ['ive', '', 4],
  ['ate', '', 4],
  ['age', '', 3],
  ['ant', '', 4],
  ['ent', '', 4],
];

function derivation(w: string, strippedVerb: boolean): string {
  if (/[ts]ion$/.test(w) && !w.endsWith('ation') && w.length - 3 >= 4) return w.slice(0, -3);
  for (const [suffix, replacement, minStem] of DERIVATIONS) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) return w.slice(0, -suffix.length) + replacement;
  }
  // "contraindicat(ed)", "indicat(ing)": the -ate verb left behind by -ed/-ing.
  if (strippedVerb && w.endsWith('at') && w.length - 2 >= 4) return w.slice(0, -2);
  return w;
}

function american(w: string): string {
  let out = w;
  if (out.includes('ae')) out = out.replace(/ae/g, 'e');
  if (out.includes('oe')) out = out.replace(/^oe|(?<=[cf])oe/g, 'e').replace('hoea', 'hea');
  if (out.length >= 6 && out.endsWith('our')) out = `${out.slice(0, -3)}or`;
  if (out.length >= 5 && out.endsWith('tre')) out = `${out.slice(0, -3)}ter`;
  if (out.length >= 6) out = out.replace(/is(e|ed|es|ing|ation)$/, 'iz$1');
  return out;
}

function hasVowel(s: string): boolean {
  return /[aeiouy]/.test(s);
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[aeioulsz]/.test(w[n - 1] as string)) return w.slice(0, -1);
  return w;
}
