/** One timed directory read, as the cloud provider benchmarks compare them. */
export interface ReadRun {
  readonly ms: number;
  readonly requests: number;
  readonly users: number;
  readonly memberships: number;
}

/**
 * Prints the connector's read against upstream's way and gives the exit code: 0 when the connector
 * is at least `minSpeedUp` times faster and both reads found the same users and memberships.
 */
export function reportComparison(
  title: string,
  ours: ReadRun,
  theirs: ReadRun,
  minSpeedUp: number,
): number {
  const line = (name: string, run: ReadRun) =>
    `${name.padEnd(22)} ${(run.ms / 1000).toFixed(2).padStart(7)} s  ${String(run.requests).padStart(5)} requests  ${run.users} users  ${run.memberships} memberships`;
  console.log(title);
  console.log(line('connector', ours));
  console.log(line('upstream (serial)', theirs));
  const speedUp = theirs.ms / ours.ms;
  console.log(`speed-up ${speedUp.toFixed(1)}× (goal ≥ ${minSpeedUp}×)`);
  const same = ours.users === theirs.users && ours.memberships === theirs.memberships;
  if (!same) {
    console.log('the two reads disagree');
  }
  return speedUp >= minSpeedUp && same ? 0 : 1;
}
