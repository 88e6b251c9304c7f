// The simulator's own JSON API. Every failure comes back as a Vietnamese sentence to show.

const unreachable = 'Không kết nối được trình mô phỏng. Trình mô phỏng có đang chạy không?';

export async function getJson(path) {
  const res = await fetch(path, { cache: 'no-store' });
  if (!res.ok) throw new Error(`Trình mô phỏng trả lời lỗi ${res.status}.`);
  return res.json();
}

/** Sends one action; resolves to `{ ok: true, seq }` or `{ ok: false, error, seq? }`, never throws. */
export async function postAction(path, body) {
  try {
    const res = await fetch(`/simulator/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({}));
    if (res.ok) return { ok: true, seq: answer.seq };
    return { ok: false, seq: answer.seq, error: answer.error ?? `Trình mô phỏng trả lời lỗi ${res.status}.` };
  } catch {
    return { ok: false, error: unreachable };
  }
}

/** Asks for new entries every `intervalMs`, with the last seen position as the cursor. */
export function pollMessages(onEntries, onProblem, intervalMs = 700) {
  let since = 0;
  let timer = null;
  let running = false;
  let again = false;
  async function tick() {
    // One request at a time: two with the same cursor would deliver the same entries twice.
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      const { entries } = await getJson(`/simulator/api/messages?since=${since}`);
      const fresh = entries.filter((e) => e.seq > since);
      if (fresh.length > 0) {
        since = fresh[fresh.length - 1].seq;
        onEntries(fresh);
      }
      onProblem(null);
    } catch {
      onProblem(unreachable);
    }
    running = false;
    if (again) {
      again = false;
      return tick();
    }
    timer = setTimeout(tick, intervalMs);
  }
  tick();
  // Called after an action, so its bubble appears at once instead of at the next tick.
  return { now: tick };
}
