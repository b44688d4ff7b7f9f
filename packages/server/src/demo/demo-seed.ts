import type { AppDeps } from '../app-deps.ts';

export interface DemoSeedOptions {
  residents: number;
  log: (line: string) => void;
}

/** Placeholder until the demo generator lands: builds nothing. */
export async function seedDemoIfEmpty(_deps: AppDeps, _options: DemoSeedOptions): Promise<void> {}
