import type { ProductCard } from '../knowledge/types.js';
import { foldPlain } from './fold.js';
import { compileMatcher, findAll } from './matcher.js';
import type { ComplianceOverrides } from './overrides.js';

/** A product as the compliance rules see it: its card plus the company's override names. */
export interface ProductProfile {
  slug: string;
  name: string;
  /** Name, slug and aliases (brand, generic, Chinese). */
  names: string[];
  competitors: string[];
  indications: string[];
  safetySummary: ProductCard['safetySummary'];
  medicalInformation: string | null;
  pharmacovigilance: string | null;
}

export function buildProfiles(cards: readonly ProductCard[], overrides: ComplianceOverrides): ProductProfile[] {
  return cards.map((card) => {
    const extra = overrides.products[card.slug] ?? overrides.products[card.name];
    return {
      slug: card.slug,
      name: card.name,
      names: unique([card.name, card.slug, ...card.aliases, ...(extra?.aliases ?? [])]),
      competitors: unique([...card.competitors, ...(extra?.competitors ?? []), ...overrides.competitors]),
      indications: card.indications,
      safetySummary: card.safetySummary,
      medicalInformation: card.medicalInformation,
      pharmacovigilance: card.pharmacovigilance,
    };
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** The product a draft names explicitly (slug, name or alias), or null. */
export function resolveProduct(name: string | undefined, products: readonly ProductProfile[]): ProductProfile | null {
  if (name === undefined) return null;
  const wanted = foldPlain(name);
  return products.find((p) => p.names.some((n) => foldPlain(n) === wanted)) ?? null;
}

/** Finds which products a folded text mentions; built once per filter. */
export function productFinder(products: readonly ProductProfile[]): (folded: string) => ProductProfile[] {
  const matchers = products.map((p) => ({ product: p, re: compileMatcher(p.names, undefined, { competitors: [], products: [] }) }));
  return (folded) => matchers.filter(({ re }) => findAll(re, folded).length > 0).map(({ product }) => product);
}

/** Competitor names across the products, minus any name that is one of our own products. */
export function competitorNames(products: readonly ProductProfile[], extra: readonly string[]): string[] {
  const own = new Set(products.flatMap((p) => p.names.map(foldPlain)));
  return unique([...products.flatMap((p) => p.competitors), ...extra]).filter((n) => !own.has(foldPlain(n)));
}
