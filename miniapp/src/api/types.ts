// The shapes of docs/miniapp-api.md, as the bot sends them.

export type Role = 'member' | 'team_leader' | 'commune_leader' | 'province_admin' | 'admin';
export type TeamKind = 'village' | 'commune' | 'commune_leaders';
export type Counts = Record<string, number>;

export type Me = {
  memberId: number;
  name: string;
  role: Role;
  verified: boolean;
  team: { id: number; name: string; kind: TeamKind };
  unit: { id: number; name: string };
  commune: { id: number; name: string };
  province: { id: number; name: string } | null;
  /** `pickCommune`: a province admin (or an admin) chooses the commune on the dashboard. Absent in a `me` cached by an older app. */
  can: { manageTeam: boolean; dashboard: boolean; pickCommune?: boolean };
};

export type LoginResult = { session: string; expiresAt: string; me: Me };

export type DevIdentity = {
  memberId: number;
  name: string;
  role: Role;
  // The contract does not say whether this is the team's name or the team itself; both are handled.
  team: string | { name: string } | null;
};

export type Metric = { id: string; label: string; max: number };

export type TargetProgress = { metric: string; label: string; target: number; done: number; percent: number };

export type Home = {
  me: Me;
  week: { label: string; from: string; to: string; totals: Counts; reports: number };
  month: { label: string; totals: Counts; targets: TargetProgress[] };
  openRequests: number;
  myRequests: number;
};

export type Report = {
  id: number;
  date: string;
  memberId: number;
  memberName: string;
  counts: Counts;
  note: string | null;
  source: 'chat' | 'miniapp';
  createdAt: string;
  editable: boolean;
  withdrawn: boolean;
};

export type ReportInput = { date: string; counts: Counts; note?: string };

export type Page<T> = { items: T[]; nextCursor: number | null };

export type HelpStatus = 'open' | 'claimed' | 'done' | 'cancelled';
export type HelpFilter = 'open' | 'mine' | 'closed';

export type HelpRequest = {
  id: number;
  status: HelpStatus;
  topic: string;
  village: string | null;
  address: string | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  claimedBy: { memberId: number; name: string } | null;
  closeNote: string | null;
  residentName: string | null;
  residentPhone: string | null;
};

export type GuideSummary = { id: string; title: string; summary: string; steps: number };
export type Guide = { id: string; title: string; summary: string; steps: { text: string; image: string | null }[]; done: string };

export type VillageWeek = { id: number; name: string; reported: boolean; onTime: boolean; totals: Counts };

export type Dashboard = {
  commune: { id: number; name: string };
  week: { label: string; from: string; to: string };
  reportingRate: number;
  onTimeRate: number;
  villages: VillageWeek[];
  totals: Counts;
  targets: TargetProgress[];
  coverage: { adults: number; level2: number; percent: number } | null;
  trend: { week: string; totals: Counts }[];
  overdueRequests: HelpRequest[];
  monthlyReportUrl: string;
};

/** A commune a leader may open, with its week at a glance (GET /api/communes). */
export type CommuneSummary = {
  id: number;
  name: string;
  villages: number;
  reportedVillages: number;
  reportingRate: number;
  openRequests: number;
  overdueRequests: number;
};
export type CommuneList = { week: { id: string; label: string }; province: { id: number; name: string } | null; communes: CommuneSummary[] };

export type Team = { id: number; name: string; kind: TeamKind; linked: boolean; members: number; unverified: number };
export type TeamMember = { id: number; name: string; role: Role; verified: boolean; appLinked: boolean };
export type IssuedCode = { code: string; expiresAt: string };
export type LinkCode = IssuedCode & { instruction: string };
export type Target = { unitId: number; unitName: string; metric: string; label: string; target: number };
export type TargetInput = { unitId: number; metric: string; period: string; target: number };
