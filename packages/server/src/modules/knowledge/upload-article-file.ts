import type { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { storeUpload } from '../../platform/files/store-upload';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { attachmentTypeProblem, cleanFilename, mediaTypeOf } from '../tickets';
import { KB_WRITERS } from './access';
import { articleRepository, type ArticleFile } from './article-repository';
import { assertMayEdit } from './article-rules';
import { toFileView } from './article-view';

const MAX_FILES = 50;

/**
 * Stores an image or attachment of an article (whoever may edit it; the attachment limits and types of
 * tickets apply). The article's body refers to it by its url; the stored bytes are removed again if the
 * upload fails after they were written.
 */
export async function uploadArticleFile(deps: Deps, actor: Actor, articleId: string, input: { filename: string; contentType: string; body: Readable & { truncated?: boolean } }) {
  requireRole(actor, KB_WRITERS);
  const filename = cleanFilename(input.filename);
  if (!filename) throw invalid('file', 'The file needs a name', 'filename_required');
  const contentType = mediaTypeOf(input.contentType);
  const problem = attachmentTypeProblem(filename, contentType, deps.limits.attachmentTypes);
  if (problem || !contentType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', problem ?? 'The file has no valid media type', { field: 'file' });
  const check = async () =>
    deps.db.tenant(actor.tenantId, async (q) => {
      const a = await articleRepository.byId(q, articleId);
      if (!a) throw notFound('Article');
      assertMayEdit(actor, a);
      if (a.files.length >= MAX_FILES) throw invalid('file', `An article has at most ${MAX_FILES} files; remove one first`, 'too_many_files');
    });
  await check();
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  const key = `${actor.tenantId}/kb/${articleId}/${id}`;
  const max = deps.limits.attachmentMaxBytes;
  return storeUpload(deps.files, key, input.body, max, async (stored) => {
    const file: ArticleFile = { id, filename, contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.key, uploadedBy: actor.id, createdAt: now.toISOString() };
    await deps.db.tenant(actor.tenantId, async (q) => {
      const a = await articleRepository.byId(q, articleId, { forUpdate: true });
      if (!a) throw notFound('Article');
      assertMayEdit(actor, a);
      await articleRepository.setFiles(q, articleId, [...a.files, file], now);
    });
    return toFileView(articleId, file);
  });
}
