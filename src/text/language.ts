import type { Language } from '../knowledge/types.js';

/** A share of ideographs at or above this (of letters + ideographs) makes a text Chinese. */
const ZH_SHARE = 0.2;

// Grammatical characters: a text that has them is written in Chinese even when a long
// English drug name outweighs its ideographs ("Lipitor 80mg 和 Crestor 比较").
const FUNCTION_CHARS = new Set('的了吗呢吧是和与或在有用能可么怎什多少几请问会要对把被给从就还都也不没该'.split(''));

export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/**
 * 'zh' when ideographs are a meaningful share of the text, or when a short text uses Chinese
 * grammar around English names; 'en' otherwise (including text with no letters at all).
 */
export function detectLanguage(text: string): Language {
  let latin = 0;
  let cjk = 0;
  let functional = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) latin++;
    else if (code >= 0xff21 && code <= 0xff5a) latin++;
    else if (isCjkCode(code)) {
      cjk++;
      if (FUNCTION_CHARS.has(text[i] as string)) functional++;
    } else if (code >= 0xc0 && code <= 0x24f) latin++;
  }
  if (cjk === 0) return 'en';
  if (cjk / (cjk + latin) >= ZH_SHARE) return 'zh';
  return functional >= 1 && cjk >= 2 && latin <= 200 ? 'zh' : 'en';
}
