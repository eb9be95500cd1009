/** A dose a text states: "80 mg", "2.5mg/kg", "40毫克". */
export interface DoseMention {
  value: number;
  /** Canonical unit: mg, g, mcg, ml, mg/kg, units. */
  unit: string;
  start: number;
  end: number;
}

const UNITS: Record<string, string> = {
  mg: 'mg',
  milligram: 'mg',
  milligrams: 'mg',
  毫克: 'mg',
  g: 'g',
  gram: 'g',
  grams: 'g',
  克: 'g',
  mcg: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  微克: 'mcg',
  ml: 'ml',
  毫升: 'ml',
  'mg/kg': 'mg/kg',
  '毫克/千克': 'mg/kg',
  '毫克/公斤': 'mg/kg',
  units: 'units',
  unit: 'units',
  iu: 'units',
  单位: 'units',
};

const DOSE = /(\d+(?:\.\d+)?)\s*(mg\/kg|毫克\/(?:千克|公斤)|milligrams?|mg|mcg|µg|μg|grams?|g|ml|units?|iu|毫克|微克|毫升|克|单位)(?![a-z])/g;

/** Every number with a dose unit, in folded (lowercase, NFKC) text. */
export function doseMentions(folded: string): DoseMention[] {
  const out: DoseMention[] = [];
  for (const m of folded.matchAll(DOSE)) {
    const unit = UNITS[m[2] ?? ''];
    if (!unit) continue;
    // "mg/dL" is a lab value, not a dose.
    if (unit === 'mg' && /^\s*\/\s*(?:dl|l)\b/.test(folded.slice(m.index + m[0].length))) continue;
    out.push({ value: Number(m[1]), unit, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
