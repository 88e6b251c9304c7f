import { useEffect, useRef } from 'react';
import { onConnectivityChange } from '../platform/online';
import { flushOutbox } from '../state/outbox';
import { useNotify } from './notify';

/** Sends queued reports when the app starts (or after login) and whenever the connection comes back. */
export function OutboxSync({ memberId }: { memberId: number }) {
  const notify = useNotify();
  // A new function on every render; the subscription must not restart (and re-send) for it.
  const notifyRef = useRef(notify);
  notifyRef.current = notify;
  useEffect(() => {
    const flush = () =>
      void flushOutbox(memberId).then(({ sent }) => {
        if (sent > 0) notifyRef.current(`Đã gửi ${sent} báo cáo đã lưu trên máy.`);
      });
    flush();
    return onConnectivityChange((online) => {
      if (online) flush();
    });
  }, [memberId]);
  return null;
}
