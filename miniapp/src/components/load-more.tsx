import { Button } from 'zmp-ui';
import type { Paged } from '../state/use-paged';
import { ErrorState } from './status';

/** The foot of a paginated list: the error of "Xem thêm", or the button while pages remain. */
export function LoadMore<T>({ list }: { list: Paged<T> }) {
  if (list.error) return <ErrorState error={list.error} onRetry={list.items.length ? list.loadMore : list.reload} />;
  if (!list.hasMore) return null;
  return (
    <Button variant="secondary" fullWidth loading={list.loadingMore} onClick={list.loadMore}>
      Xem thêm
    </Button>
  );
}
