import { useNavigate } from 'zmp-ui';
import { listGuides } from '../api/guides';
import { Screen } from '../components/screen';
import { Empty, RemoteView } from '../components/status';
import { useRemote } from '../state/use-remote';

export function GuidesPage() {
  const navigate = useNavigate();
  const guides = useRemote('guides', listGuides);
  return (
    <Screen title="Hướng dẫn">
      <RemoteView remote={guides}>
        {({ guides: items }) =>
          items.length === 0 ? (
            <Empty>Chưa có hướng dẫn nào.</Empty>
          ) : (
            <ul className="plain-list">
              {items.map((guide) => (
                <li key={guide.id}>
                  <button type="button" className="card guide-item" onClick={() => navigate(`/guides/${guide.id}`)} data-testid={`guide-${guide.id}`}>
                    <strong>{guide.title}</strong>
                    <span>{guide.summary}</span>
                    <span className="muted small">{guide.steps} bước</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </RemoteView>
    </Screen>
  );
}
