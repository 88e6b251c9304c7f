import { useState } from 'react';
import { Button } from 'zmp-ui';
import { errorMessage } from '../api/client';
import { confirmMember, issueAppCode, listTeamMembers } from '../api/leaders';
import type { IssuedCode, TeamMember } from '../api/types';
import { useRemote } from '../state/use-remote';
import { roleLabels } from '../util/format';
import { CodeModal } from './code-modal';
import { useNotify } from './notify';
import { Empty, RemoteView } from './status';

type Props = { teamId: number; onChanged: () => void };

/** A team's members, with "Xác nhận" for newcomers and a one-time login code for the app. */
export function MemberList({ teamId, onChanged }: Props) {
  const notify = useNotify();
  const members = useRemote(`members-${teamId}`, () => listTeamMembers(teamId));
  const [busy, setBusy] = useState<string | null>(null);
  const [issued, setIssued] = useState<(IssuedCode & { name: string }) | null>(null);

  const confirm = async (member: TeamMember) => {
    setBusy(`confirm-${member.id}`);
    try {
      await confirmMember(member.id);
      notify(`Đã xác nhận ${member.name}.`);
      members.reload();
      onChanged();
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  };

  const issue = async (member: TeamMember) => {
    setBusy(`code-${member.id}`);
    try {
      setIssued({ ...(await issueAppCode(member.id)), name: member.name });
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <RemoteView remote={members}>
        {({ members: list }) =>
          list.length === 0 ? (
            <Empty>Tổ chưa có thành viên.</Empty>
          ) : (
            <ul className="members">
              {list.map((member) => (
                <li key={member.id} data-testid={`member-${member.id}`}>
                  <div>
                    <strong>{member.name}</strong>
                    <p className="muted small">
                      {roleLabels[member.role]}
                      {member.verified ? '' : ' · Chưa xác nhận'}
                      {member.appLinked ? ' · Đã dùng ứng dụng' : ''}
                    </p>
                  </div>
                  <div className="actions">
                    {!member.verified && (
                      <Button size="medium" loading={busy === `confirm-${member.id}`} onClick={() => void confirm(member)} data-testid={`confirm-member-${member.id}`}>
                        Xác nhận
                      </Button>
                    )}
                    <Button
                      size="medium"
                      variant="secondary"
                      loading={busy === `code-${member.id}`}
                      onClick={() => void issue(member)}
                      data-testid={`app-code-${member.id}`}
                    >
                      Cấp mã đăng nhập
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
      <CodeModal
        title={issued ? `Mã đăng nhập của ${issued.name}` : ''}
        code={issued?.code ?? null}
        expiresAt={issued?.expiresAt}
        instruction="Người này mở ứng dụng trong Zalo, chọn “Nhập mã liên kết” và nhập mã trên."
        onClose={() => setIssued(null)}
      />
    </>
  );
}
