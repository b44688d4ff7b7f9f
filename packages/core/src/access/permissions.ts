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
  /**
   * Emergency response levels (REQUIREMENTS §2): read the level, its suggestion and checklist; propose a
   * change with its assessment; record an expert body's confirmation; approve (the commander); file upward.
   */
  'response.read',
  'response.propose',
  'response.confirm',
  'response.approve',
  'response.file',
  /** Risk areas and control zones (issue 14): read grades and zones, propose a grade, confirm and publish it, draw, lift, override a lift. */
  'zone.read',
  'risk.propose',
  'risk.publish',
  'zone.write',
  'zone.lift',
  'zone.override',
  /**
   * Daily and zero reports (REQUIREMENTS §10): read reports and the compliance board; fill in and send a unit's
   * report; sign it as the unit's responsible person (DAILY-003: the branch secretary); publish a local template version.
   */
  'report.read',
  'report.submit',
  'report.sign',
  'report.manage',
  /** Command (REQUIREMENTS §1 ORG-, §12 SUP-): read the organization, tasks and supervision; maintain the organization. */
  'command.read',
  'command.write',
  /** Issue and assign tasks; work a task (my tasks, evidence, closing); record inspections, re-checks and accountability. */
  'task.write',
  'task.work',
  'supervision.write',
  /** Protocols as data (issue 14 part 3): read the district's editions and profiles; draft one; approve and activate it. */
  'protocol.read',
  'protocol.draft',
  'protocol.approve',
  /**
   * Information release and public opinion (REQUIREMENTS §13): read drafts, interviews and opinion items; draft,
   * report upward and publish an approved item, request an interview; approve (the release authority); log and handle opinion items.
   */
  'information.read',
  'information.publish',
  'information.approve',
  'opinion.write',
  /** Institutions (issue 16): read the registry and its records; register and edit; report duties, checks, absences, sales; record an incident. */
  'institution.read',
  'institution.manage',
  'institution.report',
  'institution.incident',
  /** Supplies and preparedness (issue 15 parts 4 and 6, REQUIREMENTS §11 RES-, §17 PREP-): read stock and readiness; record stock, movements, disinfection, plans, drills. */
  'supply.read',
  'supply.write',
  /** Community daily work (issue 16 §7, COMM-): door-to-door screening, the six ones ledger, gatherings, supplies of sealed households. */
  'community.read',
  'community.write',
  /**
   * Dashboard and early warning (issue 17, CASE-007, CASE-008): read the command dashboard and the signals;
   * acknowledge a signal and record its outcome (the CDC and the command office).
   */
  'dashboard.read',
  'warning.handle',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
