import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { KB_READERS } from './access';
import { articleRepository } from './article-repository';
import { diffStats, lineDiff, wordDiff, type DiffPart } from './diff-rules';
import { versionRepository, type VersionRow } from './version-repository';

// An article's history (every saved change) and the difference between two of its versions (staff).

const toVersionView = (v: VersionRow, withBody = false) => ({
  version: v.version,
  action: v.action,
  comment: v.comment,
  state: v.state,
  title: v.title,
  categoryId: v.category_id,
  tags: v.tags,
  audience: v.audience,
  organizationId: v.organization_id,
  authorId: v.author_id,
  authorName: v.author_name,
  createdAt: v.created_at.toISOString(),
  ...(withBody ? { bodyHtml: v.body_html, bodyText: v.body_text } : {}),
});


export async function listVersions(deps: Deps, actor: Actor, id: string) {
  requireRole(actor, KB_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await articleRepository.byId(q, id))) throw notFound('Article');
    return { items: (await versionRepository.list(q, id)).map((v) => toVersionView(v)) };
  });
}

export async function getVersion(deps: Deps, actor: Actor, id: string, version: number) {
  requireRole(actor, KB_READERS);
  const [v] = await deps.db.tenant(actor.tenantId, (q) => versionRepository.byVersion(q, id, [version]));
  if (!v) throw notFound('Version', 'version');
  return toVersionView(v, true);
}

/** What changed from one version to another: the title and the text, word by word and line by line. */
export async function diffVersions(deps: Deps, actor: Actor, id: string, from: number, to: number) {
  requireRole(actor, KB_READERS);
  if (from === to) throw invalid('to', 'Choose two different versions', 'invalid');
  const rows = await deps.db.tenant(actor.tenantId, (q) => versionRepository.byVersion(q, id, [from, to]));
  const a = rows.find((v) => v.version === from);
  const b = rows.find((v) => v.version === to);
  if (!a) throw notFound(`Version ${from}`, 'from');
  if (!b) throw notFound(`Version ${to}`, 'to');
  const body: DiffPart[] = wordDiff(a.body_text, b.body_text);
  return {
    from: toVersionView(a),
    to: toVersionView(b),
    title: wordDiff(a.title, b.title),
    body,
    lines: lineDiff(a.body_text, b.body_text),
    stats: diffStats(body),
  };
}
