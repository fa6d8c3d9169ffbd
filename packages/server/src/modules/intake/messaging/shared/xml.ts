import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });

/**
 * The child elements of the root <xml> of a WeCom / WeChat message as strings (CDATA unwrapped,
 * nested elements as objects). Null for anything else: not XML, a DOCTYPE (no entity expansion is
 * ever attempted), or a root other than <xml>.
 */
export function parseWxXml(text: string): Record<string, any> | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return null;
  if (XMLValidator.validate(text) !== true) return null;
  const doc = parser.parse(text) as Record<string, unknown>;
  const root = doc?.xml;
  return root && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, any>) : null;
}

/** A field as a trimmed string ('' when absent or not text). */
export const field = (x: Record<string, any>, name: string): string => (typeof x[name] === 'string' || typeof x[name] === 'number' ? String(x[name]).trim() : '');
