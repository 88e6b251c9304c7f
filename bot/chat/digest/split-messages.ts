import { maxTextLength } from '../../domain/outbox/outbound-content.ts';

/**
 * Packs paragraphs into as few messages as fit Zalo's limit, never breaking a line: a paragraph
 * too long for one message is split between its lines (and a single over-long line is cut).
 */
export function splitMessages(paragraphs: string[], max = maxTextLength): string[] {
  const messages: string[] = [];
  let current = '';
  const push = (piece: string, separator: string) => {
    if (current && current.length + separator.length + piece.length <= max) {
      current += separator + piece;
      return;
    }
    if (current) messages.push(current);
    current = piece.slice(0, max);
  };
  for (const paragraph of paragraphs) {
    if (paragraph.length <= max) push(paragraph, '\n\n');
    else for (const [i, line] of paragraph.split('\n').entries()) push(line, i === 0 ? '\n\n' : '\n');
  }
  if (current) messages.push(current);
  return messages;
}
