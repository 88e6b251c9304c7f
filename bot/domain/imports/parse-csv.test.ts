import { describe, expect, it } from 'vitest';
import { parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('reads quotes, commas and line breaks inside quotes, CRLF, a BOM and blank lines, with line numbers', () => {
    const text = '\uFEFFcode,name\r\nx1,"Thôn ""Mới"", xã A"\r\n\r\nx2,"hai\ndòng"\nx3,ba';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ['code', 'name'] },
        { line: 2, fields: ['x1', 'Thôn "Mới", xã A'] },
        { line: 4, fields: ['x2', 'hai\ndòng'] },
        { line: 6, fields: ['x3', 'ba'] },
      ],
      error: null,
    });
  });

  it('names the line of a quote that is never closed', () => {
    expect(parseCsv('a,b\nc,"d\ne').error).toEqual({ line: 2, reason: 'a quoted field is not closed' });
  });
});
