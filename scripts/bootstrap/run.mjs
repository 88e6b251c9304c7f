// @ts-check
import { spawn } from 'node:child_process';

/** @type {'inherit' | 2} */
let childStdout = 'inherit';

/**
 * For a command whose own stdout is data (`npm run bench` prints one JSON object): what the steps
 * before it print (npm ci, docker compose) goes to stderr instead.
 */
export function sendChildOutputToStderr() {
  childStdout = 2;
}

/**
 * Runs a command with inherited output (stdout to stderr after sendChildOutputToStderr, unless
 * `stdout` says otherwise); resolves when it exits 0. Signals reach the child, and the child's exit
 * code becomes ours on failure.
 * @param {string} cmd @param {string[]} args @param {Record<string, string>} [env] @param {'inherit' | 2} [stdout]
 */
export function run(cmd, args, env = {}, stdout = childStdout) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['inherit', stdout, 'inherit'], env: { ...process.env, ...env } });
    const forward = (/** @type {NodeJS.Signals} */ sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) resolve(undefined);
      else {
        process.exitCode = code ?? 1;
        reject(new Error(`${cmd} ${args.join(' ')} ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}`));
      }
    });
  });
}

/**
 * Runs a command quietly and returns its output, or null when it cannot run or fails.
 * @param {string} cmd @param {string[]} args @param {{ timeoutMs?: number, env?: Record<string, string> }} [opts]
 * @returns {Promise<string | null>}
 */
export function capture(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    let out = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(opts.env ?? {}) } });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 600_000);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', () => (clearTimeout(timer), resolve(null)));
    child.on('exit', (code) => (clearTimeout(timer), resolve(code === 0 ? out : null)));
  });
}
