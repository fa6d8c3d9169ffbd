import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { actorOf } from '../../../platform/http/auth';
import { assertStorablePart } from '../../../platform/http/multipart-text';
import { ErrorBody, errorResponses } from '../../../platform/http/schemas';
import { invalidText, textFault } from '../../../platform/text/storable-text';
import { importSkillMatrix } from './import-skill-matrix';
import { ImportQuery, ImportResult } from './profile-schemas';
import { decodeSkillCsv } from './skill-csv-encoding';

const MAX_BYTES = 2 * 1024 * 1024;

/**
 * The file as text: UTF-8, or GBK as Excel in China saves "CSV (逗号分隔)" in the system's code page. A
 * UTF-8 file with a few bytes in another encoding is refused naming their line, not read whole as GBK
 * (skill-csv-encoding.ts): that would import every Chinese word as mojibake.
 */
function decode(bytes: Buffer): string {
  const decoded = decodeSkillCsv(bytes);
  if ('badLine' in decoded) {
    const line = String(decoded.badLine);
    if (decoded.utf8) {
      throw invalid('file', `Line ${line} holds bytes that are not UTF-8 although the rest of the file is UTF-8 (text pasted from a file in another encoding, e.g. GBK); retype that line's text, or save the file again as "CSV UTF-8 (逗号分隔)", and upload it again`, 'not_utf8', line);
    }
    throw invalid('file', `The file is not text in UTF-8 or GBK (line ${line} is unreadable); save it from Excel as CSV and upload it again`, 'not_utf8', line);
  }
  const fault = textFault(decoded.text);
  if (fault) throw invalidText('file', fault);
  return decoded.text;
}

/** POST /api/v1/dispatch/skill-matrix/import: the CSV as multipart field "file", or as the body itself (text/csv). */
export function skillImportRoute(app: FastifyInstance, deps: Deps) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 0, parts: 1 } });
    scope.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post('/api/v1/dispatch/skill-matrix/import', {
      bodyLimit: MAX_BYTES + 64 * 1024,
      schema: {
        tags: ['dispatch'],
        summary:
          'Import the skill matrix from CSV (admins and supervisors; multipart field "file" or a text/csv body, UTF-8 or GBK as Excel saves it, up to 2 MB): columns email,skill,level[,certification,expires] ' +
          'or 邮箱,技能,等级,证书,到期日. Good rows are applied, each bad row is listed with its line in the file (header = line 1), a stable issue code and why; a file without a usable header answers 400. ' +
          '?dryRun=true previews: the same answer, nothing written',
        consumes: ['multipart/form-data', 'text/csv'],
        querystring: ImportQuery,
        body: z.unknown().meta({ type: 'object', properties: { file: { type: 'string', format: 'binary' } } }),
        response: { 200: ImportResult, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
      },
      handler: async (req) => {
        const actor = actorOf(req);
        const opts = { dryRun: (req.query as { dryRun?: string }).dryRun === 'true' };
        if (!req.isMultipart()) return importSkillMatrix(deps, actor, decode(req.body as Buffer), opts);
        const part = await req.file();
        if (!part) throw invalid('file', 'Send the CSV as the multipart form field "file"', 'required');
        assertStorablePart(part);
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw invalid('file', 'The file is larger than 2 MB; split it into several files', 'too_big');
        return importSkillMatrix(deps, actor, decode(bytes), opts);
      },
    });
  });
}
