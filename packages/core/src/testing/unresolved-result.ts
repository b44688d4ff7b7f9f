import type { TestKind } from '../protocols/protocol-types.ts';

export type PersonTestResult = 'pending' | 'negative' | 'positive' | 'indeterminate';

/** One test of a person: a scheduled test of an episode, or a sample of the testing module (pooled or single tube). */
export interface PersonTest {
  kind: TestKind;
  result: PersonTestResult;
  sampledAt: Date;
  /** The sample went into a pool of several people: its result is the pool's, not yet the person's own. */
  pooled?: boolean;
}

/** What still stands against a person: positives, and results not yet known to be negative. */
export interface StandingResults {
  positive: PersonTest[];
  unresolved: PersonTest[];
}

export interface ResultWindows {
  /** Days a positive result counts. */
  positiveDays: number;
  /** Days a pending or indeterminate result counts. */
  unresolvedDays: number;
}

const DAY_MS = 86_400_000;

/**
 * A pool's positive or indeterminate result is resolved for the person by a later single tube of
 * theirs that came back negative: the pool's finding belonged to another member. Nothing else is
 * resolved by a later test: an own result stands for its window.
 */
function resolvedLater(test: PersonTest, tests: readonly PersonTest[]): boolean {
  if (!test.pooled || test.result === 'pending') return false;
  return tests.some((later) => !later.pooled && later.result === 'negative' && later.sampledAt.getTime() > test.sampledAt.getTime());
}

/**
 * The one answer to "does a test result still stand against this person?" — asked by the health-code
 * colour rules and by the release decision alike (issue 18 item 1: a positive pool awaiting its
 * single-tube retest is red on the code and must block release too). A person's own positive stands
 * for its whole window; a positive or indeterminate pool stands until a later single tube of the person
 * is negative; a pending result (a retest not yet back) stands for its window until it is resulted.
 */
export function standingResults(tests: readonly PersonTest[], now: Date, windows: ResultWindows): StandingResults {
  const within = (test: PersonTest, days: number) => now.getTime() - test.sampledAt.getTime() <= days * DAY_MS;
  const stands = (test: PersonTest) => !resolvedLater(test, tests);
  return {
    positive: tests.filter((t) => t.result === 'positive' && within(t, windows.positiveDays) && stands(t)),
    unresolved: tests.filter(
      (t) => (t.result === 'pending' || t.result === 'indeterminate') && within(t, windows.unresolvedDays) && stands(t),
    ),
  };
}
