import type { Me } from '../api/types';
import type { IconName } from './icons';

export type NavItem = { key: string; path: string; label: string; icon: IconName };

const home: NavItem = { key: 'home', path: '/', label: 'Trang chủ', icon: 'home' };
const reports: NavItem = { key: 'reports', path: '/reports', label: 'Báo cáo', icon: 'report' };
const help: NavItem = { key: 'help', path: '/help', label: 'Yêu cầu', icon: 'help' };
const guides: NavItem = { key: 'guides', path: '/guides', label: 'Hướng dẫn', icon: 'guide' };
const dashboard: NavItem = { key: 'dashboard', path: '/dashboard', label: 'Bảng điều khiển', icon: 'dashboard' };
const team: NavItem = { key: 'team', path: '/team', label: 'Quản lý tổ', icon: 'team' };
const more: NavItem = { key: 'more', path: '/more', label: 'Thêm', icon: 'more' };

/** Every page this member may open from the menu, in menu order. */
function allItems(me: Me): NavItem[] {
  return [home, reports, help, guides, ...(me.can.dashboard ? [dashboard] : []), ...(me.can.manageTeam ? [team] : [])];
}

/**
 * The bottom bar: at most five entries fit a 360 px screen. A leader with both leader pages keeps the
 * dashboard at hand, and finds the guides and team management under "Thêm".
 */
export function navItems(me: Me): NavItem[] {
  const all = allItems(me);
  if (all.length <= 5) return all;
  return [home, reports, help, dashboard, more];
}

/** What did not fit the bar, for the "Thêm" page. */
export function moreItems(me: Me): NavItem[] {
  const bar = navItems(me);
  return allItems(me).filter((item) => !bar.includes(item));
}

/** Which bar entry a path belongs to: inner pages light up their section, hidden ones "Thêm". */
export function activeKey(pathname: string, bar: NavItem[]): string {
  const sections: Record<string, string> = { report: 'reports', reports: 'reports', help: 'help', guides: 'guides', dashboard: 'dashboard', team: 'team', more: 'more' };
  const key = sections[pathname.split('/')[1] ?? ''] ?? 'home';
  return bar.some((item) => item.key === key) ? key : 'more';
}
