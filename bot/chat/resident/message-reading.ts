import { classifyIntent } from '../nlu/classify-intent.ts';
import type { Classification } from '../nlu/classify-intent.ts';
import { isQuestion, readGuideMove, readYesNo } from '../nlu/read-answer.ts';
import type { GuideMove, YesNo } from '../nlu/read-answer.ts';
import { controlWord, isDeletionRequest } from './control-words.ts';
import type { ControlWord } from './control-words.ts';

/**
 * Everything one resident message could mean, read once: as an answer to a yes/no question or a
 * guide step, as a control word, and on its own (the intent). The handlers of the conversation
 * decide, in a fixed order, which reading applies (handle-resident-message.ts).
 */
export type MessageReading = {
  text: string;
  intent: Classification;
  yesNo: YesNo;
  guideMove: GuideMove | null;
  control: ControlWord | null;
  wantsDeletion: boolean;
  /** A request to stop our messages: clear ("dừng", "đừng nhắn nữa"), or a bare "dung" that may be "đúng". */
  stop: 'clear' | 'ambiguous' | 'none';
  /** Asks something ("?", "sao", "ở đâu"…) rather than answers. */
  asks: boolean;
};

export function readMessage(text: string): MessageReading {
  const intent = classifyIntent(text);
  const stop = intent.intent === 'unsubscribe' ? (intent.ambiguous ? 'ambiguous' : 'clear') : 'none';
  return {
    text,
    intent,
    yesNo: readYesNo(text),
    guideMove: readGuideMove(text),
    control: controlWord(text),
    wantsDeletion: isDeletionRequest(text),
    stop,
    asks: isQuestion(text),
  };
}

/**
 * Interrupts whatever is in progress: a stop, a deletion or a cancel; never taken as a form answer.
 * While a yes/no question waits, a bare "dung" is not one: it may be "đúng", and the bot asks.
 */
export function isInterruption(reading: MessageReading, yesNoPending = false): boolean {
  const stops = reading.stop === 'clear' || (reading.stop === 'ambiguous' && !yesNoPending);
  return stops || reading.wantsDeletion || reading.control === 'cancel' || reading.control === 'cancelRequest';
}

/** A question or a request of its own, not an answer to what the bot asked ("cài VNeID sao?"). */
export function isOwnQuestion(reading: MessageReading): boolean {
  const { intent } = reading;
  const topical = intent.intent !== 'unknown' && intent.intent !== 'greeting' && intent.intent !== 'unsubscribe';
  return topical && (reading.asks || intent.score >= 0.5);
}
