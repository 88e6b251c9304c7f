import { useState } from 'react';
import { Button, useNavigate } from 'zmp-ui';
import { errorMessage } from '../api/client';
import { listReports, withdrawReport } from '../api/reports';
import type { Report } from '../api/types';
import { ConfirmModal } from '../components/confirm-modal';
import { LoadMore } from '../components/load-more';
import { useNotify } from '../components/notify';
import { OutboxPanel } from '../components/outbox-panel';
import { ReportCard } from '../components/report-card';
import { Screen } from '../components/screen';
import { Empty, ErrorState, Loading } from '../components/status';
import { useMetrics } from '../state/metrics';
import { usePaged } from '../state/use-paged';

export function ReportsPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const { metrics } = useMetrics();
  const list = usePaged('reports', listReports);
  const [withdrawing, setWithdrawing] = useState<Report | null>(null);

  const withdraw = async (report: Report) => {
    setWithdrawing(null);
    try {
      const { report: changed } = await withdrawReport(report.id);
      list.replace(changed);
      notify('Đã rút lại báo cáo.');
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  };

  return (
    <Screen title="Báo cáo của tổ">
      <Button size="large" fullWidth className="report-button" onClick={() => navigate('/report/new')}>
        Gửi báo cáo mới
      </Button>
      <OutboxPanel metrics={metrics} />

      {list.loading ? (
        <Loading />
      ) : list.error && list.items.length === 0 ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <Empty>Tổ chưa có báo cáo nào.</Empty>
      ) : (
        <ul className="plain-list">
          {list.items.map((report) => (
            <ReportCard
              key={report.id}
              report={report}
              metrics={metrics}
              onEdit={() => navigate('/report/edit', { state: { report } })}
              onWithdraw={() => setWithdrawing(report)}
            />
          ))}
        </ul>
      )}
      {!list.loading && list.items.length > 0 && <LoadMore list={list} />}

      <ConfirmModal
        visible={withdrawing !== null}
        title="Rút lại báo cáo?"
        description="Báo cáo sẽ không còn được tính vào số liệu của tổ."
        confirmText="Rút lại"
        onConfirm={() => withdrawing && void withdraw(withdrawing)}
        onCancel={() => setWithdrawing(null)}
      />
    </Screen>
  );
}
