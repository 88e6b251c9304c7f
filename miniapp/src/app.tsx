import { AnimationRoutes, App, Route, SnackbarProvider, useLocation, ZMPRouter } from 'zmp-ui';
import { getMe } from './api/members';
import type { Me } from './api/types';
import { BottomNav } from './components/bottom-nav';
import { OutboxSync } from './components/outbox-sync';
import { Screen } from './components/screen';
import { RemoteView } from './components/status';
import { DashboardPage } from './pages/dashboard-page';
import { GuidePage } from './pages/guide-page';
import { GuidesPage } from './pages/guides-page';
import { HelpPage } from './pages/help-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login/login-page';
import { MorePage } from './pages/more-page';
import { ReportFormPage } from './pages/report-form-page';
import { ReportsPage } from './pages/reports-page';
import { TeamPage } from './pages/team-page';
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
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/help" element={<HelpPage />} />
        <Route path="/guides" element={<GuidesPage />} />
        <Route path="/guides/:id" element={<GuidePage />} />
        {me.can.dashboard && <Route path="/dashboard" element={<DashboardPage />} />}
        {me.can.manageTeam && <Route path="/team" element={<TeamPage />} />}
        <Route path="/more" element={<MorePage />} />
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
