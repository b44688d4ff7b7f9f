import type { AppDeps } from '../../app-deps.ts';
import type { Api } from '../../http/schemas.ts';
import { commandOverviewRoutes } from './command-overview.routes.ts';
import { leaderTravelRoutes } from './leader-travel.routes.ts';
import { organizationRoutes } from './organization.routes.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { taskRoutes } from './task.routes.ts';

/** Command (issue 13): the organization (REQUIREMENTS §1, ORG-), its tasks, and supervision and accountability (§12, SUP-). */
export function commandRoutes(api: Api, deps: AppDeps) {
  organizationRoutes(api, deps);
  taskRoutes(api, deps);
  supervisionRoutes(api, deps);
  commandOverviewRoutes(api, deps);
  leaderTravelRoutes(api, deps);
}
