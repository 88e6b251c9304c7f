import { BottomNavigation, useLocation, useNavigate } from 'zmp-ui';
import type { Me } from '../api/types';
import { Icon } from './icons';
import { activeKey, navItems } from './nav-items';

export function BottomNav({ me }: { me: Me }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = navItems(me);
  return (
    <BottomNavigation fixed activeKey={activeKey(pathname, items)} className="bottom-nav">
      {items.map((item) => (
        <BottomNavigation.Item
          key={item.key}
          itemKey={item.key}
          // zmp-ui passes no attributes to the item's button; a click on the label reaches it all the same.
          label={<span data-testid={`nav-${item.key}`}>{item.label}</span>}
          icon={<Icon name={item.icon} />}
          // Sections replace each other, so "back" leaves the app instead of cycling through tabs.
          onClick={() => navigate(item.path, { replace: true, animate: false })}
        />
      ))}
    </BottomNavigation>
  );
}
