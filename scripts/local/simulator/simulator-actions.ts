import { z } from 'zod';
import type { LocalScenario, ScenarioResident } from '../local-scenario.ts';
import type { Feed } from './simulator-feed.ts';
import { samplePictures } from './sample-pictures.ts';
import { groupTextEvent, residentImageEvent, residentSharedInfoEvent, residentTextEvent } from './webhook-events.ts';
import type { EventIds } from './webhook-events.ts';

/** What an action needs to know; it only reads. */
export type ActionContext = { ids: EventIds; scenario: LocalScenario; feed: Feed; ownUrl: string };

/** The bubble to add for the person, and the one webhook event that carries it to the bot. */
export type PreparedAction = {
  post: { chat: string; author: string; text: string | null; imageUrl?: string; tap?: boolean };
  event: { timestamp: string };
};

/** Reads a request body: the action to send, or a Vietnamese sentence saying what is wrong. */
export type SimulatorAction = (ctx: ActionContext, body: unknown) => PreparedAction | string;

function action<S extends z.ZodType>(schema: S, prepare: (ctx: ActionContext, body: z.infer<S>) => PreparedAction | string): SimulatorAction {
  return (ctx, body) => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return parsed.error.issues.find((i) => i.path[0] === 'text')?.message ?? 'Yêu cầu không hợp lệ.';
    return prepare(ctx, parsed.data);
  };
}

const text = z.string().trim().min(1, 'Tin nhắn trống.').max(2000, 'Tin nhắn dài quá 2000 ký tự.');
const resident = z.object({ residentId: z.string() });
const noResident = 'Không có người dân này trong kịch bản.';

function residentOf(ctx: ActionContext, id: string): ScenarioResident | undefined {
  return ctx.scenario.residents.find((r) => r.zaloUserId === id);
}

/** By path under /simulator/api/. */
export const simulatorActions: Record<string, SimulatorAction> = {
  'resident/text': action(resident.extend({ text }), (ctx, b) => {
    const r = residentOf(ctx, b.residentId);
    if (!r) return noResident;
    return { post: { chat: `user:${r.zaloUserId}`, author: r.label, text: b.text }, event: residentTextEvent(ctx.ids, r.zaloUserId, b.text) };
  }),

  /** A tap names the bubble and the button's position; the payload is the one the bot sent. */
  'resident/button': action(resident.extend({ seq: z.number().int().positive(), index: z.number().int().min(0) }), (ctx, b) => {
    const r = residentOf(ctx, b.residentId);
    const source = ctx.feed.find(b.seq);
    const button = r && source?.from === 'oa' && source.chat === `user:${r.zaloUserId}` ? source.view.buttons[b.index] : undefined;
    if (!r || !button) return 'Không tìm thấy nút này trong cuộc trò chuyện.';
    // Zalo sends an oa.query.hide tap back as an ordinary text message carrying the payload.
    return { post: { chat: `user:${r.zaloUserId}`, author: r.label, text: button.title, tap: true }, event: residentTextEvent(ctx.ids, r.zaloUserId, button.payload) };
  }),

  'resident/share-phone': action(resident, (ctx, b) => {
    const r = residentOf(ctx, b.residentId);
    if (!r) return noResident;
    const shared = { name: r.sharedName, phone: r.sharedPhone };
    const post = { chat: `user:${r.zaloUserId}`, author: r.label, text: `Đã chia sẻ: ${r.sharedName}, ${r.sharedPhone}`, tap: true };
    return { post, event: residentSharedInfoEvent(ctx.ids, r.zaloUserId, shared) };
  }),

  /** The bot is given the picture's full address on the simulator, as Zalo gives its CDN's. */
  'resident/image': action(resident.extend({ sampleId: z.string() }), (ctx, b) => {
    const r = residentOf(ctx, b.residentId);
    const sample = samplePictures.find((p) => p.id === b.sampleId);
    if (!r || !sample) return 'Không có ảnh mẫu hoặc người dân này.';
    const path = `/simulator/samples/${sample.id}.png`;
    return { post: { chat: `user:${r.zaloUserId}`, author: r.label, text: null, imageUrl: path }, event: residentImageEvent(ctx.ids, r.zaloUserId, `${ctx.ownUrl}${path}`) };
  }),

  'group/text': action(z.object({ groupId: z.string(), memberId: z.string(), text }), (ctx, b) => {
    const group = ctx.scenario.groups.find((g) => g.groupId === b.groupId);
    const member = group?.members.find((m) => m.zaloUserId === b.memberId);
    if (!group || !member) return 'Không có nhóm hoặc thành viên này trong kịch bản.';
    return { post: { chat: `group:${group.groupId}`, author: member.name, text: b.text }, event: groupTextEvent(ctx.ids, group.groupId, member, b.text) };
  }),
};
