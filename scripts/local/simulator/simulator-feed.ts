import type { DeliveredMessage } from '../zalo-stand-in/fake-zalo-state.ts';
import { viewOfWireMessage } from './wire-message.ts';
import type { MessageView } from './wire-message.ts';

/** One bubble in one chat: `user:<resident id>` (1:1 with the OA) or `group:<group id>`. */
export type FeedEntry = {
  /** Position in the feed; the page asks for what came after the last one it has. */
  seq: number;
  chat: string;
  from: 'oa' | 'person';
  author: string;
  at: Date;
  view: MessageView;
  /** A picture the person sent, at its address on the simulator. */
  imageUrl: string | null;
  /** The person tapped a button: shown as a small note, as Zalo hides the payload. */
  tap: boolean;
  /** Set when the bot's webhook refused or missed what the person sent. */
  error: string | null;
};

/** What the page receives: button payloads stay here, a tap names a button by its position. */
export type FeedEntryJson = ReturnType<typeof toJson>;

export type Feed = ReturnType<typeof createFeed>;

/**
 * The conversations as the page shows them, in order: what people sent through the simulator, kept
 * here, merged with what the bot sent to the Zalo stand-in, read from its record of deliveries.
 */
export function createFeed(delivered: readonly DeliveredMessage[], oaName: string) {
  const entries: FeedEntry[] = [];
  let deliveredSeen = 0;

  /**
   * Appends the stand-in's new deliveries, so they sort before anything sent after this moment.
   * The stand-in only ever appends to `delivered`, so a count of those already read is enough.
   */
  function sync(): void {
    for (const d of delivered.slice(deliveredSeen)) {
      if (d.to.startsWith('user:') || d.to.startsWith('group:')) {
        entries.push({ seq: entries.length + 1, chat: d.to, from: 'oa', author: oaName, at: d.at, view: viewOfWireMessage(d.message), imageUrl: null, tap: false, error: null });
      }
    }
    deliveredSeen = delivered.length;
  }

  return {
    /** Records what a person sends, before it goes to the webhook, so it precedes the answer. */
    addPost(p: { chat: string; author: string; text: string | null; imageUrl?: string; tap?: boolean }): FeedEntry {
      sync();
      const view: MessageView = { text: p.text, buttons: [], attachmentId: null, card: null };
      const entry: FeedEntry = { seq: entries.length + 1, chat: p.chat, from: 'person', author: p.author, at: new Date(), view, imageUrl: p.imageUrl ?? null, tap: p.tap ?? false, error: null };
      entries.push(entry);
      return entry;
    },
    after(seq: number): FeedEntryJson[] {
      sync();
      return entries.slice(Math.max(0, seq)).map(toJson);
    },
    find(seq: number): FeedEntry | null {
      return entries[seq - 1] ?? null;
    },
  };
}

function toJson(e: FeedEntry) {
  const { view } = e;
  return {
    seq: e.seq,
    chat: e.chat,
    from: e.from,
    author: e.author,
    at: e.at.toISOString(),
    text: view.text,
    buttons: view.buttons.map((b) => b.title),
    imageUrl: view.attachmentId ? `/simulator/media/${encodeURIComponent(view.attachmentId)}` : e.imageUrl,
    card: view.card,
    tap: e.tap,
    error: e.error,
  };
}
