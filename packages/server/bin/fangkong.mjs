#!/usr/bin/env node
// The CLI runs the TypeScript sources directly (no build step): register tsx, then load the entry.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
