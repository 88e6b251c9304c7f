import { startFakeZalo } from './local/zalo-stand-in/fake-zalo.ts';
import { testZalo, zaloEnv } from './local/local-zalo-credentials.ts';

/**
 * `npm run fake-zalo`: the test stand-in for Zalo's APIs, on a fixed port, for trying the bot
 * locally without a real OA. Put the printed lines in .env, run `npm start`, then talk to the bot
 * with `npm run zalo:simulate -- "cách cài VNeID"`. Every message the bot sends is printed here.
 */
const port = Number(process.argv[2] ?? 3900);
const fake = await startFakeZalo({ ...testZalo, port });
console.log(`Fake Zalo listening on ${fake.url}. Put these in .env:\n`);
for (const [k, v] of Object.entries(zaloEnv(fake.url))) console.log(`${k}=${v}`);
console.log('\nMessages the bot sends appear below. Ctrl-C to stop.\n');

let shown = 0;
setInterval(() => {
  for (const d of fake.state.delivered.slice(shown)) {
    const buttons = (d.message.attachment as { payload?: { buttons?: { title: string }[] } } | undefined)?.payload?.buttons;
    console.log(`→ ${d.to}\n${d.text ?? '[card]'}${buttons ? `\n  [${buttons.map((b) => b.title).join('] [')}]` : ''}\n`);
  }
  shown = fake.state.delivered.length;
}, 200);
process.on('SIGINT', () => void fake.close().then(() => process.exit(0)));
