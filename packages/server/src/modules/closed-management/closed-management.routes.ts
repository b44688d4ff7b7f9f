import type { AppDeps } from '../../app-deps.ts';
import type { Api } from '../../http/schemas.ts';
import { checkpointRoutes } from './checkpoints/checkpoint.routes.ts';
import { deviceRoutes } from './devices/device.routes.ts';
import { passRoutes } from './passes/pass.routes.ts';
import { placeCodeRoutes } from './place-codes/place-code.routes.ts';
import { rosterRoutes } from './rosters/roster.routes.ts';

/** Closed management (REQUIREMENTS §7): place codes, checkpoint mode and devices, duty rosters, household passes. */
export function closedManagementRoutes(api: Api, deps: AppDeps) {
  placeCodeRoutes(api, deps);
  checkpointRoutes(api, deps);
  deviceRoutes(api, deps);
  rosterRoutes(api, deps);
  passRoutes(api, deps);
}
