import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock tick for /proc CPU times: USER_HZ, 100 on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time in ms (user + system, every thread) of all processes in one process group, read
 * off /proc: the app server (`startApp` puts `next start` and anything it forks in a group of
 * its own). Undefined where there is no /proc.
 */
export function processGroupCpuMs(groupId: number): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== groupId) continue; // field 5: pgrp
    ticks += Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** This process's CPU time in ms (user + system, every thread: the thread pool's argon2id too). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
