/**
 * Lines of a table as a PDF's text gives them, where cells come apart with spaces rather than
 * with "|": a row ends in two figures ("PASI 100 29 <1", "ACR20 response 58 27").
 */
export const TABLE_ROW_END = /(?:^|\s)[<>≤≥]?\d[\d.,]*%?\s+[<>≤≥]?\d[\d.,]*%?$/;

/** "Table 2: Efficacy Results …", "表1 不良反应": a table's caption. */
export const TABLE_CAPTION = /^(?:table|表)\s*\d+/i;

/** A table's or a figure's caption: a line of its own whatever it ends with. */
export const CAPTION = /^(?:table|figure|fig\.)\s+\d|^[表图]\s*\d/i;
