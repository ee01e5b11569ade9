/**
 * The share of a bench's full size to run at: `--scale S` or BENCH_SCALE=S (0 < S ≤ 1, default 1).
 * A small scale validates a bench in a minute; only the full scale gives the figures the issue asks for.
 */
export function benchScale(args: string[] = process.argv.slice(2)): number {
  const at = args.indexOf('--scale');
  const given = at >= 0 ? args[at + 1] : process.env.BENCH_SCALE;
  if (given === undefined || given === '') return 1;
  const scale = Number(given);
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be a number above 0 and at most 1, not ${given}`);
  return scale;
}

/** n at the scale, at least 1. */
export const scaled = (n: number, scale: number) => Math.max(1, Math.round(n * scale));
