import { useState } from 'react';
import { Button, Sheet } from 'zmp-ui';

type Props = { visible: boolean; busy: boolean; onConfirm: (note: string) => void; onCancel: () => void };

/** Closing a request, with an optional word on what was done (the bot keeps it with the request). */
export function CloseSheet({ visible, busy, onConfirm, onCancel }: Props) {
  const [note, setNote] = useState('');
  return (
    <Sheet visible={visible} title="Hoàn thành yêu cầu" onClose={onCancel} afterClose={() => setNote('')} autoHeight>
      <div className="sheet-body">
        <label className="field">
          <span className="field-label">Ghi chú (không bắt buộc)</span>
          <textarea
            className="textarea"
            rows={3}
            maxLength={500}
            value={note}
            placeholder="Ví dụ: đã cài VNeID cho bác"
            onChange={(e) => setNote(e.target.value)}
            data-testid="close-note"
          />
        </label>
        <Button fullWidth size="large" loading={busy} onClick={() => onConfirm(note.trim())} data-testid="confirm-close">
          Xác nhận đã xong
        </Button>
        <Button fullWidth variant="tertiary" onClick={onCancel}>
          Huỷ
        </Button>
      </div>
    </Sheet>
  );
}
