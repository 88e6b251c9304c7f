import { useState } from 'react';
import { devIdentities, loginAsDev } from '../../api/auth';
import { errorMessage } from '../../api/client';
import type { DevIdentity } from '../../api/types';
import { Empty, RemoteView } from '../../components/status';
import { startSession } from '../../state/me';
import { useRemote } from '../../state/use-remote';
import { roleLabels } from '../../util/format';
import { FormError } from '../../components/fields';

function teamName(team: DevIdentity['team']): string {
  if (!team) return '';
  return typeof team === 'string' ? team : team.name;
}

/** Development only: log in as any seeded member without Zalo. */
export function DevPicker() {
  const identities = useRemote('dev-identities', devIdentities);
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (memberId: number) => {
    setBusy(memberId);
    setProblem(null);
    try {
      startSession(await loginAsDev(memberId), 'dev');
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(null);
    }
  };

  return (
    <>
      <h2 className="login-title">Chọn người dùng thử (chế độ phát triển)</h2>
      <FormError problem={problem} />
      <RemoteView remote={identities}>
        {({ identities: list }) =>
          list.length === 0 ? (
            <Empty>Chưa có người dùng thử nào.</Empty>
          ) : (
            <ul className="plain-list">
              {list.map((identity) => (
                <li key={identity.memberId}>
                  <button
                    type="button"
                    className="card identity"
                    disabled={busy !== null}
                    aria-busy={busy === identity.memberId}
                    onClick={() => void pick(identity.memberId)}
                    data-testid={`dev-identity-${identity.memberId}`}
                  >
                    <strong>{identity.name}</strong>
                    <span>
                      {roleLabels[identity.role] ?? identity.role}
                      {teamName(identity.team) && ` · ${teamName(identity.team)}`}
                    </span>
                    {busy === identity.memberId && <span className="muted small">Đang đăng nhập…</span>}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
    </>
  );
}
