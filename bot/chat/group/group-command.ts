import { parseYearMonth } from '../../domain/digests/commune-month-report.ts';
import type { YearMonth } from '../../domain/digests/commune-month-report.ts';
import { foldKeepLength } from './report/fold-keep-length.ts';
import { parseReport, reportTrigger } from './report/parse-report.ts';
import type { ReportError, ReportResult } from './report/parse-report.ts';

/**
 * What a group message asks for. In a group only messages that start with a trigger count; plain
 * chat is not a command and is ignored without a word.
 */
export type GroupCommand =
  | { kind: 'report'; report: Extract<ReportResult, { ok: true }> }
  /** `/sua …`: the member's last report of the past 24 hours is replaced by this one. */
  | { kind: 'correct'; report: Extract<ReportResult, { ok: true }> }
  | { kind: 'undo' }
  | { kind: 'claim'; requestId: number }
  | { kind: 'close'; requestId: number; note: string | null }
  | { kind: 'list' }
  /** `/tuan`: this week so far; `/tuan truoc`: the last full week (the Monday digest's week). */
  | { kind: 'week'; previous: boolean }
  /** `/baocaothang [MM/YYYY]`: the monthly report (leaders' group); no month means last month. */
  | { kind: 'monthReport'; month: YearMonth | null }
  /** `/gui <hướng dẫn>` and `/thongbao <nội dung>`: from the leaders' group to every village team's group. */
  | { kind: 'pushGuide'; guide: string }
  | { kind: 'announce'; text: string }
  | { kind: 'help' }
  | { kind: 'link'; code: string };

export type CommandRejection =
  | { reason: 'report'; error: Exclude<ReportError, 'not-a-report'>; detail: string | null }
  | { reason: 'missing-request-number'; command: 'claim' | 'close' }
  | { reason: 'missing-link-code' }
  | { reason: 'bad-month' }
  /** "sửa lại: …" is not a command: the member is told how to correct a report. */
  | { reason: 'correction-hint' };

export type ParsedGroupMessage =
  | { ok: true; command: GroupCommand }
  | { ok: false; rejection: CommandRejection }
  | { ok: false; rejection: null; reason: 'not-a-command' };

const notACommand: ParsedGroupMessage = { ok: false, rejection: null, reason: 'not-a-command' };

/** Slash (or hash) commands, matched without diacritics: "/nhận 5" is "/nhan 5". */
const commands: { names: readonly string[]; build: (rest: string, original: string, now: Date) => ParsedGroupMessage }[] = [
  {
    names: ['sua', 'suabaocao', 'suabc'],
    build: (_rest, original, now) => {
      const report = parseReport(`/bc ${original}`, now);
      if (report.ok) return ok({ kind: 'correct', report });
      const error = report.error === 'not-a-report' ? 'no-counts' : report.error;
      return { ok: false, rejection: { reason: 'report', error, detail: report.detail } };
    },
  },
  { names: ['huy', 'huybaocao'], build: () => ok({ kind: 'undo' }) },
  { names: ['nhan', 'nhanviec'], build: (rest) => withNumber(rest, 'claim', (requestId) => ({ kind: 'claim', requestId })) },
  {
    names: ['xong', 'hoanthanh'],
    build: (rest, original) =>
      withNumber(rest, 'close', (requestId, noteStart) => {
        const note = original.slice(noteStart).trim();
        return { kind: 'close', requestId, note: note ? note.slice(0, 500) : null };
      }),
  },
  { names: ['yeucau', 'yc'], build: () => ok({ kind: 'list' }) },
  { names: ['tuan', 'tuannay'], build: () => ok({ kind: 'week', previous: false }) },
  { names: ['tuantruoc', 'tuanroi', 'tuanqua'], build: () => ok({ kind: 'week', previous: true }) },
  { names: ['gui', 'guihuongdan'], build: (rest) => ok({ kind: 'pushGuide', guide: rest.trim() }) },
  { names: ['thongbao', 'tb'], build: (_rest, original) => ok({ kind: 'announce', text: original.slice(0, 1800) }) },
  {
    names: ['baocaothang', 'bcthang'],
    build: (rest) => {
      const text = rest.trim();
      if (!text) return ok({ kind: 'monthReport', month: null });
      const month = parseYearMonth(text.split(/\s+/)[0] ?? '');
      return month ? ok({ kind: 'monthReport', month }) : { ok: false, rejection: { reason: 'bad-month' } };
    },
  },
  { names: ['giup', 'help', 'huongdan'], build: () => ok({ kind: 'help' }) },
  {
    names: ['lienket'],
    build: (rest) => {
      const code = /^\s*([a-z0-9]{4,12})(?![a-z0-9])/.exec(rest)?.[1];
      return code ? ok({ kind: 'link', code: code.toUpperCase() }) : { ok: false, rejection: { reason: 'missing-link-code' } };
    },
  },
];

/** "sửa lại: 12 hộ", "sửa: …", "đính chính …": a correction typed as talk. */
const correctionWords = /^\s*(?:sua lai|sua bao cao|sua\s*:|dinh chinh)/;

/** Reads one group message; never throws, whatever the text. */
export function parseGroupCommand(text: string, now: Date): ParsedGroupMessage {
  if (correctionWords.test(foldKeepLength(text.normalize('NFC'))) && /\d/.test(text)) return { ok: false, rejection: { reason: 'correction-hint' } };
  const trigger = reportTrigger(text);
  if (trigger) {
    const report = parseReport(text, now);
    if (report.ok) return ok({ kind: 'report', report });
    // "báo cáo tuần này em bận" is talk, not an empty report.
    if (report.error === 'not-a-report' || (report.error === 'no-counts' && trigger === 'words')) return notACommand;
    return { ok: false, rejection: { reason: 'report', error: report.error, detail: report.detail } };
  }
  const original = text.normalize('NFC');
  const folded = foldKeepLength(original);
  const head = /^\s*[/#]\s*/.exec(folded);
  if (!head) return notACommand;
  // A name may be written as one word or several ("/yêu cầu", "/liên kết"): longest first.
  const words = wordsAt(folded, head[0].length);
  for (let n = Math.min(words.length, 3); n >= 1; n--) {
    const name = words.slice(0, n).map((w) => w.text).join('');
    const command = commands.find((c) => c.names.includes(name));
    const end = words[n - 1]?.end ?? 0;
    if (command && /^(?:$|[\s\d:,.#])/.test(folded.slice(end))) return command.build(folded.slice(end), original.slice(end), now);
  }
  return notACommand;
}

/** The first words (letters only, separated by single spaces) starting at `from`, with their ends. */
function wordsAt(text: string, from: number): { text: string; end: number }[] {
  const out: { text: string; end: number }[] = [];
  const re = /([a-z]+)( ?)/y;
  re.lastIndex = from;
  for (let m = re.exec(text); m && out.length < 3; m = re.exec(text)) {
    out.push({ text: m[1] ?? '', end: re.lastIndex - (m[2] ?? '').length });
    if (!m[2]) break;
  }
  return out;
}

function withNumber(rest: string, command: 'claim' | 'close', build: (n: number, noteStart: number) => GroupCommand): ParsedGroupMessage {
  const m = /^\s*(?:so\s*)?#?(\d{1,9})(?!\d)/.exec(rest);
  if (!m?.[1] || Number(m[1]) < 1) return { ok: false, rejection: { reason: 'missing-request-number', command } };
  return ok(build(Number(m[1]), m[0].length));
}

function ok(command: GroupCommand): ParsedGroupMessage {
  return { ok: true, command };
}
