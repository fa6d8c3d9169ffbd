import { invalidText, textFault } from '../text/storable-text';

/**
 * Multipart bodies are read as streams by their routes, so the text boundary (text-boundary.ts) does not
 * see them: each route passes every part through here as it reads it. A field's name and value, a file's
 * name and its declared type must be text PostgreSQL can store, like everything else a client sends.
 */
export function assertStorablePart(part: { fieldname: string; filename?: string; mimetype?: string; value?: unknown }): void {
  const checks: [string, unknown][] = [
    ['body', part.fieldname],
    [part.fieldname, part.value],
    [`${part.fieldname}.filename`, part.filename],
    [`${part.fieldname}.contentType`, part.mimetype],
  ];
  for (const [field, text] of checks) {
    const fault = typeof text === 'string' ? textFault(text) : null;
    if (fault) throw invalidText(field, fault);
  }
}
