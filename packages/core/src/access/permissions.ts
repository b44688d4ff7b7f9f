/** Every route declares one of these; roles grant them on a jurisdiction subtree. */
export const PERMISSIONS = [
  'jurisdiction.read',
  'jurisdiction.write',
  'place.read',
  'place.write',
  'person.read',
  'person.readFull',
  'person.write',
  'user.read',
  'user.admin',
  'audit.read',
  'keyPerson.read',
  'keyPerson.write',
  'keyPerson.sign',
  'site.read',
  'site.manage',
  'alert.read',
  'testing.read',
  'testing.sample',
  'testing.labResult',
  'testing.manage',
  /** A resident's own record (and dependants held by proxy): code, results, declarations. */
  'self.read',
  'self.write',
  /** Health codes: read colours, history and queues; request a manual change or issue a paper code; approve; decide appeals. */
  'code.read',
  'code.change',
  'code.approve',
  'appeal.decide',
  /** Closed management (REQUIREMENTS §7): place codes, checkpoint gate and rosters, household passes. */
  'place.code',
  'checkpoint.operate',
  'checkpoint.manage',
  'pass.manage',
  /** Cases (REQUIREMENTS §6): read, open/classify/report, and the epidemiological investigation (流调). */
  'case.read',
  'case.write',
  'investigation.write',
  /** Command (REQUIREMENTS §1 ORG-, §12 SUP-): read the organization, tasks and supervision; maintain the organization. */
  'command.read',
  'command.write',
  /** Issue and assign tasks; work a task (my tasks, evidence, closing); record inspections, re-checks and accountability. */
  'task.write',
  'task.work',
  'supervision.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
