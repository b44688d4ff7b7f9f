import type { Clause } from './protocol-types.ts';

export const clause = (source: string, where: string, says: string, configured = false): Clause =>
  configured ? { source, clause: where, says, configured } : { source, clause: where, says };
