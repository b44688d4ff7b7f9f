import type { AppDeps } from '../app-deps.ts';
import type { Api } from '../http/schemas.ts';
import { alertRoutes } from './alerts/alert.routes.ts';
import { assistRequestRoutes } from './assist-requests/assist-request.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { caseRoutes } from './cases/case.routes.ts';
import { closedManagementRoutes } from './closed-management/closed-management.routes.ts';
import { codeRoutes } from './codes/code.routes.ts';
import { codeChangeRoutes } from './codes/code-change.routes.ts';
import { commandRoutes } from './command/command.routes.ts';
// community daily work (issue 16 §7)
import { communityRoutes } from './community/community.routes.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { informationRoutes } from './information/information.routes.ts';
// Institutions (issue 16)
import { institutionRoutes } from './institutions/institution.routes.ts';
import { jurisdictionRoutes } from './jurisdictions/jurisdiction.routes.ts';
import { expectedArrivalRoutes } from './key-persons/expected-arrival.routes.ts';
import { keyPersonRoutes } from './key-persons/key-person.routes.ts';
import { siteRoutes } from './key-persons/site.routes.ts';
import { personRoutes } from './persons/person.routes.ts';
import { placeRoutes } from './places/place.routes.ts';
import { protocolRoutes } from './protocols/protocol.routes.ts';
import { protocolDocumentRoutes } from './protocols/protocol-document.routes.ts';
import { reportRoutes } from './reports/report.routes.ts';
import { residentRoutes } from './residents/resident.routes.ts';
import { responseRoutes } from './response/response.routes.ts';
import { preparednessRoutes } from './supplies/preparedness.routes.ts';
import { suppliesRoutes } from './supplies/supplies.routes.ts';
import { testingRoutes } from './testing/testing.routes.ts';
import { tracingRoutes } from './tracing/tracing.routes.ts';
import { userRoutes } from './users/user.routes.ts';
import { zonesRoutes } from './zones/zone.routes.ts';

/** Every feature registers its routes here, under /api. */
export function registerModules(api: Api, deps: AppDeps) {
  authRoutes(api, deps);
  jurisdictionRoutes(api, deps);
  placeRoutes(api, deps);
  personRoutes(api, deps);
  userRoutes(api, deps);
  auditRoutes(api, deps);
  protocolRoutes(api, deps);
  keyPersonRoutes(api, deps);
  siteRoutes(api, deps);
  expectedArrivalRoutes(api, deps);
  alertRoutes(api, deps);
  assistRequestRoutes(api, deps);
  codeRoutes(api, deps);
  codeChangeRoutes(api, deps);
  testingRoutes(api, deps);
  residentRoutes(api, deps);
  closedManagementRoutes(api, deps);
  caseRoutes(api, deps);
  tracingRoutes(api, deps);
  responseRoutes(api, deps);
  zonesRoutes(api, deps);
  reportRoutes(api, deps);
  commandRoutes(api, deps);
  // Protocols as data (issue 14 part 3).
  protocolDocumentRoutes(api, deps);
  // Supplies and preparedness (issue 15 parts 4 and 6).
  suppliesRoutes(api, deps);
  preparednessRoutes(api, deps);
  // Information release and public opinion (issue 15 part 5).
  informationRoutes(api, deps);
  // Institutions (issue 16)
  institutionRoutes(api, deps);
  // community daily work (issue 16 §7)
  communityRoutes(api, deps);
  // dashboard (issue 17)
  dashboardRoutes(api, deps);
}
