import { getConfig } from '../../api/auth';
import { Screen } from '../../components/screen';
import { RemoteView } from '../../components/status';
import { useRemote } from '../../state/use-remote';
import { DevPicker } from './dev-picker';
import { ZaloLogin } from './zalo-login';

export function LoginPage() {
  const config = useRemote('config', getConfig);
  return (
    <Screen title="Đăng nhập">
      <RemoteView remote={config}>{({ devLogin }) => (devLogin ? <DevPicker /> : <ZaloLogin />)}</RemoteView>
    </Screen>
  );
}
