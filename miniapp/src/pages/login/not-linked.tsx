import { useState } from 'react';
import { Button } from 'zmp-ui';
import { FormError } from '../../components/fields';

type Props = {
  busy: boolean;
  problem: string | null;
  onSharePhone: () => void;
  onLinkCode: (code: string) => void;
};

const codeLength = 6;

/** A Zalo account the bot does not know yet: link it by the phone the team has, or by a leader's code. */
export function NotLinked({ busy, problem, onSharePhone, onLinkCode }: Props) {
  const [typing, setTyping] = useState(false);
  // The answer shows under the way the user just tried, where their eyes are.
  const [tried, setTried] = useState<'phone' | 'code'>('phone');
  const problemNote = (way: 'phone' | 'code') =>
    tried === way ? <FormError problem={problem} testId="login-error" /> : null;
  const [code, setCode] = useState('');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);

  const submitCode = () => {
    if (code.length !== codeLength) {
      setCodeProblem(`Mã liên kết gồm ${codeLength} ký tự.`);
      return;
    }
    setCodeProblem(null);
    setTried('code');
    onLinkCode(code);
  };

  return (
    <div className="not-linked">
      <h2 className="login-title">Tài khoản chưa được liên kết</h2>
      <p>Tài khoản Zalo của bạn chưa được liên kết với tổ công nghệ số nào. Bạn có thể liên kết bằng một trong hai cách:</p>
      <section className="card">
        <h3 className="card-title">1. Chia sẻ số điện thoại</h3>
        <p className="muted">Dùng khi số điện thoại Zalo của bạn đã có trong danh sách của tổ.</p>
        <Button
          fullWidth
          size="large"
          loading={busy && tried === 'phone'}
          onClick={() => {
            setTried('phone');
            onSharePhone();
          }}
          data-testid="share-phone"
        >
          Chia sẻ số điện thoại
        </Button>
        {problemNote('phone')}
      </section>

      <section className="card">
        <h3 className="card-title">2. Nhập mã liên kết</h3>
        <p className="muted">Mã gồm {codeLength} ký tự do tổ trưởng cấp cho bạn.</p>
        {typing ? (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              submitCode();
            }}
          >
            <label className="field">
              <span className="field-label">Mã liên kết</span>
              <input
                className="text-input code-input"
                value={code}
                maxLength={codeLength}
                autoCapitalize="characters"
                autoComplete="one-time-code"
                autoFocus
                onChange={(e) => setCode(e.target.value.replace(/[^0-9a-z]/gi, '').toUpperCase())}
                data-testid="link-code-input"
              />
            </label>
            <FormError problem={codeProblem} />
            {problemNote('code')}
            <Button htmlType="submit" fullWidth size="large" loading={busy && tried === 'code'} data-testid="link-code-submit">
              Xác nhận mã
            </Button>
          </form>
        ) : (
          <Button fullWidth size="large" variant="secondary" onClick={() => setTyping(true)} data-testid="enter-link-code">
            Nhập mã liên kết
          </Button>
        )}
      </section>
    </div>
  );
}
