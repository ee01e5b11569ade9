import type { JobDefinition } from './job.js';
import { scheduleProblem } from './schedule.js';

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** The registry or the configured selection does not hold together; the worker does not start. */
export class JobRegistryError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid background jobs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Checks the registered jobs once, before a worker starts, and lists every problem at once: names
 * that are malformed or taken twice, schedules that cannot run, and configured names
 * (WORKER_JOBS) no job answers to. Returns the jobs this worker runs (`only`, or all).
 */
export function selectJobs(jobs: readonly JobDefinition[], only: readonly string[] | null): JobDefinition[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const job of jobs) {
    if (!NAME.test(job.name)) problems.push(`${job.name}: a job name is feature.action in lower case`);
    if (seen.has(job.name)) problems.push(`${job.name}: registered twice`);
    seen.add(job.name);
    const problem = scheduleProblem(job.schedule);
    if (problem) problems.push(`${job.name}: ${problem}`);
  }
  for (const name of only ?? []) {
    if (!seen.has(name)) problems.push(`WORKER_JOBS: no job is registered as ${name}`);
  }
  if (problems.length > 0) throw new JobRegistryError(problems);
  return only ? jobs.filter((job) => only.includes(job.name)) : [...jobs];
}
