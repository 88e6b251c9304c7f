import type { ReactNode } from 'react';
import { Header, Page } from 'zmp-ui';
import { useOnline } from '../state/online-hooks';
import { Icon } from './icons';

type Props = { title: string; back?: boolean; children: ReactNode };

/** One page of the app: the title bar (with "back" on inner pages), an offline notice, the content. */
export function Screen({ title, back = false, children }: Props) {
  const online = useOnline();
  return (
    <Page className="screen">
      <Header title={title} showBackIcon={back} backIcon={<Icon name="back" />} />
      {!online && (
        <p className="offline" role="status">
          Đang không có mạng. Báo cáo mới sẽ được lưu trên máy.
        </p>
      )}
      <div className="screen-body">{children}</div>
    </Page>
  );
}
