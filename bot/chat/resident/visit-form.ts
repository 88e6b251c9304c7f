import { listCurrentVillages } from '../../../db/queries/org-units.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import { recordResidentDetails } from '../../domain/residents/resident-details.ts';
import { stopGuides } from '../../domain/guides/guide-progress.ts';
import { NoTeamError, openHelpRequest } from '../../domain/help-requests/open-help-request.ts';
import { hasConsent, recordConsent } from '../../domain/residents/consent.ts';
import { findGuide } from '../../guides/guide-library.ts';
import { isGuideId } from '../../guides/guide.ts';
import type { TimeSlot } from '../button-actions.ts';
import { classifyIntent } from '../nlu/classify-intent.ts';
import { teamNameForResidents } from '../team-name-for-residents.ts';
import { texts } from '../texts.vi.ts';
import { clearConversationState, saveConversationState } from '../../domain/conversations/conversation-state.ts';
import type { VisitForm } from '../../domain/conversations/conversation-state.ts';
import { consentAnswer, consentQuestion, extractPhoneNumber, yesOrStop } from './form-inputs.ts';
import type { FormInput } from './form-inputs.ts';
import { isInterruption, isOwnQuestion } from './message-reading.ts';
import { topicButton, withButtons } from './replies.ts';
import type { Button } from './replies.ts';
import { communeName } from './turn.ts';
import type { Turn } from './turn.ts';
import { matchVillage } from './village-match.ts';

const slotLabels: Record<TimeSlot, string> = {
  morning: texts.buttons.morning,
  afternoon: texts.buttons.afternoon,
  evening: texts.buttons.evening,
  any: texts.buttons.anyTime,
};

/**
 * "Nhờ tổ hỗ trợ tận nhà": consent, village, what they need, a convenient time and — only if they
 * choose — their phone (Zalo's share card, or typed). Each answer is saved, so the form survives
 * a restart; what the first message already said (the village, the task) is not asked again.
 */
export async function startVisitForm(turn: Turn, topic: string | null, firstMessage: string | null = null): Promise<void> {
  if (!turn.commune) {
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
    return;
  }
  const named = firstMessage ? matchVillage(firstMessage, await villagesOf(turn)) : null;
  const form: VisitForm = { kind: 'visit', step: 'consent', topic, villageId: named?.id ?? turn.resident.villageId, place: null, villageMisses: 0, note: null, time: null };
  if (await hasConsent(turn.db, { residentId: turn.resident.id, purpose: 'home-visit' })) return askNext(turn, form);
  await saveConversationState(turn.db, turn.resident.id, form, turn.now);
  turn.say(consentQuestion(texts.visitConsent));
}

/**
 * Takes the resident's reply as the answer to the step the form is on. False when it is not an
 * answer (a question of their own, a stop, a cancel): the conversation then deals with it and the
 * form stays where it was.
 */
export async function continueVisitForm(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  if (input.reading && isInterruption(input.reading, form.step === 'consent')) return false;
  switch (form.step) {
    case 'consent':
      return answerConsent(turn, form, input);
    case 'village':
      return answerVillage(turn, form, input);
    case 'need':
    case 'need-text':
      return answerNeed(turn, form, input);
    case 'time':
      return answerTime(turn, form, input);
    case 'phone':
    case 'phone-wait':
      return answerPhone(turn, form, input);
    case 'address':
      if (!input.text || (input.reading && isOwnQuestion(input.reading))) return false;
      await finishVisit(turn, { ...form, note: joinNote(form.note, `Địa chỉ: ${input.text.trim().slice(0, 300)}`) });
      return true;
  }
}

/** The resident shared their phone through Zalo's card while the form was waiting for it. */
export async function receiveSharedPhone(turn: Turn, form: VisitForm, phone: string): Promise<void> {
  await recordResidentDetails(turn.db, turn.resident.id, { phone });
  await finishVisit(turn, form, phone);
}

/** Asks the current step's question again (after an unclear reply, or when the form is taken up again). */
export async function repromptVisitForm(turn: Turn, form: VisitForm): Promise<void> {
  if (form.step === 'consent') {
    turn.say(consentQuestion(texts.visitConsent));
    return;
  }
  await askNext(turn, form);
}

