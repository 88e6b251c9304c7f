import { Modal } from 'zmp-ui';

type Props = {
  visible: boolean;
  title: string;
  description: string;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A yes/no question before something that cannot be undone from the app. */
export function ConfirmModal({ visible, title, description, confirmText, onConfirm, onCancel }: Props) {
  return (
    <Modal
      visible={visible}
      title={title}
      description={description}
      onClose={onCancel}
      verticalActions
      actions={[
        // zmp-ui calls only onClose for a `close` action, so the confirming one must not be one.
        { text: confirmText, danger: true, onClick: onConfirm },
        { text: 'Không', close: true },
      ]}
    />
  );
}
