import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { linkTeamGroups } from './link-team-groups.ts';
import { startTestStack } from './test-stack.ts';
import type { TestStack, TestStackOptions } from './test-stack.ts';

/**
 * The whole system with the demo commune seeded. Thôn Đông's team and the leaders have linked
 * Zalo groups; the other villages' teams do not yet (their requests go to the leaders).
 */
export async function startDemoStack(options: TestStackOptions = {}): Promise<TestStack> {
  const stack = await startTestStack(options);
  await seedDemoCommune(stack.core.db);
  await linkTeamGroups(stack.core.db, [
    { unit: 'Thôn Đông', kind: 'village', groupId: 'group-thon-dong' },
    { unit: 'Xã Demo', kind: 'commune_leaders', groupId: 'group-leaders' },
  ]);
  return stack;
}
