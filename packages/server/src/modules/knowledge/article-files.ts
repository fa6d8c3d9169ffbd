import type { Readable } from 'node:stream';
import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import { requireRole, type Actor } from '../identity';
import { KB_READERS, KB_WRITERS } from './access';
import { articleRepository, type ArticleFile } from './article-repository';
import { assertMayEdit, visibleTo } from './article-rules';

// Reading and removing an article's files: staff read any article's files; the portal reads those of a
// published article its reader may see (readPublishedArticleFile).

export async function downloadArticleFile(deps: Deps, actor: Actor, articleId: string, fileId: string): Promise<{ file: ArticleFile; body: Readable }> {
  requireRole(actor, KB_READERS);
  const file = await deps.db.tenant(actor.tenantId, async (q) => (await articleRepository.byId(q, articleId))?.files.find((f) => f.id === fileId));
  if (!file) throw notFound('File');
  return { file, body: await deps.files.get(file.storageKey) };
}

/** A file of a published article the reader may see, or undefined (for the portal, in its transaction). */
export async function readPublishedArticleFile(
  q: Queryable,
  input: { articleId: string; fileId: string; audience: 'public' | 'internal'; organizationId?: string | null },
): Promise<Pick<ArticleFile, 'filename' | 'contentType' | 'size' | 'sha256' | 'storageKey'> | undefined> {
  const a = await articleRepository.byId(q, input.articleId);
  if (!a || a.state !== 'published' || !visibleTo(a, input)) return undefined;
  return a.files.find((f) => f.id === input.fileId);
}

/** The bytes of a stored article file (the key from readPublishedArticleFile). */
export const articleFileBytes = (files: FileStore, storageKey: string) => files.get(storageKey);

export async function removeArticleFile(deps: Deps, actor: Actor, articleId: string, fileId: string): Promise<void> {
  requireRole(actor, KB_WRITERS);
  const removed = await deps.db.tenant(actor.tenantId, async (q) => {
    const a = await articleRepository.byId(q, articleId, { forUpdate: true });
    if (!a) throw notFound('Article');
    assertMayEdit(actor, a);
    const file = a.files.find((f) => f.id === fileId);
    if (!file) throw notFound('File');
    await articleRepository.setFiles(q, articleId, a.files.filter((f) => f.id !== fileId), deps.clock.now());
    return file;
  });
  await deps.files.remove(removed.storageKey).catch(() => undefined);
}
