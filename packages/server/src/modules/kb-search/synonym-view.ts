import type { SynonymRow } from './synonym-repository';

export interface SynonymView {
  id: string;
  term: string;
  synonyms: string[];
  createdAt: string;
  updatedAt: string;
}

export const toSynonymView = (r: SynonymRow): SynonymView => ({
  id: r.id,
  term: r.term,
  synonyms: r.synonyms,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});
