import type { Config } from '../../bot/config.ts';
import type { LocalMode } from './start-local-mode.ts';

/**
 * What `npm start` prints before the logs begin. Local mode leads with the simulator's address (the
 * one thing a newcomer needs) and lists the demo commune's village codes, which the chat and the
 * group commands use.
 */
export function localBanner(config: Config, local: LocalMode): string {
  const bot = botAddress(config);
  const { data } = local;
  const width = Math.max(...data.teams.map((t) => t.unitCode.length));
  const teams = data.teams.map((t) => `    ${t.unitCode.padEnd(width)}  ${t.team.name}  (nhóm Zalo giả lập ${t.groupId})`);
  return [
    '',
    `  ▶ Trình mô phỏng:  ${local.simulatorUrl}   (hoặc mở ${bot}/)`,
    '',
    '  Chế độ chạy thử: chưa có OA thật nên Zalo được thay bằng một máy giả lập chạy trong máy này.',
    '  Mọi tin nhắn vẫn đi qua webhook có chữ ký, hàng đợi và workers như khi chạy thật.',
    `  ${data.communeName} (${data.communeCode})${data.seeded ? ' — vừa tạo dữ liệu mẫu' : ''}. Mã thôn và nhóm tổ:`,
    ...teams,
    '',
    `  Mini App:  ${bot}/miniapp/   Webhook: ${bot}/webhooks/zalo   Kiểm tra: ${bot}/readyz`,
    '  Kết nối OA thật: điền các biến ZALO_* vào .env rồi chạy lại `npm start` (xem README).',
    '  Dừng: Ctrl-C.',
    '',
  ].join('\n');
}

/** The banner of a deployment with real Zalo credentials. */
export function realBanner(config: Config, groupsSession: string | null): string {
  const bot = botAddress(config);
  return [
    '',
    `  Bot:      ${bot}`,
    `  Webhook:  ${bot}/webhooks/zalo   (point your Zalo app's webhook here through HTTPS)`,
    `  Health:   ${bot}/healthz   Ready: ${bot}/readyz`,
    `  Zalo:     ${config.zalo ? `OA ${config.zalo.oaId}` : 'not configured — set the ZALO_* variables (see README)'}`,
    `  Groups:   ${groupsSession ? `personal account ${groupsSession} (zca-js) listening` : 'personal account not logged in (npm run zalo:login) — GMF groups still work'}`,
    '  Stop with Ctrl-C.',
    '',
  ].join('\n');
}

export function readyLine(config: Config, local: LocalMode | null): string {
  return local ? `\n  ✔ Sẵn sàng. Mở trình mô phỏng: ${local.simulatorUrl}\n` : `\n  ✔ Ready: ${botAddress(config)}/readyz\n`;
}

/** For the person at this machine, whatever interface the bot binds (zmp-sdk's mocks need localhost too). */
function botAddress(config: Config): string {
  return `http://localhost:${config.port}`;
}