async function answerConsent(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  const granted = consentAnswer(input);
  if (granted === null) {
    if (input.reading?.stop !== 'ambiguous') return false;
    turn.say(yesOrStop({ yes: texts.buttons.consentYes, no: texts.buttons.consentNo }));
    return true;
  }
  await recordConsent(turn.db, { residentId: turn.resident.id, purpose: 'home-visit', granted, now: turn.now });
  if (!granted) {
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.consentDeclined(communeName(turn)) });
    return true;
  }
  await askNext(turn, form);
  return true;
}

async function answerVillage(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  const villages = await villagesOf(turn);
  const chosenId = input.action?.kind === 'village' ? input.action.villageId : null;
  const picked = chosenId !== null ? villages.find((v) => v.id === chosenId) : input.text ? matchVillage(input.text, villages) : null;
  if (picked) return askNext(turn, { ...form, villageId: picked.id }).then(() => true);
  // A question typed where the village is expected is answered as a question, never kept as a place.
  if (!input.text || (input.reading && (isOwnQuestion(input.reading) || input.reading.guideMove !== null))) return false;
  // After a second miss, keep what they typed; commune staff will place it.
  if (form.villageMisses >= 1) return askNext(turn, { ...form, place: input.text.trim().slice(0, 120) }).then(() => true);
  await saveConversationState(turn.db, turn.resident.id, { ...form, villageMisses: form.villageMisses + 1 }, turn.now);
  turn.say(withButtons(texts.villageNotFound(input.text.trim().slice(0, 60), communeName(turn)), villageButtons(villages)));
  return true;
}

async function answerNeed(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  if (input.action?.kind === 'need') {
    if (input.action.topic) return askNext(turn, { ...form, topic: input.action.topic }).then(() => true);
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'need-text' }, turn.now);
    turn.say({ kind: 'text', text: texts.askNeedText });
    return true;
  }
  if (!input.text) return false;
  const intent = input.reading?.intent ?? classifyIntent(input.text);
  const topic = !intent.ambiguous && isGuideId(intent.intent) ? intent.intent : null;
  await askNext(turn, { ...form, topic, note: joinNote(form.note, input.text.trim().slice(0, 300)) });
  return true;
}

async function answerTime(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  if (input.reading && isOwnQuestion(input.reading)) return false;
  const time = input.action?.kind === 'time' ? slotLabels[input.action.slot] : input.text?.trim().slice(0, 100);
  if (!time) return false;
  await askNext(turn, { ...form, time });
  return true;
}

async function answerPhone(turn: Turn, form: VisitForm, input: FormInput): Promise<boolean> {
  const typed = input.text ? extractPhoneNumber(input.text) : null;
  if (typed) {
    // Typing the number after being told what it is for is an explicit choice to share it.
    await recordConsent(turn.db, { residentId: turn.resident.id, purpose: 'phone', granted: true, now: turn.now });
    await recordResidentDetails(turn.db, turn.resident.id, { phone: typed });
    await finishVisit(turn, form, typed);
    return true;
  }
  const said = input.reading?.yesNo;
  const share = input.action?.kind === 'phone' ? input.action.share : said === 'yes' && form.step === 'phone' ? true : said === 'no' ? false : null;
  if (share === true) {
    await recordConsent(turn.db, { residentId: turn.resident.id, purpose: 'phone', granted: true, now: turn.now });
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'phone-wait' }, turn.now);
    turn.say(phoneCard(turn), withButtons(texts.phoneCardHint, [{ label: texts.buttons.skipPhone, action: { kind: 'phone', share: false } }]));
    return true;
  }
  if (share === false) {
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'address' }, turn.now);
    turn.say({ kind: 'text', text: texts.askAddress });
    return true;
  }
  return false;
}

