// CSV as exported by spreadsheets and helpdesks: the evaluation commands and the ticket import read it,
// through csv-parse (RFC 4180), with the dialect below.

import { Readable } from 'node:stream';
import type { FieldIssueCode } from '../errors';
import { parse, CsvError as ParseError, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF (a lone CR too, and the three mixed),
 * fields in double quotes may hold commas, line breaks and doubled quotes (""). A UTF-8 byte order
 * mark is dropped. A final line break does not start an empty record; wholly empty lines are skipped.
 * Rows may have fewer or more cells than the first (the reader decides what that means). A quote
 * inside an unquoted field is taken as it stands (5" 显示器), as spreadsheets read it.
 * Tab-separated files (question-pair sets are often shipped so) are read too: when the first line
 * holds a tab and no comma, fields are separated by tabs instead.
 */
const dialect = (firstLine: string): Pick<Options, 'delimiter' | 'bom' | 'record_delimiter' | 'skip_empty_lines' | 'relax_column_count' | 'relax_quotes'> => ({
  delimiter: firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',',
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
});

const firstLineOf = (text: string) => text.replace(/^\uFEFF/, '').split(/\r|\n/, 1)[0];

/** A small text (an evaluation set read whole) as its records. Throws CsvError for a file that cannot be read. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

/** The same, each record with the line of the file it starts on (1-based, as a spreadsheet numbers them). */
export function parseCsvRecords(text: string): CsvRecord[] {
  const lines = lineCounter();
  const starts: number[] = [];
  try {
    const records = parseSync(text, {
      ...dialect(firstLineOf(text)),
      on_record: (record: string[], context) => {
        starts.push(lines.record(record, context.lines));
        return record;
      },
    }) as string[][];
    return records.map((cells, i) => ({ cells, line: starts[i] }));
  } catch (err) {
    throw csvError(err, lines.last);
  }
}

/** A record of a CSV read as a stream, with the line of the file it starts on (1-based). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

const count = (cells: string[], re: RegExp) => cells.reduce((n, c) => n + (c.match(re)?.length ?? 0), 0);

/**
 * The lines records start and end on. csv-parse counts the line a record ends on, but a CRLF inside
 * a quoted field as two lines: taken back here, record after record.
 */
function lineCounter() {
  let overcount = 0;
  const counter = {
    /** the line the last record read ended on */
    last: 0,
    /** the line this record starts on, given where csv-parse says it ends */
    record(cells: string[], lines: number): number {
      overcount += count(cells, /\r\n/g);
      counter.last = lines - overcount;
      return counter.last - count(cells, /\r\n|\r|\n/g);
    },
  };
  return counter;
}

/**
 * A CSV file read as a stream of text (decoded already), record by record, without holding the file
 * as one string. Throws CsvError for a file that cannot be read as a whole (an unclosed quote).
 */
export async function* readCsv(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const source = text[Symbol.asyncIterator]();
  // the separator is chosen by the first line: read until it ends
  let head = '';
  let ended = false;
  while (!/[\r\n]/.test(head)) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  async function* all() {
    try {
      if (head) yield head;
      if (ended) return;
      for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
    } finally {
      if (!ended) await source.return?.();
    }
  }
  // lines are counted as csv-parse reads, which may be ahead of the records taken
  const lines = lineCounter();
  const options: Options<unknown, string[]> = { ...dialect(firstLineOf(head)), on_record: (cells, context): CsvRecord => ({ cells, line: lines.record(cells, context.lines) }) };
  const parser = parse(options as Options);
  const input = Readable.from(all(), { objectMode: false });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const r of parser as AsyncIterable<CsvRecord>) yield r;
  } catch (err) {
    throw csvError(err, lines.last);
  } finally {
    input.destroy();
  }
}

/**
 * csv-parse's error as the file's, naming where the trouble starts: an unclosed quote (the one error
 * the dialect above can meet) swallows the rest of the file, so it is the record after the last one read.
 */
function csvError(err: unknown, lastLine: number): unknown {
  if (!(err instanceof ParseError)) return err;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED')
    return new CsvError(
      `Unterminated quoted field in the record ${lastLine ? `after line ${lastLine}` : 'at the start of the file'}: a field opened with " is never closed before the end of the file; check that quotes inside fields are doubled ("")`,
      'broken_quote',
      lastLine + 1,
    );
  return new CsvError(`Line ${err.lines}: ${err.message}`, 'unreadable', Number(err.lines) || undefined);
}

/** A file that cannot be read as a whole; `reason` is a stable code of what is wrong with it. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly reason: FieldIssueCode = 'unreadable',
    /** the line the trouble starts on (an unclosed quote: the first line of the record it opens) */
    readonly line?: number,
  ) {
    super(message);
  }
}
