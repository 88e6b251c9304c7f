import { randomBytes } from 'node:crypto';
import { encodeAction } from '../../bot/chat/button-actions.ts';
import type { FakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { signedHeaders, testZalo } from '../local/local-zalo-credentials.ts';

/** Guide questions typed the way many residents type them: no diacritics. */
const guideQuestions = ['cach cai vneid', 'lam sao kich hoat dinh danh dien tu muc 2', 'cach cai vssid', 'huong dan thanh toan khong dung tien mat'];
const greetings = ['xin chao', 'chao ban'];
const nextStep = encodeAction({ kind: 'guide-next' });
/** A resident taps "next" only when their last reply is at least this old (so replies are not mixed up). */
const readingPauseMs = 500;

type Sent = { userId: string; startedAt: number; repliedAt: number | null; status: number | null };

export type TrafficResult = { offered: number; posted: number; non200: number; noReply: number; latenciesMs: number[]; firstPostAt: number; lastReplyAt: number };

/**
 * Open-loop traffic: message i is posted at start + i / rate whatever happened to earlier ones, so a
 * slow system is not given a gentler load. Each new resident asks a guide question or greets; a
 * resident who got a guide step a moment ago taps its "next" button (about a third of the traffic).
 * Latency: the webhook POST is started → the stand-in receives that resident's next message.
 */
export async function runOpenLoop(fake: FakeZalo, webhookUrl: string, options: { rate: number; seconds: number; graceMs: number }): Promise<TrafficResult> {
  const pending = new Map<string, Sent>();
  const lastDelivery = new Map<string, number>();
  const readers: string[] = [];
  const all: Sent[] = [];
  const deliver = fake.state.deliver.bind(fake.state);
  fake.state.deliver = (to, message) => {
    const at = performance.now();
    const userId = to.slice('user:'.length);
    lastDelivery.set(userId, at);
    const sent = pending.get(userId);
    if (sent && sent.repliedAt === null) {
      sent.repliedAt = at;
      pending.delete(userId);
    }
    return deliver(to, message);
  };

  const post = (userId: string, text: string) => {
    const sent: Sent = { userId, startedAt: performance.now(), repliedAt: null, status: null };
    pending.set(userId, sent);
    all.push(sent);
    void postText(webhookUrl, userId, text).then(
      (status) => (sent.status = status),
      () => (sent.status = 0),
    );
  };

  const total = Math.round(options.rate * options.seconds);
  const firstPostAt = performance.now();
  for (let i = 0; i < total; i++) {
    const due = firstPostAt + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const reader = i % 3 === 2 ? takeReader(readers, lastDelivery, pending) : null;
    if (reader) post(reader, nextStep);
    else if (i % 3 === 1) post(newResident(), greetings[i % greetings.length] ?? 'xin chao');
    else {
      const userId = newResident();
      readers.push(userId);
      post(userId, guideQuestions[i % guideQuestions.length] ?? 'cach cai vneid');
    }
  }
  const until = performance.now() + options.graceMs;
  while (pending.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
  fake.state.deliver = deliver;

  const answered = all.filter((s) => s.repliedAt !== null);
  return {
    offered: total,
    posted: all.length,
    non200: all.filter((s) => s.status !== 200).length,
    noReply: all.length - answered.length,
    latenciesMs: answered.map((s) => (s.repliedAt ?? 0) - s.startedAt),
    firstPostAt,
    lastReplyAt: Math.max(...answered.map((s) => s.repliedAt ?? 0)),
  };
}

/** The oldest guide reader whose last reply has settled; they go to the back of the line after tapping. */
function takeReader(readers: string[], lastDelivery: Map<string, number>, pending: Map<string, Sent>): string | null {
  const now = performance.now();
  const index = readers.findIndex((id) => !pending.has(id) && now - (lastDelivery.get(id) ?? now) >= readingPauseMs);
  if (index < 0) return null;
  const [userId] = readers.splice(index, 1);
  if (userId) readers.push(userId);
  return userId ?? null;
}

function newResident(): string {
  return `8${BigInt(`0x${randomBytes(8).toString('hex')}`).toString().padStart(18, '0').slice(0, 18)}`;
}

export async function postText(url: string, userId: string, text: string): Promise<number> {
  const body = JSON.stringify({
    app_id: testZalo.appId,
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: userId },
    recipient: { id: testZalo.oaId },
    message: { text, msg_id: randomBytes(10).toString('hex') },
  });
  const res = await fetch(url, { method: 'POST', headers: signedHeaders(body), body });
  await res.arrayBuffer();
  return res.status;
}

export function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}
