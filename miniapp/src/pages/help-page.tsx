import { useState } from 'react';
import { Tabs } from 'zmp-ui';
import { ApiError, errorMessage } from '../api/client';
import { claimHelpRequest, closeHelpRequest, listHelpRequests } from '../api/help-requests';
import type { HelpFilter, HelpRequest } from '../api/types';
import { CloseSheet } from '../components/close-sheet';
import { HelpCard } from '../components/help-card';
import { LoadMore } from '../components/load-more';
import { useNotify } from '../components/notify';
import { Screen } from '../components/screen';
import { Empty, ErrorState, Loading } from '../components/status';
import { useMe } from '../state/me';
import { usePaged } from '../state/use-paged';

const emptyTexts: Record<HelpFilter, string> = {
  open: 'Không có yêu cầu nào đang chờ.',
  mine: 'Bạn chưa nhận yêu cầu nào.',
  closed: 'Chưa có yêu cầu nào đã xong.',
};

function HelpList({ filter }: { filter: HelpFilter }) {
  const me = useMe();
  const notify = useNotify();
  const list = usePaged(`help-${filter}`, (cursor) => listHelpRequests(filter, cursor));
  const [busyId, setBusyId] = useState<number | null>(null);
  const [closing, setClosing] = useState<HelpRequest | null>(null);

  const act = async (id: number, action: () => Promise<{ request: HelpRequest }>, done: string) => {
    setBusyId(id);
    try {
      const { request } = await action();
      list.replace(request);
      setClosing(null);
      notify(done);
    } catch (error) {
      notify(errorMessage(error), 'error');
      // Someone else took or closed it meanwhile: show the list as it is now.
      if (error instanceof ApiError && error.status === 409) {
        setClosing(null);
        list.reload();
      }
    } finally {
      setBusyId(null);
    }
  };

  if (list.loading) return <Loading />;
  if (list.error && list.items.length === 0) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <>
      {list.items.length === 0 ? (
        <Empty>{emptyTexts[filter]}</Empty>
      ) : (
        <ul className="plain-list">
          {list.items.map((request) => (
            <HelpCard
              key={request.id}
              request={request}
              myMemberId={me?.memberId}
              busy={busyId === request.id}
              onClaim={() => void act(request.id, () => claimHelpRequest(request.id), 'Bạn đã nhận việc. Người dân sẽ được báo ai sẽ đến.')}
              onClose={() => setClosing(request)}
            />
          ))}
        </ul>
      )}
      <LoadMore list={list} />
      <CloseSheet
        visible={closing !== null}
        busy={closing !== null && busyId === closing.id}
        onCancel={() => setClosing(null)}
        onConfirm={(note) => closing && void act(closing.id, () => closeHelpRequest(closing.id, note || undefined), 'Đã đánh dấu hoàn thành. Cảm ơn bạn!')}
      />
    </>
  );
}

export function HelpPage() {
  return (
    <Screen title="Yêu cầu hỗ trợ">
      <Tabs defaultActiveKey="open" destroyInactiveTabPane className="tabs">
        <Tabs.Tab key="open" label="Đang chờ">
          <HelpList filter="open" />
        </Tabs.Tab>
        <Tabs.Tab key="mine" label="Của tôi">
          <HelpList filter="mine" />
        </Tabs.Tab>
        <Tabs.Tab key="closed" label="Đã xong">
          <HelpList filter="closed" />
        </Tabs.Tab>
      </Tabs>
    </Screen>
  );
}
