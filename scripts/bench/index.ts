import { intentBench } from './intent-bench.ts';
import { pipelineBench } from './pipeline-bench.ts';
import { leadersBench } from './leaders-bench.ts';
import { miniappBench } from './miniapp-bench.ts';

/** `npm run bench`: every benchmark, one JSON line each. */
console.log(JSON.stringify(intentBench()));
console.log(JSON.stringify(await pipelineBench()));
console.log(JSON.stringify(await leadersBench()));
console.log(JSON.stringify(await miniappBench()));
