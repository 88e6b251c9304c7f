import { getConfig, prefetchDevIdentities } from '../../api/auth';
import { isInsideZalo } from '../../platform/zalo';
import { Screen } from '../../components/screen';
import { RemoteView } from '../../components/status';
import { useRemote } from '../../state/use-remote';
import { DevPicker } from './dev-picker';
import { ZaloLogin } from './zalo-login';

/** Inside Zalo the login is always Zalo's: no need to ask the bot which one to show. */
export function LoginPage() {
  return isInsideZalo() ? (
    <Screen title="Đăng nhập">
      <ZaloLogin />
    </Screen>
  ) : (
    <BrowserLogin />
  );
}

function BrowserLogin() {
  prefetchDevIdentities();
  const config = useRemote('config', getConfig);
  return (
    <Screen title="Đăng nhập">
      <RemoteView remote={config}>{({ devLogin }) => (devLogin ? <DevPicker /> : <ZaloLogin />)}</RemoteView>
    </Screen>
  );
}
