import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { encodeAction } from '../../bot/chat/button-actions.ts';
import { signedHeaders, testZalo } from '../local/local-zalo-credentials.ts';
import type { StandIn } from './e2e-processes.ts';

/** Guide questions typed the way many residents type them: no diacritics. */
const guideQuestions = ['cach cai vneid', 'lam sao kich hoat dinh danh dien tu muc 2', 'cach cai vssid', 'huong dan thanh toan khong dung tien mat'];
const greetings = ['xin chao', 'chao ban'];
const nextStep = encodeAction({ kind: 'guide-next' });
/** A resident taps "next" only when their last reply is at least this old (so replies are not mixed up). */
const readingPauseMs = 500;

type Kind = 'guide' | 'greeting' | 'tap';
type Sent = { userId: string; kind: Kind; startedAt: number; repliedAt: number | null; status: number | null };

/** `byWindow[i]`: the latencies of the messages posted in the i-th `windowMs` of the run (a backlog shows as a bump). */
export type TrafficResult = {
  offered: number;
  posted: number;
  non200: number;
  noReply: number;
  latenciesMs: number[];
  byKind: Record<Kind, number[]>;
  byWindow: number[][];
  firstPostAt: number;
  lastReplyAt: number;
};

export const windowMs = 5000;

/**
 * Open-loop traffic: message i is posted at start + i / rate whatever happened to earlier ones, so a
 * slow system is not given a gentler load. Each new resident asks a guide question or greets; a
 * resident who got a guide step a moment ago taps its "next" button (about a third of the traffic).
 * Latency: the webhook POST is started → the stand-in receives that resident's next message.
 */
export async function runOpenLoop(standIn: StandIn, webhookUrl: string, options: { rate: number; seconds: number; graceMs: number }): Promise<TrafficResult> {
  const book = newBook();
  const stopListening = standIn.onDelivery(({ to, at }) => book.delivered(to.slice('user:'.length), at));
  const post = (userId: string, text: string, kind: Kind) => {
    const sent = book.posted(userId, kind);
    void postText(webhookUrl, userId, text).then(
      (status) => (sent.status = status),
      () => (sent.status = 0),
    );
  };
  const total = Math.round(options.rate * options.seconds);
  const firstPostAt = Date.now();
  for (let i = 0; i < total; i++) {
    const wait = firstPostAt + (i * 1000) / options.rate - Date.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const reader = i % 3 === 2 ? takeReader(book) : null;
    if (reader) post(reader, nextStep, 'tap');
    else if (i % 3 === 1) post(newResident(), greetings[i % greetings.length] ?? 'xin chao', 'greeting');
    else {
      const userId = newResident();
      book.readers.push(userId);
      post(userId, guideQuestions[i % guideQuestions.length] ?? 'cach cai vneid', 'guide');
    }
  }
  const until = Date.now() + options.graceMs;
  while (book.pending.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  stopListening();
  return { offered: total, ...book.result(firstPostAt) };
}

type Book = ReturnType<typeof newBook>;

/** What was posted to whom, and when each resident's next message from the OA arrived. */
function newBook() {
  const pending = new Map<string, Sent>();
  const lastDelivery = new Map<string, number>();
  const all: Sent[] = [];
  /** Residents who asked for a guide, in the order they may tap "next". */
  const readers: string[] = [];
  return {
    pending,
    lastDelivery,
    readers,
    posted(userId: string, kind: Kind): Sent {
      const sent: Sent = { userId, kind, startedAt: Date.now(), repliedAt: null, status: null };
      pending.set(userId, sent);
      all.push(sent);
      return sent;
    },
    delivered(userId: string, at: number) {
      lastDelivery.set(userId, at);
      const sent = pending.get(userId);
      if (!sent) return;
      sent.repliedAt = at;
      pending.delete(userId);
    },
    result(firstPostAt: number) {
      const answered = all.filter((s) => s.repliedAt !== null);
      const latency = (s: Sent) => (s.repliedAt ?? 0) - s.startedAt;
      const of = (kind: Kind) => answered.filter((s) => s.kind === kind).map(latency);
      return {
        posted: all.length,
        non200: all.filter((s) => s.status !== 200).length,
        noReply: all.length - answered.length,
        latenciesMs: answered.map(latency),
        byKind: { guide: of('guide'), greeting: of('greeting'), tap: of('tap') },
        byWindow: inWindows(answered, firstPostAt, latency),
        firstPostAt,
        lastReplyAt: Math.max(...answered.map((s) => s.repliedAt ?? 0)),
      };
    },
  };
}

function inWindows(answered: Sent[], firstPostAt: number, latency: (s: Sent) => number): number[][] {
  const windows: number[][] = [];
  for (const s of answered) (windows[Math.floor((s.startedAt - firstPostAt) / windowMs)] ??= []).push(latency(s));
  return Array.from(windows, (w) => w ?? []);
}

/** The oldest guide reader whose last reply has settled; they go to the back of the line after tapping. */
function takeReader(book: Book): string | null {
  const now = Date.now();
  const index = book.readers.findIndex((id) => !book.pending.has(id) && now - (book.lastDelivery.get(id) ?? now) >= readingPauseMs);
  if (index < 0) return null;
  const [userId] = book.readers.splice(index, 1);
  if (userId) book.readers.push(userId);
  return userId ?? null;
}

function newResident(): string {
  return `8${BigInt(`0x${randomBytes(8).toString('hex')}`).toString().padStart(18, '0').slice(0, 18)}`;
}

/** Keep-alive connections: the load generator should cost the machine as little as it can. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export async function postText(url: string, userId: string, text: string): Promise<number> {
  const body = JSON.stringify({
    app_id: testZalo.appId,
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: userId },
    recipient: { id: testZalo.oaId },
    message: { text, msg_id: randomBytes(10).toString('hex') },
  });
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: signedHeaders(body) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}
