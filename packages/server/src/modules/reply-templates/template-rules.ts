import { AppError, notFound } from '../../platform/errors';
import type { Queryable } from '../../platform/db/database';
import { plainText, sanitizeRichText } from '../../platform/text/sanitize';
import { categoryExists } from '../catalog';

/** The body as stored: rich text reduced to the same safe subset as comments; it must say something. */
export function templateBody(input: string): string {
  const body = sanitizeRichText(input);
  if (!plainText(body).trim())
    throw new AppError('VALIDATION_FAILED', 'The template is empty', { field: 'body', details: [{ field: 'body', code: 'empty', message: 'Write the reply text' }] });
  return body;
}

export async function checkCategory(q: Queryable, categoryId: string | null | undefined): Promise<void> {
  if (categoryId && !(await categoryExists(q, categoryId))) throw notFound('categoryId', 'categoryId');
}

export const nameConflict = (name: string) => new AppError('CONFLICT', `A reply template named ${name} already exists`, { field: 'name' });
