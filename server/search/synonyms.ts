/**
 * Words that mean the same in Guilde's communities, across English and French: one group per line.
 * Both engines use the same groups (Meilisearch as its synonyms setting, the embedded engine by
 * expanding query words), so that a search finds the same things whichever runs.
 */
const groups: string[][] = [
  ["bike", "bicycle", "cycle", "velo", "vélo", "bicyclette"],
  ["brake", "brakes", "frein", "freins"],
  ["wheel", "roue"],
  ["tyre", "tire", "pneu"],
  ["chain", "chaine", "chaîne"],
  ["gear", "gears", "derailleur", "dérailleur", "vitesse"],
  ["store", "shop", "magasin", "boutique"],
  ["warehouse", "entrepot", "entrepôt"],
  ["customer", "client"],
  ["delivery", "shipping", "livraison"],
  ["refund", "remboursement"],
  ["invoice", "facture"],
  ["word", "term", "mot", "terme"],
  ["meaning", "definition", "sens", "signification"],
  ["pronunciation", "pronounce", "prononciation"],
  ["plural", "pluriel"],
  ["grammar", "grammaire"],
  ["qubit", "qubits"],
];

const fold = (word: string) => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const byWord = new Map<string, string[]>();
for (const group of groups) {
  for (const word of group) {
    const others = group.filter((other) => fold(other) !== fold(word)).map(fold);
    byWord.set(fold(word), [...new Set([...(byWord.get(fold(word)) ?? []), ...others])]);
  }
}

/** The other words of `word`'s group, accents removed. */
export function synonymsOf(word: string): string[] {
  return byWord.get(fold(word)) ?? [];
}

/** The groups as Meilisearch's `synonyms` setting wants them: each word mapped to the others. */
export function synonymsSetting(): Record<string, string[]> {
  return Object.fromEntries([...byWord.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
