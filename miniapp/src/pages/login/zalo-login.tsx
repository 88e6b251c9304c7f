import { useEffect, useRef, useState } from 'react';
import { Button } from 'zmp-ui';
import type { ZaloLogin as LinkHints } from '../../api/auth';
import { loginWithZalo } from '../../api/auth';
import { ApiError, errorMessage } from '../../api/client';
import { Loading } from '../../components/status';
import { getPhoneToken, getZaloAccessToken, isInsideZalo } from '../../platform/zalo';
import { startSession } from '../../state/me';
import { NotLinked } from './not-linked';

type Step = { kind: 'working' } | { kind: 'not-linked'; problem: string | null } | { kind: 'failed'; problem: string };

/** Logs in with the Zalo account; an account the bot does not know yet is offered the two ways to link it. */
export function ZaloLogin() {
  const [step, setStep] = useState<Step>({ kind: 'working' });
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const attempt = async (hints: Omit<LinkHints, 'accessToken'> = {}) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    const linking = hints.phoneToken !== undefined || hints.linkCode !== undefined;
    try {
      const accessToken = await getZaloAccessToken();
      startSession(await loginWithZalo({ accessToken, ...hints }), 'zalo');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-linked') {
        // The first answer is expected and explained on the screen; a failed link attempt gets its reason.
        setStep({ kind: 'not-linked', problem: linking ? error.message : null });
      } else if (linking) {
        setStep({ kind: 'not-linked', problem: errorMessage(error) });
      } else {
        setStep({ kind: 'failed', problem: errorMessage(error) });
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const sharePhone = async () => {
    const phoneToken = await getPhoneToken();
    if (phoneToken) {
      await attempt({ phoneToken });
      return;
    }
    setStep({
      kind: 'not-linked',
      problem: 'Chưa lấy được số điện thoại. Bạn hãy cho phép Zalo chia sẻ số điện thoại, hoặc nhập mã liên kết.',
    });
  };

  useEffect(() => {
    void attempt();
  }, []);

  if (step.kind === 'not-linked') {
    return <NotLinked busy={busy} problem={step.problem} onSharePhone={() => void sharePhone()} onLinkCode={(linkCode) => void attempt({ linkCode })} />;
  }
  if (step.kind === 'failed' && !busy) {
    return (
      <div className="status" role="alert">
        <p className="status-error">{step.problem}</p>
        {!isInsideZalo() && <p>Vui lòng mở ứng dụng này từ Zalo trên điện thoại.</p>}
        <Button onClick={() => void attempt()}>Thử lại</Button>
      </div>
    );
  }
  return <Loading text="Đang đăng nhập…" />;
}
