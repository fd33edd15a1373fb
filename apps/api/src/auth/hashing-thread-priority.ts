import { pbkdf2 } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of the threads that hash passwords: the event loop (nice 0) gets the CPU first. */
export const HASHING_NICE = 10;

/**
 * Lowers the scheduling priority (nice) of every thread of this process but the event loop's own.
 * argon2 runs on libuv's thread pool and starts threads of its own per check for its lanes (p=4), which
 * inherit the pool thread's nice: on 2 cores two checks are eight CPU-bound threads, and the bench
 * measured the event loop getting 1.2 s of CPU in 15 s of flood (the process 14 s) while /health waited
 * seconds. At nice 10 they take what the event loop leaves. The pool is started first so its threads
 * exist; a thread started later by the event loop (a worker thread) keeps nice 0. Linux only (thread
 * ids in /proc); elsewhere, and where a thread refuses, nothing changes. Returns the threads lowered.
 */
export async function yieldHashingThreadsToEventLoop(nice = HASHING_NICE): Promise<number> {
  if (process.platform !== 'linux') return 0;
  await new Promise<void>((resolve) => pbkdf2('', '', 1, 1, 'sha256', () => resolve())); // starts libuv's pool
  let lowered = 0;
  for (const tid of threadIds()) {
    if (tid === process.pid) continue;
    try {
      if (getPriority(tid) < nice) setPriority(tid, nice);
      lowered += 1;
    } catch {
      // the thread ended meanwhile, or the system refuses: it keeps its priority
    }
  }
  return lowered;
}

/** This process's threads (the event loop's id is the process id). */
export function threadIds(): number[] {
  return readdirSync('/proc/self/task').map(Number);
}

/** A thread's nice value, read from /proc (field 19 of stat). */
export function niceOf(tid: number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}
