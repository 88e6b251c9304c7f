import { Button } from 'zmp-ui';
import type { Metric, Report } from '../api/types';
import { dayLabel } from '../util/dates';
import { countsSentence } from '../util/format';

type Props = { report: Report; metrics: Metric[]; onEdit: () => void; onWithdraw: () => void };

/** One report of the team; its author may still edit or withdraw it for a week. */
export function ReportCard({ report, metrics, onEdit, onWithdraw }: Props) {
  return (
    <li className={`card report${report.withdrawn ? ' withdrawn' : ''}`} data-testid={`report-${report.id}`}>
      <div className="report-head">
        <strong>{dayLabel(report.date)}</strong>
        <span className="muted">{report.memberName}</span>
      </div>
      <p className="report-counts">{countsSentence(report.counts, metrics) || 'Không có số liệu'}</p>
      {report.note && <p className="report-note">“{report.note}”</p>}
      <p className="muted small">
        {report.source === 'chat' ? 'Gửi qua nhóm Zalo' : 'Gửi qua ứng dụng'}
        {report.withdrawn && <span className="badge badge-muted">đã rút</span>}
      </p>
      {report.editable && !report.withdrawn && (
        <div className="actions">
          <Button variant="secondary" onClick={onEdit} data-testid={`edit-report-${report.id}`}>
            Sửa
          </Button>
          <Button variant="tertiary" type="danger" onClick={onWithdraw} data-testid={`withdraw-report-${report.id}`}>
            Rút lại
          </Button>
        </div>
      )}
    </li>
  );
}
