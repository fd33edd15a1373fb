import { existsSync, readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

const THREADS = '/proc/self/task';

/**
 * Lowers every thread of this process to `niceness` and returns the niceness the process runs at. On
 * Linux a nice value belongs to a thread, and V8's and libuv's threads exist before any code of ours
 * runs, so each is set by its id (threads started later inherit their creator's). It never raises a
 * priority: that needs privileges, and a process started under `nice` keeps what it was given.
 */
export function lowerCpuPriority(niceness: number): number {
  const threads = existsSync(THREADS) ? readdirSync(THREADS).map(Number) : [0];
  for (const thread of threads) {
    try {
      if (getPriority(thread) < niceness) setPriority(thread, niceness);
    } catch (error) {
      if ((error as { info?: { code?: string } }).info?.code !== 'ESRCH') throw error; // the thread ended meanwhile
    }
  }
  return getPriority(0);
}
