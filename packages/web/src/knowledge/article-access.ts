import type { KbArticle } from './kb-types';

// What the signed-in user may do with an article, as the server decides it (the server checks again).
interface Me {
  id: string;
  role: string;
}
const manager = (me: Me) => me.role === 'admin' || me.role === 'supervisor';

export function mayEdit(me: Me, a: Pick<KbArticle, 'state' | 'authorId'>): boolean {
  if (a.state === 'retired') return false;
  if (manager(me)) return true;
  return a.state !== 'published' && me.role === 'agent' && a.authorId === me.id;
}

export function mayReview(me: Me, a: Pick<KbArticle, 'reviewerIds'>): boolean {
  return me.role === 'admin' || a.reviewerIds.includes(me.id);
}

export const mayWrite = (me: Me) => me.role === 'admin' || me.role === 'supervisor' || me.role === 'agent';
