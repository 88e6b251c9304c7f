import { useNavigate } from 'zmp-ui';
import { Icon } from '../components/icons';
import { moreItems } from '../components/nav-items';
import { Screen } from '../components/screen';
import { useMe } from '../state/me';

/** The pages that did not fit the bottom bar. */
export function MorePage() {
  const navigate = useNavigate();
  const me = useMe();
  return (
    <Screen title="Thêm">
      <ul className="plain-list">
        {(me ? moreItems(me) : []).map((item) => (
          <li key={item.key}>
            <button type="button" className="card menu-item" onClick={() => navigate(item.path)} data-testid={`nav-${item.key}`}>
              <Icon name={item.icon} />
              <span>{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}
