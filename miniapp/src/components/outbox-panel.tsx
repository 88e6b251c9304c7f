import { Button } from 'zmp-ui';
import type { Metric } from '../api/types';
import { useMe } from '../state/me';
import { flushOutbox, discardReport, useOutbox } from '../state/outbox';
import { dayLabel } from '../util/dates';
import { countsSentence } from '../util/format';
import { useNotify } from './notify';

/** Reports kept on the phone: how many, what they are, "Gửi lại", and a way to drop one the bot refused. */
export function OutboxPanel({ metrics }: { metrics: Metric[] }) {
  const me = useMe();
  const { items, flushing } = useOutbox(me?.memberId);
  const notify = useNotify();
  if (!me || items.length === 0) return null;

  const retry = async () => {
    const result = await flushOutbox(me.memberId);
    if (result.sent > 0) notify(`Đã gửi ${result.sent} báo cáo.`);
    else if (result.offline) notify('Vẫn chưa có mạng. Báo cáo sẽ được gửi khi có mạng.', 'warning');
    else if (result.remaining > 0) notify('Chưa gửi được. Vui lòng thử lại sau.', 'error');
  };

  return (
    <section className="card outbox" aria-label="Báo cáo chưa gửi">
      <p className="outbox-title">
        <span className="badge badge-warn" data-testid="pending-count">
          chưa gửi ({items.length})
        </span>
        <span>Đã lưu trên máy, sẽ gửi khi có mạng</span>
      </p>
      <ul className="outbox-list">
        {items.map((item) => (
          <li key={item.clientKey}>
            <strong>{dayLabel(item.date)}</strong>: {countsSentence(item.counts, metrics)}
            {item.lastError && (
              <div className="outbox-error">
                <span>{item.lastError}</span>
                <button type="button" className="link-button" onClick={() => discardReport(item.clientKey)}>
                  Bỏ báo cáo này
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Button variant="secondary" fullWidth loading={flushing} onClick={() => void retry()} data-testid="retry-outbox">
        Gửi lại
      </Button>
    </section>
  );
}
