import { ConfigError, loadConfig } from '../config.js';

/** The problems loadConfig names for an environment it refuses; a test fails if it accepts it. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
