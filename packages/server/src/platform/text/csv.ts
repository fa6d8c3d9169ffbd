import type { FieldIssueCode } from '../errors';

// CSV as exported by spreadsheets and helpdesks: the evaluation commands and the ticket import read it.

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too), fields in double
 * quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order mark is dropped.
 * A final line break does not start an empty record; wholly empty lines are skipped.
 * Tab-separated files (question-pair sets are often shipped so) are read too: when the first line
 * holds a tab and no comma, fields are separated by tabs instead.
 */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false; // inside a quoted field
  let touched = false; // the current record has content (or a separator)
  const n = text.length;
  const endRow = () => {
    if (touched) rows.push([...row, field]);
    row = [];
    field = '';
    touched = false;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      touched = true;
    } else if (c === separator) {
      row.push(field);
      field = '';
      touched = true;
    } else if (c === '\r') {
      endRow();
      if (text[i + 1] === '\n') i++;
    } else if (c === '\n') endRow();
    else {
      field += c;
      touched = true;
    }
  }
  if (quoted) throw new CsvError('Unterminated quoted field at the end of the file: a field opened with " is never closed; check that quotes inside fields are doubled ("")', 'broken_quote');
  endRow();
  return rows;
}

/** A file that cannot be read as a whole; `reason` is a stable code of what is wrong with it. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly reason: FieldIssueCode = 'unreadable',
  ) {
    super(message);
  }
}
