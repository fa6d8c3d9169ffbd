// Pure rules of attachments: file names, which media types are accepted, how downloads are served.

/** Never accepted, whatever the configuration says: types a browser would run or render as a page. */
const ALWAYS_REFUSED_TYPES = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'application/javascript',
  'application/ecmascript',
  'text/javascript',
  'text/ecmascript',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-sh',
]);

/** Executables and scripts, refused by extension whatever type they declare. */
const REFUSED_EXTENSIONS = new Set([
  'exe', 'bat', 'cmd', 'js', 'mjs', 'cjs', 'html', 'htm', 'xhtml', 'svg', 'sh', 'ps1', 'msi', 'jar', 'com', 'scr', 'vbs', 'vbe', 'wsf', 'hta', 'dll',
]);

/** Shown in the browser rather than downloaded. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

const TOKEN = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** The media type without parameters, lower case; null when it is not a type/subtype token. */
export function mediaTypeOf(declared: string | undefined): string | null {
  const t = (declared ?? '').split(';')[0].trim().toLowerCase();
  return TOKEN.test(t) ? t : null;
}

/** A file name safe to store and show: no path, no control characters, no trailing dots or spaces, at most 255 characters. */
export function cleanFilename(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[.\s]+$/u, '').trim();
  return [...clean].slice(0, 255).join('');
}

export const extensionOf = (filename: string): string => {
  const i = filename.lastIndexOf('.');
  return i > 0 ? filename.slice(i + 1).toLowerCase() : '';
};

function matches(pattern: string, type: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (!p.includes('*')) return p === type;
  const re = new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(type);
}

/** Null when the file may be stored, else the reason it is refused. */
export function attachmentTypeProblem(filename: string, type: string | null, allowed: string[]): string | null {
  const ext = extensionOf(filename);
  if (REFUSED_EXTENSIONS.has(ext)) return `Files ending in .${ext} are not accepted (executables and scripts)`;
  if (!type) return 'The file has no valid media type';
  if (ALWAYS_REFUSED_TYPES.has(type)) return `Files of type ${type} are not accepted`;
  if (!allowed.some((p) => matches(p, type))) return `Files of type ${type} are not accepted; allowed: ${allowed.join(', ')}`;
  return null;
}

/** RFC 5987 / RFC 6266: an ASCII fallback name and the exact name as filename*=UTF-8''…; inline only for safe previews. */
export function contentDisposition(filename: string, type: string): string {
  const disposition = INLINE_TYPES.has(type) ? 'inline' : 'attachment';
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
