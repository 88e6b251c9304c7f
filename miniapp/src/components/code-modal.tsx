import { Modal } from 'zmp-ui';
import { timeLabel } from '../util/dates';

type Props = { title: string; code: string | null; expiresAt?: string; instruction: string; onClose: () => void };

/** A one-time code in large letters, to read aloud or show across the table. */
export function CodeModal({ title, code, expiresAt, instruction, onClose }: Props) {
  return (
    <Modal visible={code !== null} title={title} onClose={onClose} actions={[{ text: 'Đóng', close: true }]}>
      {code !== null && (
        <>
          <p className="code" data-testid="issued-code">
            {code}
          </p>
          <p className="code-instruction">{instruction}</p>
          {expiresAt && <p className="muted">Hết hạn lúc {timeLabel(expiresAt)}</p>}
        </>
      )}
    </Modal>
  );
}
