import { AnimationRoutes, App, Route, SnackbarProvider, useLocation, ZMPRouter } from 'zmp-ui';
import { getMe } from './api/members';
import type { Me } from './api/types';
import { BottomNav } from './components/bottom-nav';
import { OutboxSync } from './components/outbox-sync';
import { Screen } from './components/screen';
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Loading, RemoteView } from './components/status';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login/login-page';
import { ReportFormPage } from './pages/report-form-page';

// The first screens (login, home, report form) come in the main file; the rest load when opened,
// so a member on a slow connection waits only for what the first screen needs.
const DashboardPage = lazy(() => import('./pages/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const GuidePage = lazy(() => import('./pages/guide-page').then((m) => ({ default: m.GuidePage })));
const GuidesPage = lazy(() => import('./pages/guides-page').then((m) => ({ default: m.GuidesPage })));
const HelpPage = lazy(() => import('./pages/help-page').then((m) => ({ default: m.HelpPage })));
const MorePage = lazy(() => import('./pages/more-page').then((m) => ({ default: m.MorePage })));
const ReportsPage = lazy(() => import('./pages/reports-page').then((m) => ({ default: m.ReportsPage })));
const TeamPage = lazy(() => import('./pages/team-page').then((m) => ({ default: m.TeamPage })));

const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;
import { setMe, useMe } from './state/me';
import { useSession } from './state/session-hooks';
import { useRemote } from './state/use-remote';

// Inner pages with their own "back" and a button at the bottom: the bar would only cover it.
const withoutNav = [/^\/report\//, /^\/guides\/./];

function Shell({ me }: { me: Me }) {
  const { pathname } = useLocation();
  return (
    <>
      <OutboxSync memberId={me.memberId} />
      <AnimationRoutes>
        <Route path="/" element={<HomePage />} />
        <Route path="/report/new" element={<ReportFormPage />} />
        <Route path="/report/edit" element={<ReportFormPage />} />
        <Route path="/reports" element={later(<ReportsPage />)} />
        <Route path="/help" element={later(<HelpPage />)} />
        <Route path="/guides" element={later(<GuidesPage />)} />
        <Route path="/guides/:id" element={later(<GuidePage />)} />
        {me.can.dashboard && <Route path="/dashboard" element={later(<DashboardPage />)} />}
        {me.can.manageTeam && <Route path="/team" element={later(<TeamPage />)} />}
        <Route path="/more" element={later(<MorePage />)} />
        <Route path="*" element={<HomePage />} />
      </AnimationRoutes>
      {!withoutNav.some((pattern) => pattern.test(pathname)) && <BottomNav me={me} />}
    </>
  );
}

/** A session without a known member (storage lost part of it) asks the bot who it is. */
function FetchMe() {
  const me = useRemote('me', async () => {
    const fetched = await getMe();
    setMe(fetched);
    return fetched;
  });
  return (
    <Screen title="Tổ công nghệ số">
      <RemoteView remote={me}>{() => null}</RemoteView>
    </Screen>
  );
}

function SignedIn() {
  const me = useMe();
  return me ? <Shell me={me} /> : <FetchMe />;
}

export function Root() {
  const session = useSession();
  return (
    <App>
      <SnackbarProvider>
        {/* Memory routing: the app lives under /miniapp/ or Zalo's /zapps/…, where browser paths mean nothing.
            A new router per login state starts every session on the home page. */}
        <ZMPRouter memoryRouter key={session ? 'in' : 'out'}>{session ? <SignedIn /> : <LoginPage />}</ZMPRouter>
      </SnackbarProvider>
    </App>
  );
}
