import type { AppDeps } from '../../app-deps.ts';
import type { Api } from '../../http/schemas.ts';
import { campaignRoutes } from './campaigns/campaign.routes.ts';
import { environmentRoutes } from './environment/environment.routes.ts';
import { feverClinicRoutes } from './fever-clinic/fever-clinic.routes.ts';
import { groupRoutes } from './groups/group.routes.ts';
import { groupImportRoutes } from './groups/group-import.routes.ts';
import { correctionRoutes } from './labs/correction.routes.ts';
import { labRoutes } from './labs/lab.routes.ts';
import { overviewRoutes } from './overview/overview.routes.ts';
import { resultRoutes } from './results/result.routes.ts';
import { samplingRoutes } from './sampling/sampling.routes.ts';

/** Testing (REQUIREMENTS §5): mandatory groups, campaigns and sampling, lab results and their follow-up, residents' results; environment and goods sampling. */
export function testingRoutes(api: Api, deps: AppDeps) {
  campaignRoutes(api, deps);
  samplingRoutes(api, deps);
  labRoutes(api, deps);
  correctionRoutes(api, deps);
  groupRoutes(api, deps);
  groupImportRoutes(api, deps);
  resultRoutes(api, deps);
  environmentRoutes(api, deps);
  feverClinicRoutes(api, deps);
  overviewRoutes(api, deps);
}
