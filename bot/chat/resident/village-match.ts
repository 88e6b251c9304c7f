import { foldDiacritics } from '../nlu/fold-diacritics.ts';

/** Words that name the kind of place rather than the place: "Thôn Đông" is "đông". */
const placeWords = new Set(['thon', 'xom', 'ap', 'ban', 'to', 'dan', 'pho', 'tdp', 'khu', 'khom', 'lang', 'doi', 'o', 'nha', 'toi', 'minh', 'em', 'a', 'so']);

function words(text: string): string[] {
  return foldDiacritics(text)
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function core(name: string): string[] {
  const w = words(name).filter((x) => !placeWords.has(x));
  return w.length > 0 ? w : words(name);
}

/**
 * Finds the village a resident typed, without diacritics or the "thôn/xóm/tổ dân phố" prefix:
 * "thon dong", "đông", "o tdp 1 a" all match. The longest matching name wins; null when none does.
 */
export function matchVillage<V extends { id: number; name: string }>(typed: string, villages: readonly V[]): V | null {
  const input = words(typed);
  let best: { village: V; length: number } | null = null;
  for (const village of villages) {
    const key = core(village.name);
    const found = input.some((_, i) => key.every((k, j) => input[i + j] === k));
    if (found && (!best || key.length > best.length)) best = { village, length: key.length };
  }
  return best?.village ?? null;
}
