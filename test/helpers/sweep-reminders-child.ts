// A worker stand-in for the "two workers send once" test: its own process and Postgres
// connections, sweeping reminders at an agreed instant for a given (fake) time. Prints the outbox ids it wrote.
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { parseConfig } from '../../bot/config.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { createDb } from '../../db/client.ts';

const config = parseConfig(process.env);
const sweeps = Number(process.env.CHILD_SWEEPS ?? '2');
const startAt = Number(process.env.CHILD_START_AT ?? '0');
const now = new Date(process.env.CHILD_NOW ?? '');
if (Number.isNaN(now.getTime())) throw new Error('CHILD_NOW must be an instant');
const handles = Array.from({ length: sweeps }, () => createDb(config.databaseUrl, { maxConnections: 2 }));
// Connect first, so the race is about the sweep and not about connecting.
await Promise.all(handles.map((h) => h.pool.query('select 1')));
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const written = await Promise.all(
  handles.map((h) => sweepReminders(h.db, { now, quiet: config.quietHours, monthlyDay: config.monthlyReportDay, text: teamReminderMessage, escalation: escalationMessage })),
);
process.stdout.write(JSON.stringify(written.flat()));
await Promise.all(handles.map((h) => h.close()));
