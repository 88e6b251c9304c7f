/**
 * A small RFC 4180 reader: comma-separated, double quotes around fields that hold commas, quotes
 * ("") or line breaks, CRLF or LF, an optional UTF-8 BOM (Excel writes one). Each record keeps the
 * line number it starts on, so errors can name it.
 */
export type CsvRecord = { line: number; fields: string[] };

export function parseCsv(text: string): { records: CsvRecord[]; error: { line: number; reason: string } | null } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) return { records, error: { line: recordLine, reason: 'a quoted field is not closed' } };
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
  return { records, error: null };
}
