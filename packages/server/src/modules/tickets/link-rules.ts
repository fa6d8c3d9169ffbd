import type { LinkKind } from './ticket-rules';

// How a link reads from either end: A duplicate_of B is, seen from B, "duplicated_by A".
export const LINK_VIEW_KINDS = ['duplicate_of', 'duplicated_by', 'caused_by', 'caused', 'related'] as const;
export type LinkViewKind = (typeof LINK_VIEW_KINDS)[number];

const INVERSE: Record<LinkKind, LinkViewKind> = { duplicate_of: 'duplicated_by', caused_by: 'caused', related: 'related' };

export const inverseKind = (k: LinkKind): LinkViewKind => INVERSE[k];

/** The stored link a view kind names: which end holds it and its kind. */
export function storedLink(k: LinkViewKind): { kind: LinkKind; held: 'this' | 'other' | 'either' } {
  switch (k) {
    case 'duplicated_by':
      return { kind: 'duplicate_of', held: 'other' };
    case 'caused':
      return { kind: 'caused_by', held: 'other' };
    case 'related':
      return { kind: 'related', held: 'either' };
    default:
      return { kind: k, held: 'this' };
  }
}
