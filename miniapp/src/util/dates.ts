/** Calendar dates as the bot counts them: days in Asia/Ho_Chi_Minh, whatever the phone's time zone. */
export type Day = { y: number; m: number; d: number };

const zone = 'Asia/Ho_Chi_Minh';
const dayMs = 86_400_000;
const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Built once (construction costs far more than formatting); null where the WebView lacks time-zone data. */
const vietnamClock: Intl.DateTimeFormat | null = (() => {
  try {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
  } catch {
    return null;
  }
})();

function vietnamParts(instant: Date): Record<string, number> {
  if (!vietnamClock) {
    // The phone's own clock is the best guess: phones here run on UTC+7.
    return { year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate(), hour: instant.getHours(), minute: instant.getMinutes() };
  }
  const parts = vietnamClock.formatToParts(instant);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

function today(): Day {
  const p = vietnamParts(new Date());
  return { y: p.year ?? 1970, m: p.month ?? 1, d: p.day ?? 1 };
}

function addDays(day: Day, days: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d) + days * dayMs);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function toIso(day: Day): string {
  return `${day.y}-${pad(day.m)}-${pad(day.d)}`;
}

function fromIso(text: string): Day {
  const [y = 1970, m = 1, d = 1] = text.slice(0, 10).split('-').map(Number);
  return { y, m, d };
}

function weekday(day: Day): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / dayMs);
}

/** "30/11" */
function shortDate(day: Day): string {
  return `${pad(day.d)}/${pad(day.m)}`;
}

/** "Hôm nay", "Hôm qua", or "Thứ Hai 30/11" for a YYYY-MM-DD date. */
export function dayLabel(iso: string, now: Day = today()): string {
  const day = fromIso(iso);
  const ago = daysBetween(day, now);
  if (ago === 0) return 'Hôm nay';
  if (ago === 1) return 'Hôm qua';
  return `${weekdays[weekday(day)]} ${shortDate(day)}${day.y === now.y ? '' : `/${day.y}`}`;
}

/** The days a report may be for: today and up to `back` days before, newest first. */
export function reportDays(back = 7): { value: string; label: string }[] {
  const now = today();
  return Array.from({ length: back + 1 }, (_, i) => {
    const iso = toIso(addDays(now, -i));
    return { value: iso, label: dayLabel(iso, now) };
  });
}

/** "14:05, 30/11" for an instant, in Vietnam time. */
export function timeLabel(isoInstant: string): string {
  const instant = new Date(isoInstant);
  if (Number.isNaN(instant.getTime())) return '';
  const p = vietnamParts(instant);
  return `${pad(p.hour ?? 0)}:${pad(p.minute ?? 0)}, ${pad(p.day ?? 1)}/${pad(p.month ?? 1)}`;
}

// ISO weeks (Monday to Sunday), named "2026-W48" as the dashboard route expects.
function mondayOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

function isoWeek(day: Day): string {
  const thursday = addDays(mondayOf(day), 3);
  const firstThursday = addDays(mondayOf({ y: thursday.y, m: 1, d: 4 }), 3);
  const week = Math.round(daysBetween(firstThursday, thursday) / 7) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

/** This week and the `count - 1` before it, labelled for a select. */
export function recentWeeks(count = 8): { value: string; label: string }[] {
  const monday = mondayOf(today());
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(monday, -7 * i);
    const value = isoWeek(start);
    const range = `${shortDate(start)} – ${shortDate(addDays(start, 6))}`;
    const label = i === 0 ? `Tuần này (${range})` : i === 1 ? `Tuần trước (${range})` : `Tuần ${Number(value.slice(6))} (${range})`;
    return { value, label };
  });
}

/** "T48" from "2026-W48", for the chart's axis. */
export function weekShortLabel(week: string): string {
  const match = /W(\d+)/.exec(week);
  return match ? `T${Number(match[1])}` : week;
}

/** Months around now as "YYYY-MM" with a Vietnamese label, for target periods. */
export function nearbyMonths(): { value: string; label: string }[] {
  const now = today();
  return [0, 1, -1].map((offset) => {
    const index = now.y * 12 + (now.m - 1) + offset;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const name = offset === 0 ? 'Tháng này' : offset === 1 ? 'Tháng sau' : 'Tháng trước';
    return { value: `${y}-${pad(m)}`, label: `${name} (${pad(m)}/${y})` };
  });
}
