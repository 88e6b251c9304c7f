import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import type { Db } from '../../db/client.ts';

/** Friday 2026-01-09 15:05 in Vietnam: the first round's sweep, just after the weekly reminder falls due. */
const firstRound = Date.parse('2026-01-09T08:05:00Z');
const weekMs = 7 * 86_400_000;

/**
 * Writes reminders the way the worker's sweep does, one round per week from `fromRound` on: each
 * round's sweep (Friday 15:05) finds every village team without a report that week and writes one
 * message per team to the outbox. Nothing is reported in the bench, so every team is reminded
 * every round. Returns the outbox ids in the order they were written and each sweep's time.
 */
export async function writeReminderRounds(db: Db, p: { fromRound: number; rounds: number }): Promise<{ ids: number[]; sweepMs: number[] }> {
  const ids: number[] = [];
  const sweepMs: number[] = [];
  for (let r = p.fromRound; r < p.fromRound + p.rounds; r++) {
    const started = performance.now();
    const written = await sweepReminders(db, {
      now: new Date(firstRound + r * weekMs),
      quiet: { startHour: 21, endHour: 7 },
      monthlyDay: 25,
      text: teamReminderMessage,
      escalation: escalationMessage,
      limit: 100_000,
    });
    sweepMs.push(performance.now() - started);
    ids.push(...written);
  }
  return { ids, sweepMs };
}
