/**
 * Signed input we must refuse as bad rather than fail on as an outage: Postgres cannot store a NUL
 * character in text ("invalid byte sequence for encoding UTF8: 0x00"), and deeply nested JSON
 * overflows any recursive walk. Checked without recursion, so the check itself cannot overflow.
 */
export const maxJsonDepth = 32;

export function findUnstorable(json: unknown): 'nul-character' | 'nested-too-deeply' | null {
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
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}
