import { useState } from 'react';
import { apiUrl } from '../api/client';
import { getDashboard, listCommunes } from '../api/leaders';
import type { CommuneSummary, Dashboard, Metric } from '../api/types';
import { HelpCard } from '../components/help-card';
import { Screen } from '../components/screen';
import { Empty, RemoteView } from '../components/status';
import { TargetList } from '../components/target-list';
import { TotalsGrid } from '../components/totals-grid';
import { TrendChart } from '../components/trend-chart';
import { VillageList } from '../components/village-list';
import { useMe } from '../state/me';
import { useMetrics } from '../state/metrics';
import { useRemote } from '../state/use-remote';
import { recentWeeks } from '../util/dates';
import { capitalize, formatNumber, formatPercent } from '../util/format';
import { SelectField } from '../components/fields';

const defaultTrendMetric = 'households_visited';

function Trend({ data, metrics }: { data: Dashboard; metrics: Metric[] }) {
  const [metric, setMetric] = useState(metrics.some((m) => m.id === defaultTrendMetric) ? defaultTrendMetric : (metrics[0]?.id ?? defaultTrendMetric));
  const label = capitalize(metrics.find((m) => m.id === metric)?.label ?? metric);
  return (
    <section className="card">
      <h3 className="card-title">8 tuần gần đây</h3>
      <SelectField label="Chỉ số" value={metric} options={metrics.map((m) => ({ value: m.id, label: capitalize(m.label) }))} onChange={setMetric} testId="trend-metric" />
      <TrendChart trend={data.trend} metric={metric} label={label} />
    </section>
  );
}

function DashboardBody({ data, metrics }: { data: Dashboard; metrics: Metric[] }) {
  return (
    <>
      <p className="muted">
        {data.commune.name} · {data.week.label}
      </p>
      <div className="rates">
        <div className="rate">
          <strong data-testid="reporting-rate">{formatPercent(data.reportingRate)}</strong>
          <span>Tỷ lệ báo cáo</span>
        </div>
        <div className="rate">
          <strong data-testid="on-time-rate">{formatPercent(data.onTimeRate)}</strong>
          <span>Tỷ lệ đúng hạn</span>
        </div>
      </div>

      <section className="card">
        <h3 className="card-title">Các thôn</h3>
        {data.villages.length ? <VillageList villages={data.villages} metrics={metrics} /> : <Empty>Chưa có thôn nào.</Empty>}
      </section>

      <section className="card">
        <h3 className="card-title">Tổng cả xã trong tuần</h3>
        <TotalsGrid totals={data.totals} metrics={metrics} />
      </section>

      {data.targets.length > 0 && (
        <section className="card">
          <h3 className="card-title">Chỉ tiêu</h3>
          <TargetList targets={data.targets} />
        </section>
      )}

      {data.coverage && (
        <section className="card coverage">
          <p>
            <strong data-testid="coverage-percent">{formatPercent(data.coverage.percent)}</strong> người trưởng thành đã kích hoạt mức 2
          </p>
          <p className="muted small">
            {formatNumber(data.coverage.level2)} / {formatNumber(data.coverage.adults)} người
          </p>
        </section>
      )}

      {data.trend.length > 0 && <Trend data={data} metrics={metrics} />}

      <section className="card">
        <h3 className="card-title">Yêu cầu quá hạn</h3>
        {data.overdueRequests.length ? (
          <ul className="plain-list">
            {data.overdueRequests.map((request) => (
              <HelpCard key={request.id} request={request} />
            ))}
          </ul>
        ) : (
          <Empty>Không có yêu cầu nào quá hạn.</Empty>
        )}
      </section>

      <a className="button-link" href={apiUrl(data.monthlyReportUrl)} target="_blank" rel="noopener noreferrer" download data-testid="monthly-report">
        Tải báo cáo tháng (Excel)
      </a>
    </>
  );
}

/** "Xã Bên Sông · báo cáo 80% · 2 quá hạn": the name first, so a clipped line still says which commune. */
function communeLabel(c: CommuneSummary): string {
  const parts = [c.name];
  if (c.villages > 0) parts.push(`báo cáo ${formatPercent(c.reportingRate)}`);
  if (c.overdueRequests > 0) parts.push(`${formatNumber(c.overdueRequests)} quá hạn`);
  return parts.join(' · ');
}

/** A province admin's choice of commune, with each one's week at a glance; nothing until there are two to choose from. */
function CommunePicker({ week, value, onChange }: { week: string; value: number; onChange: (communeId: number) => void }) {
  const communes = useRemote(`communes-${week}`, () => listCommunes(week));
  const list = communes.data?.communes ?? [];
  if (list.length < 2) return null;
  return <SelectField label="Xã, phường" value={value} options={list.map((c) => ({ value: c.id, label: communeLabel(c) }))} onChange={(id) => onChange(Number(id))} testId="dashboard-commune" />;
}

// The commune a province admin last opened, kept while the app runs so coming back shows it again.
let picked: { memberId: number; communeId: number } | null = null;

export function DashboardPage() {
  const weeks = recentWeeks();
  const me = useMe();
  const [week, setWeek] = useState(weeks[0]?.value ?? '');
  const [communeId, setCommuneId] = useState<number | undefined>(() => (picked && picked.memberId === me?.memberId ? picked.communeId : undefined));
  const { metrics } = useMetrics();
  const dashboard = useRemote(`dashboard-${week}-${communeId ?? 'own'}`, () => getDashboard(week, communeId));
  const choose = (id: number) => {
    setCommuneId(id);
    if (me) picked = { memberId: me.memberId, communeId: id };
  };

  return (
    <Screen title="Bảng điều khiển">
      {me?.can.pickCommune && <CommunePicker week={week} value={communeId ?? me.commune.id} onChange={choose} />}
      <SelectField label="Tuần" value={week} options={weeks} onChange={setWeek} testId="dashboard-week" />
      <RemoteView remote={dashboard}>{(data) => <DashboardBody data={data} metrics={metrics} />}</RemoteView>
    </Screen>
  );
}
