import { randomBytes } from 'node:crypto';

/** Everything the fake Zalo remembers; tests read it to assert on what "Zalo" received. */
export type RecordedCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: unknown;
  at: Date;
  /** What the fake answered: HTTP status and JSON (null when the connection was dropped). */
  status: number;
  response: unknown;
};

export type DeliveredMessage = {
  messageId: string;
  /** `user:<id>` for OA chat, `group:<id>` for group messages. */
  to: string;
  message: Record<string, unknown>;
  text: string | null;
  at: Date;
  /** The OA whose access token sent it. */
  oaId: string;
};

/** A scripted misbehaviour for the next matching call(s). */
export type Injection =
  | { kind: 'zalo-error'; code: number; message?: string }
  | { kind: 'http-status'; status: number }
  | { kind: 'latency'; ms: number }
  /** Accept and deliver the message, then wait before answering (lets a test kill the caller mid-call). */
  | { kind: 'hold-after-delivery'; ms: number };

export type InjectionRule = { path: string; injection: Injection; remaining: number };

/** Misbehave on a share of the calls to `path` until `until` (the fault suite's flaky Zalo). */
export type ChaosRule = { path: string; rate: number; injections: Injection[]; until: number };

export class FakeZaloState {
  readonly calls: RecordedCall[] = [];
  readonly delivered: DeliveredMessage[] = [];
  readonly refreshTokens = new Map<string, 'valid' | 'used'>();
  readonly accessTokens = new Map<string, Date>();
  /** The OA each refresh and access token belongs to: several OAs may share this app (a province). */
  readonly tokenOa = new Map<string, string>();
  /** Last interaction per user id; a user seen more than 7 days ago gets -230. Unknown users are fine. */
  readonly lastInteraction = new Map<string, Date>();
  /** Messages the users wrote, for the conversation history endpoint. */
  readonly userMessages: { userId: string; messageId: string; text: string; at: Date }[] = [];
  /** Uploaded pictures by attachment id, with their bytes so a test can decode them. */
  readonly uploads = new Map<string, { bytes: number; mimeType: string; data: Buffer }>();
  /** OA-owned (GMF) groups the OA is in; `false` = disabled (expired GMF package). */
  readonly gmfGroups = new Map<string, boolean>();
  /** Mini App access tokens (what getAccessToken() gives a user) and the Zalo app each belongs to. */
  readonly miniappTokens = new Map<string, { userId: string; name: string; appId: string; expiresAt: Date }>();
  /** getPhoneNumber() tokens: single use, two minutes. */
  readonly phoneTokens = new Map<string, { userId: string; number: string; expiresAt: Date; used: boolean }>();
  /** Other Zalo apps, by id, with their secrets (their tokens fail our appsecret_proof). */
  readonly otherApps = new Map<string, string>();
  rules: InjectionRule[] = [];
  chaos: ChaosRule[] = [];
  /** Source of chance for chaos rules; replaceable so a run can be repeated exactly. */
  random: () => number = Math.random;
  now: () => Date = () => new Date();

  constructor(
    readonly app: { appId: string; appSecret: string; oaId: string; accessTokenTtlSec: number },
    initialRefreshToken: string,
  ) {
    this.refreshTokens.set(initialRefreshToken, 'valid');
    this.tokenOa.set(initialRefreshToken, app.oaId);
  }

  /** Another OA of this app, authorised with `refreshToken` (what `oa:add` is given). */
  addOa(oaId: string, refreshToken: string): void {
    this.refreshTokens.set(refreshToken, 'valid');
    this.tokenOa.set(refreshToken, oaId);
  }

  /** The OA a request acts as, by its access token. */
  oaOf(accessToken: string | undefined): string {
    return (accessToken ? this.tokenOa.get(accessToken) : undefined) ?? this.app.oaId;
  }

  /** Takes the next injection for this path, if any. */
  takeInjection(path: string, kinds: Injection['kind'][]): Injection | null {
    const rule = this.rules.find((r) => r.path === path && r.remaining > 0 && kinds.includes(r.injection.kind));
    if (!rule) return this.takeChaos(path, kinds);
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.injection;
  }

  private takeChaos(path: string, kinds: Injection['kind'][]): Injection | null {
    const now = Date.now();
    for (const rule of this.chaos) {
      if (rule.path !== path || now >= rule.until) continue;
      const usable = rule.injections.filter((i) => kinds.includes(i.kind));
      if (usable.length === 0 || this.random() >= rule.rate) continue;
      return usable[Math.floor(this.random() * usable.length)] ?? null;
    }
    return null;
  }

  issuePair(oaId: string = this.app.oaId): { access: string; refresh: string } {
    const access = `AT-${randomBytes(24).toString('base64url')}`;
    const refresh = `RT-${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(access, new Date(this.now().getTime() + this.app.accessTokenTtlSec * 1000));
    this.refreshTokens.set(refresh, 'valid');
    this.tokenOa.set(access, oaId);
    this.tokenOa.set(refresh, oaId);
    return { access, refresh };
  }

  /** The refresh token that would work now (the newest valid one), for assertions. */
  currentRefreshToken(): string | null {
    const valid = [...this.refreshTokens].filter(([, s]) => s === 'valid').map(([t]) => t);
    return valid.at(-1) ?? null;
  }

  /** A Mini App access token for a user, of this app unless another app id is given. */
  issueMiniappToken(p: { userId: string; name?: string; appId?: string; ttlSec?: number }): string {
    const token = `mini-${randomBytes(12).toString('hex')}`;
    this.miniappTokens.set(token, { userId: p.userId, name: p.name ?? 'Người dùng Zalo', appId: p.appId ?? this.app.appId, expiresAt: new Date(this.now().getTime() + (p.ttlSec ?? 3600) * 1000) });
    return token;
  }

  /** A getPhoneNumber() token for a user's number. */
  issuePhoneToken(p: { userId: string; number: string }): string {
    const token = `phone-${randomBytes(12).toString('hex')}`;
    this.phoneTokens.set(token, { userId: p.userId, number: p.number, expiresAt: new Date(this.now().getTime() + 120_000), used: false });
    return token;
  }

  deliver(to: string, message: Record<string, unknown>, oaId: string = this.app.oaId): DeliveredMessage {
    const text = typeof message.text === 'string' ? message.text : null;
    const entry = { messageId: randomBytes(10).toString('hex'), to, message, text, at: this.now(), oaId };
    this.delivered.push(entry);
    return entry;
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }
}
