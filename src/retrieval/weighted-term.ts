/**
 * A query term with its weight (1 for what the user typed, less for glossary expansions).
 * Terms sharing a `group` are alternatives for one concept (a word and its synonyms): keyword
 * search counts a concept once for coverage and dampens repeated synonym hits.
 */
export interface WeightedTerm {
  term: string;
  weight: number;
  group?: string;
}
