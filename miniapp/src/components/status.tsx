import type { ReactNode } from 'react';
import { Button, Spinner } from 'zmp-ui';
import { errorMessage } from '../api/client';
import type { Remote } from '../state/use-remote';

export function Loading({ text = 'Đang tải…' }: { text?: string }) {
  return (
    <div className="status" role="status">
      <Spinner visible />
      <p>{text}</p>
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="status" role="alert">
      <p className="status-error">{errorMessage(error)}</p>
      <Button onClick={onRetry}>Thử lại</Button>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A one-line notice above data that is still shown although its refresh failed or is running. */
function StaleNotice({ remote }: { remote: Remote<unknown> }) {
  if (remote.error) {
    return (
      <div className="notice notice-warn" role="alert">
        <span>{errorMessage(remote.error)}</span>
        <button type="button" className="link-button" onClick={remote.reload}>
          Thử lại
        </button>
      </div>
    );
  }
  return remote.loading ? <p className="notice" role="status">Đang cập nhật…</p> : null;
}

/** Loading, then the data, or the error with "Thử lại"; data already shown stays during a reload. */
export function RemoteView<T>({ remote, children }: { remote: Remote<T>; children: (data: T) => ReactNode }) {
  if (remote.data !== null) {
    return (
      <>
        <StaleNotice remote={remote} />
        {children(remote.data)}
      </>
    );
  }
  if (remote.loading) return <Loading />;
  return <ErrorState error={remote.error} onRetry={remote.reload} />;
}
