import { loadConfig } from '../../bot/config.ts';
import { createCoreDeps, startInboundRelayFor } from '../../bot/deps.ts';

/**
 * The webhook bench's stand-in for the workers: their inbound relay alone (the same code
 * workers/main.ts starts), in a process of its own, without the processors that would work the
 * jobs off — the bench counts them in the queue.
 */
const core = createCoreDeps(loadConfig(), { name: 'relay' });
const relay = startInboundRelayFor(core);
process.on('SIGTERM', () => {
  void relay
    .stop()
    .then(() => core.close())
    .then(() => process.exit(0));
});
