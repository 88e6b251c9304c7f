import { Button, useNavigate } from 'zmp-ui';
import { getHome } from '../api/members';
import { clearSession, getSession } from '../api/session';
import type { Home } from '../api/types';
import { CountList } from '../components/count-list';
import { OutboxPanel } from '../components/outbox-panel';
import { Screen } from '../components/screen';
import { Empty, RemoteView } from '../components/status';
import { TargetList } from '../components/target-list';
import { readCache, writeCache } from '../state/cache';
import { setMe, useMe } from '../state/me';
import { useMetrics } from '../state/metrics';
import { useOutbox } from '../state/outbox';
import { useRemote } from '../state/use-remote';
import { formatNumber } from '../util/format';

async function loadHome(): Promise<Home> {
  const home = await getHome();
  writeCache('home', home);
  setMe(home.me);
  return home;
}

export function HomePage() {
  const navigate = useNavigate();
  const me = useMe();
  const { metrics } = useMetrics();
  const { delivered } = useOutbox(me?.memberId);
  // Drawn from the last answer at once; refreshed now and whenever queued reports get delivered.
  const home = useRemote(`home-${delivered}`, loadHome, () => readCache<Home>('home'));

  return (
    <Screen title="Tổ công nghệ số">
      {me && (
        <section className="greeting">
          <h2>Xin chào, {me.name}!</h2>
          <p>{me.team.name}</p>
        </section>
      )}

      <Button size="large" fullWidth className="report-button" data-testid="report-button" onClick={() => navigate('/report/new')}>
        Báo cáo
      </Button>

      <OutboxPanel metrics={metrics} />

      <RemoteView remote={home}>
        {(data) => (
          <>
            <section className="card">
              <h3 className="card-title">Tuần này</h3>
              <p className="muted">{data.week.label}</p>
              <p className="big-line">
                Số báo cáo: <strong data-testid="week-reports">{formatNumber(data.week.reports)}</strong>
              </p>
              {Object.values(data.week.totals).some((n) => n > 0) ? (
                <CountList counts={data.week.totals} metrics={metrics} testIdPrefix="week-total-" />
              ) : (
                <Empty>Tuần này chưa có số liệu.</Empty>
              )}
            </section>

            <section className="card">
              <h3 className="card-title">{data.month.label}</h3>
              {data.month.targets.length > 0 ? (
                <TargetList targets={data.month.targets} />
              ) : Object.values(data.month.totals).some((n) => n > 0) ? (
                <CountList counts={data.month.totals} metrics={metrics} />
              ) : (
                <Empty>Tháng này chưa có số liệu.</Empty>
              )}
            </section>

            <section className="card">
              <h3 className="card-title">Yêu cầu hỗ trợ</h3>
              <ul className="counts">
                <li>
                  <span>Đang chờ tổ xử lý</span>
                  <strong data-testid="open-requests">{formatNumber(data.openRequests)}</strong>
                </li>
                <li>
                  <span>Việc bạn đã nhận</span>
                  <strong data-testid="my-requests">{formatNumber(data.myRequests)}</strong>
                </li>
              </ul>
              <Button variant="secondary" fullWidth onClick={() => navigate('/help')}>
                Xem yêu cầu
              </Button>
            </section>
          </>
        )}
      </RemoteView>

      {getSession()?.via === 'dev' && (
        <button type="button" className="link-button center" onClick={clearSession}>
          Đổi người dùng thử
        </button>
      )}
    </Screen>
  );
}