/** Asks for the first thing still missing, or files the request when nothing is. */
async function askNext(turn: Turn, form: VisitForm): Promise<void> {
  if (form.villageId === null && form.place === null) {
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'village' }, turn.now);
    turn.say(withButtons(texts.askVillage, villageButtons(await villagesOf(turn))));
    return;
  }
  if (form.topic === null && form.note === null) {
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'need' }, turn.now);
    turn.say(withButtons(texts.askNeed, needButtons()));
    return;
  }
  if (form.time === null) {
    await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'time' }, turn.now);
    turn.say(withButtons(texts.askTime, (['morning', 'afternoon', 'evening', 'any'] as const).map((slot) => ({ label: slotLabels[slot], action: { kind: 'time', slot } }))));
    return;
  }
  if (turn.resident.phone) return finishVisit(turn, form, turn.resident.phone);
  await saveConversationState(turn.db, turn.resident.id, { ...form, step: 'phone' }, turn.now);
  turn.say(
    withButtons(texts.askPhone, [
      { label: texts.buttons.sharePhone, action: { kind: 'phone', share: true } },
      { label: texts.buttons.skipPhone, action: { kind: 'phone', share: false } },
    ]),
  );
}

async function finishVisit(turn: Turn, form: VisitForm, phone: string | null = null): Promise<void> {
  const commune = turn.commune;
  if (!commune) return;
  const villages = await villagesOf(turn);
  const village = villages.find((v) => v.id === form.villageId) ?? null;
  const need = (form.topic ? findGuide(form.topic)?.shortTitle : null) ?? form.note ?? texts.otherNeed;
  const contact = [turn.resident.displayName, phone].filter(Boolean).join(' – ') || (form.note?.includes('Địa chỉ:') ? 'xem địa chỉ ở trên' : texts.noContact);
  try {
    const { request, team, outboxIds } = await openHelpRequest(turn.db, {
      kind: 'home_visit',
      residentId: turn.resident.id,
      oaId: turn.resident.oaId,
      communeId: commune.id,
      villageId: village?.id ?? null,
      topic: form.topic,
      note: joinNote(form.place ? `Nơi ở: ${form.place}` : null, form.note),
      preferredTime: form.time,
      now: turn.now,
      teamMessage: (r) => ({
        kind: 'text',
        text: texts.teamVisitRequest({ id: r.id, village: village?.name ?? form.place ?? '?', need: form.note && form.topic ? `${need} (${form.note})` : need, time: form.time ?? texts.anyTime, contact, due: r.dueAt }),
      }),
    });
    turn.otherOutboxIds.push(...outboxIds);
    if (village) await recordResidentDetails(turn.db, turn.resident.id, { villageId: village.id });
    // The team takes over from here: no automatic "đã làm được chưa?" on top of their visit.
    await stopGuides(turn.db, { residentId: turn.resident.id, reason: 'home-visit-requested', now: turn.now });
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.visitCreated(request.id, await teamNameForResidents(turn.db, team), request.dueAt) });
  } catch (err) {
    if (!(err instanceof NoTeamError)) throw err;
    await clearConversationState(turn.db, turn.resident.id);
    turn.say({ kind: 'text', text: texts.noTeamAvailable });
  }
}

function villagesOf(turn: Turn): Promise<OrgUnitRow[]> {
  return turn.commune ? listCurrentVillages(turn.db, turn.commune.id) : Promise.resolve([]);
}

function villageButtons(villages: OrgUnitRow[]): Button[] {
  return villages.slice(0, 5).map((v) => ({ label: v.name, action: { kind: 'village', villageId: v.id } }));
}

function needButtons(): Button[] {
  return [
    ...(['vneid-install', 'vneid-level2', 'dvc-submit', 'cashless-payment'] as const).map((id) => {
      const b = topicButton(id);
      return { label: b.label, action: { kind: 'need', topic: id } } satisfies Button;
    }),
    { label: texts.buttons.otherTopic, action: { kind: 'need', topic: null } },
  ];
}

function phoneCard(turn: Turn) {
  const title = texts.phoneCardTitle(communeName(turn)).slice(0, 100);
  return turn.publicBaseUrl
    ? { kind: 'request-user-info' as const, title, subtitle: texts.phoneCardSubtitle, imageUrl: `${turn.publicBaseUrl}/static/chia-se-so-dien-thoai.png` }
    : { kind: 'request-user-info' as const, title, subtitle: texts.phoneCardSubtitle };
}

function joinNote(a: string | null, b: string | null): string | null {
  const parts = [a, b].filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join(' | ') : null;
}
