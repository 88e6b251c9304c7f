import { useState } from 'react';
import { Button } from 'zmp-ui';
import { errorMessage } from '../api/client';
import { issueTeamLinkCode } from '../api/leaders';
import type { LinkCode, Team } from '../api/types';
import { teamKindLabels } from '../util/format';
import { CodeModal } from './code-modal';
import { MemberList } from './member-list';
import { useNotify } from './notify';

/** One team the leader manages: its numbers, its members (opened on demand), its group link code. */
export function TeamCard({ team, onChanged }: { team: Team; onChanged: () => void }) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [code, setCode] = useState<LinkCode | null>(null);

  const issue = async () => {
    setIssuing(true);
    try {
      setCode(await issueTeamLinkCode(team.id));
    } catch (error) {
      notify(errorMessage(error), 'error');
    } finally {
      setIssuing(false);
    }
  };

  return (
    <li className="card" data-testid={`team-${team.id}`}>
      <h3 className="card-title">{team.name}</h3>
      <p className="muted">
        {teamKindLabels[team.kind]} · {team.members} thành viên
        {team.unverified > 0 && <span className="badge badge-warn">{team.unverified} chờ xác nhận</span>}
      </p>
      <p className="small">{team.linked ? '✅ Đã liên kết nhóm Zalo' : '❗ Chưa liên kết nhóm Zalo'}</p>
      <div className="actions">
        <Button variant="secondary" onClick={() => setOpen(!open)} data-testid={`team-members-${team.id}`}>
          {open ? 'Ẩn thành viên' : 'Xem thành viên'}
        </Button>
        <Button variant="secondary" loading={issuing} onClick={() => void issue()} data-testid={`link-code-${team.id}`}>
          Tạo mã liên kết nhóm
        </Button>
      </div>
      {open && <MemberList teamId={team.id} onChanged={onChanged} />}
      <CodeModal
        title="Mã liên kết nhóm"
        code={code?.code ?? null}
        expiresAt={code?.expiresAt}
        instruction={code?.instruction ?? ''}
        onClose={() => setCode(null)}
      />
    </li>
  );
}
