import type { CompiledPattern } from './compile-patterns.ts';
import type { Token } from './tokenize.ts';

/** A pattern word as a number (its index in the catalogue's vocabulary) and the marks it demands. */
type IndexedWord = { id: number; key: string | null };
export type IndexedEntry<L> = {
  label: L;
  pattern: CompiledPattern;
  /** The pattern's slots, each a list of word sequences, with words as vocabulary ids. */
  slots: readonly (readonly (readonly IndexedWord[])[])[];
  /** For each slot after the first, the ids of its alternatives' first words: one must be in the message. */
  needs: readonly Int32Array[];
};

/**
 * The catalogue's patterns with every word numbered once, at start-up. Matching a message then
 * compares integers, and which words a message contains is one byte per vocabulary word: the
 * catalogue's part of classifying a message is its hottest path, and string sets and comparisons
 * were most of its cost. The catalogue and the guides' step answers are both matched here.
 */
export type CatalogueIndex<L> = {
  entries: readonly IndexedEntry<L>[];
  /** The vocabulary id of a folded word, or -1 when no pattern uses it. */
  wordId: (fold: string) => number;
  vocabularySize: number;
  /** The entries whose first slot can start with the word of this id. */
  startingWith: readonly (readonly number[] | undefined)[];
};

export function indexCatalogue<L>(compiled: readonly { label: L; pattern: CompiledPattern }[]): CatalogueIndex<L> {
  const ids = new Map<string, number>();
  const idOf = (fold: string) => {
    let id = ids.get(fold);
    if (id === undefined) {
      id = ids.size;
      ids.set(fold, id);
    }
    return id;
  };
  const entries = compiled.map(({ label, pattern }) => {
    const slots = pattern.slots.map((slot) => slot.map((alternative) => alternative.map((t) => ({ id: idOf(t.fold), key: t.key }))));
    const needs = slots.slice(1).map((slot) => Int32Array.from(slot, (alternative) => alternative[0]?.id ?? -1));
    return { label, pattern, slots, needs };
  });
  const startingWith: number[][] = [];
  entries.forEach((entry, index) => {
    for (const alternative of entry.slots[0] ?? []) {
      const first = alternative[0]?.id;
      if (first === undefined) continue;
      const list = (startingWith[first] ??= []);
      if (!list.includes(index)) list.push(index);
    }
  });
  return { entries, wordId: (fold) => ids.get(fold) ?? -1, vocabularySize: ids.size, startingWith };
}

/** One clause of a message as the matcher sees it: positions `start` to `end` (exclusive) of `tokens`. */
export type ClauseView = {
  tokens: readonly Token[];
  /** Each token's vocabulary id (-1: no pattern uses it). */
  ids: Int32Array;
  /** 1 where the word is negated ("không phải VNeID mà…"): never matched. */
  negated: Uint8Array;
  end: number;
};

/**
 * Whether the entry matches the clause starting at `start`: each slot within two words of the
 * previous one, never on a negated word ("không phải VNeID mà…").
 */
export function matchesAt<L>(entry: IndexedEntry<L>, clause: ClauseView, start: number): boolean {
  let pos = start;
  const { slots } = entry;
  for (let s = 0; s < slots.length; s++) {
    const slot = slots[s] ?? [];
    const last = s === 0 ? start : Math.min(clause.end - 1, pos + 2);
    let next = -1;
    for (let p = s === 0 ? start : pos; p <= last && next < 0; p++) {
      for (const alternative of slot) {
        if (wordsAt(clause, p, alternative)) {
          next = p + alternative.length;
          break;
        }
      }
    }
    if (next < 0) return false;
    pos = next;
  }
  return true;
}

/** The whole message as one clause with nothing negated: for patterns read on their own (a guide's step answers). */
export function wholeMessage<L>(index: CatalogueIndex<L>, tokens: readonly Token[]): ClauseView {
  return { tokens, ids: Int32Array.from(tokens, (t) => index.wordId(t.fold)), negated: new Uint8Array(tokens.length), end: tokens.length };
}

/** Whether the entry matches at any position of the clause. */
export function matchesAnywhere<L>(entry: IndexedEntry<L>, clause: ClauseView): boolean {
  for (let i = 0; i < clause.end; i++) if (matchesAt(entry, clause, i)) return true;
  return false;
}

function wordsAt(clause: ClauseView, at: number, words: readonly IndexedWord[]): boolean {
  if (at + words.length > clause.end) return false;
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    const token = clause.tokens[at + k];
    if (!word || !token || clause.ids[at + k] !== word.id || clause.negated[at + k] === 1) return false;
    // Same letters; and the same marks when both the pattern and the resident wrote some.
    if (word.key !== null && token.key !== null && token.key !== word.key) return false;
  }
  return true;
}
