// The scrolling list of one chat's bubbles.
import { bubble } from './chat-bubbles.js';

/**
 * Draws the entries of the chat `chatKey()` names. Someone who scrolled up to read keeps their
 * place; otherwise, and after they send something, the newest message stays in view.
 */
export function chatLog(log, { chatKey, isMine, bubbleOptions }) {
  const matching = (entries) => entries.filter((e) => e.chat === chatKey());
  const toBottom = () => (log.scrollTop = log.scrollHeight);
  const atBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 60;
  let follow = true;
  const draw = (entry) => {
    const node = bubble(entry, { mine: isMine(entry), ...bubbleOptions(entry) });
    // A picture grows the bubble when it arrives: stay at the bottom if we were following.
    node.querySelectorAll('img').forEach((img) => img.addEventListener('load', () => follow && toBottom()));
    log.append(node);
  };
  return {
    redraw(all) {
      follow = true;
      log.replaceChildren();
      matching(all).forEach(draw);
      toBottom();
    },
    /** After the pane was hidden (a tab on a phone): nothing could scroll while it was. */
    reveal() {
      if (follow) toBottom();
    },
    add(entries) {
      const fresh = matching(entries);
      if (fresh.length === 0) return 0;
      follow = atBottom() || fresh.some(isMine);
      fresh.forEach(draw);
      if (follow) toBottom();
      return fresh.length;
    },
  };
}
