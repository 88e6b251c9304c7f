import { Button } from 'zmp-ui';
import type { HelpRequest, HelpStatus } from '../api/types';
import { timeLabel } from '../util/dates';

const statusLabels: Record<HelpStatus, string> = {
  open: 'Đang chờ',
  claimed: 'Đã có người nhận',
  done: 'Đã xong',
  cancelled: 'Đã huỷ',
};

type Props = {
  request: HelpRequest;
  myMemberId?: number;
  busy?: boolean;
  onClaim?: () => void;
  onClose?: () => void;
};

/** A resident's request: what, where, since when; "Nhận việc" while open, "Đã xong" for the one who took it. */
export function HelpCard({ request, myMemberId, busy = false, onClaim, onClose }: Props) {
  const mine = request.status === 'claimed' && request.claimedBy?.memberId === myMemberId;
  return (
    <li className={`card help${request.overdue ? ' help-overdue' : ''}`} data-testid={`help-${request.id}`}>
      <div className="help-head">
        <strong className="help-topic">{request.topic}</strong>
        {request.overdue && <span className="badge badge-bad">Quá hạn</span>}
      </div>
      <dl className="facts">
        {request.village && (
          <>
            <dt>Thôn</dt>
            <dd>{request.village}</dd>
          </>
        )}
        {request.address && (
          <>
            <dt>Địa chỉ</dt>
            <dd>{request.address}</dd>
          </>
        )}
        {request.residentName && (
          <>
            <dt>Người dân</dt>
            <dd>{request.residentName}</dd>
          </>
        )}
        {request.residentPhone && (
          <>
            <dt>Điện thoại</dt>
            <dd>
              <a href={`tel:${request.residentPhone}`}>{request.residentPhone}</a>
            </dd>
          </>
        )}
        <dt>Gửi lúc</dt>
        <dd>{timeLabel(request.createdAt)}</dd>
        {request.dueAt && (
          <>
            <dt>Hạn</dt>
            <dd>{timeLabel(request.dueAt)}</dd>
          </>
        )}
        <dt>Trạng thái</dt>
        <dd>
          {statusLabels[request.status]}
          {request.claimedBy && ` (${request.claimedBy.name})`}
        </dd>
        {request.closeNote && (
          <>
            <dt>Ghi chú</dt>
            <dd>{request.closeNote}</dd>
          </>
        )}
      </dl>
      {request.status === 'open' && onClaim && (
        <Button fullWidth loading={busy} onClick={onClaim} data-testid={`claim-${request.id}`}>
          Nhận việc
        </Button>
      )}
      {mine && onClose && (
        <Button fullWidth variant="secondary" loading={busy} onClick={onClose} data-testid={`close-${request.id}`}>
          Đã xong
        </Button>
      )}
    </li>
  );
}
