/**
 * Signed input we must refuse as bad rather than fail on as an outage: Postgres cannot store a NUL
 * character in text ("invalid byte sequence for encoding UTF8: 0x00"), and deeply nested JSON
 * overflows any recursive walk. An id sent as a JSON number is refused too: Zalo's ids exceed 2^53,
 * so its digits are already lost and the event cannot be attributed to anyone. Checked without
 * recursion, so the check itself cannot overflow.
 */
export const maxJsonDepth = 32;

export type UnstorableReason = 'nul-character' | 'nested-too-deeply' | 'numeric-id';

/** Keys that carry Zalo ids, which are always JSON strings in a real event. */
const idKeys = new Set(['id', 'msg_id', 'app_id', 'oa_id', 'user_id', 'user_id_by_app', 'group_id', 'conversation_id']);

export function describeUnstorable(reason: UnstorableReason): string {
  switch (reason) {
    case 'nul-character':
      return 'NUL character in the event';
    case 'nested-too-deeply':
      return `JSON nested deeper than ${maxJsonDepth} levels`;
    case 'numeric-id':
      return 'an id is a JSON number; Zalo ids must be strings (digits beyond 2^53 are lost)';
  }
}

export function findUnstorable(json: unknown): UnstorableReason | null {
  const stack: { value: unknown; depth: number }[] = [{ value: json, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    const { value, depth } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul-character';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxJsonDepth) return 'nested-too-deeply';
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return 'nul-character';
      if (typeof child === 'number' && idKeys.has(key)) return 'numeric-id';
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
