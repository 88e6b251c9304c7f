import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';

/**
 * The Zalo stand-in for the end-to-end bench, in a process of its own so that the load generator
 * cannot slow its answers (a send that waits on it would count as Zalo being slow). Prints its URL
 * as the first stdout line and reports every message delivered to the parent over IPC.
 */
const fake = await startFakeZalo({ ...testZalo });
const deliver = fake.state.deliver.bind(fake.state);
fake.state.deliver = (to, message) => {
  process.send?.({ to, at: Date.now() });
  return deliver(to, message);
};
// The bench reads deliveries from the parent; the stand-in's own records only grow.
setInterval(() => {
  fake.state.calls.length = 0;
}, 5000).unref();
console.log(JSON.stringify({ url: fake.url }));
process.on('disconnect', () => void fake.close().finally(() => process.exit(0)));
