import type { Clause } from '../protocols/protocol-types.ts';

/** One reason for a decision: a rule name the UI can translate, and the clause it rests on. */
export interface Reason {
  rule: string;
  source: string;
  clause: string;
  says: string;
  configured?: boolean;
}

export const because = (rule: string, basis: Clause): Reason => ({ rule, ...basis });
