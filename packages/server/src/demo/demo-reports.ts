import {
  addDays,
  type CalendarDate,
  createRandom,
  demoName,
  type Random,
  type ReportRow,
  ResidentIdAllocator,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { findUserByUsername, grantsOfUser } from '../auth/auth.repository.ts';
import type { RequestContext } from '../http/context.ts';
import { platformFacts } from '../modules/reports/report-platform.service.ts';
import { type SubmitInput, submitReport } from '../modules/reports/report-submission.service.ts';
import { allTemplates } from '../modules/reports/report-template.repository.ts';
import { applicableVersion, submittedDefinition } from '../modules/reports/report-template.service.ts';
import { type ReportingUnit, unitsUnder } from '../modules/reports/report-unit.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

/** The demo day's times, Asia/Shanghai. */
const at = (day: CalendarDate, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const minutes = (random: Random, from: number, to: number) => {
  const m = random.int(from, to);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The day the demo fills: today once its 13:00 tables are all due (after 13:30), else yesterday. */
function demoDay(now: Date): CalendarDate {
  const today = shanghaiDate(now);
  return now.getTime() >= at(today, '13:30').getTime() ? today : addDays(today, -1);
}

async function secretaryContext(deps: Deps): Promise<RequestContext | null> {
  const user = await findUserByUsername(deps.database.db, 'secretary');
  if (!user) return null;
  const grants = (await grantsOfUser(deps.database.db, user.id)).map(({ role, jurisdictionId, jurisdictionPath }) => ({
    role,
    jurisdictionId,
    jurisdictionPath,
  }));
  return {
    actor: { userId: user.id, username: user.username, displayName: user.displayName, grants },
    requestId: 'demo-seed',
    clientIp: null,
  };
}

const ORIGINS = ['wuhan', 'hubei', 'other', 'other'];

function screeningRows(random: Random, ids: ResidentIdAllocator, unit: ReportingUnit, day: CalendarDate): ReportRow[] {
  return Array.from({ length: random.int(0, 2) }, () => {
    const gender = random.chance(0.5) ? 'male' : 'female';
    const year = random.int(1960, 2002);
    return {
      name: demoName(random, gender, year),
      idNumber: ids.next(`${year}-0${random.int(1, 9)}-1${random.int(0, 9)}`, gender),
      origin: random.pick(ORIGINS),
      arrivalDate: addDays(day, -random.int(0, 3)),
      address: `${unit.name}${random.int(1, 30)}幢${random.int(1, 6)}0${random.int(1, 4)}室`,
      isolationStart: addDays(day, -random.int(0, 3)),
    };
  });
}

function monitoringRows(random: Random, count: number): ReportRow[] {
  return Array.from({ length: count }, () => ({
    name: demoName(random, random.chance(0.5) ? 'male' : 'female', random.int(1960, 2002)),
    temperatureMorning: 36 + random.int(2, 9) / 10,
    symptoms: 'none',
    observer: '社区医生',
  }));
}

interface DemoUnit {
  unit: ReportingUnit;
  /** One community is late with its 13:00 tables, one sends a zero report. */
  kind: 'on_time' | 'late' | 'zero';
}

/**
 * A day of daily reports in 湖塘镇 (issue 15 demo): every community's 13:00 tables signed by the demo secretary
 * with the seal holder named — one community late (13:20), one a zero report — and the 17:00 community summary
 * once its hour has passed. Written through the report services with the clock set to each report's time.
 */
export async function seedDemoReports(deps: Deps, townPath: string, seed: number): Promise<number> {
  const context = await secretaryContext(deps);
  if (!context) return 0;
  const now = deps.clock();
  const day = demoDay(now);
  const random = createRandom(seed, 'reports', day);
  const ids = new ResidentIdAllocator('420106');
  const units = await unitsUnder(deps.database.db, { kind: 'jurisdiction', level: 'village' }, [townPath]);
  const plan: DemoUnit[] = units.map((unit, i) => ({ unit, kind: i === 1 ? 'late' : i === 2 ? 'zero' : 'on_time' }));
  const templates = await allTemplates(deps.database.db);
  let sent = 0;
  const send = async (when: Date, input: SubmitInput, seal: boolean) => {
    if (when.getTime() > now.getTime()) return;
    await submitReport({ ...deps, clock: () => when }, context, input, 'form', seal ? { sealHolder: '社区会计（演示）' } : undefined);
    sent++;
  };
  for (const { unit, kind } of plan) {
    const idOf = (code: string) => applicableVersion(templates, code, unit.path)?.id ?? '';
    const time = at(day, kind === 'late' ? '13:20' : minutes(random, 11 * 60, 12 * 60 + 50));
    const base = { unitId: unit.id, period: day, zero: kind === 'zero' };
    const releaseTemplate = templates.find((t) => t.id === idOf('release_from_isolation'));
    const releases = releaseTemplate
      ? ((await platformFacts(deps.database.db, submittedDefinition(releaseTemplate), unit, day)).rows ?? [])
      : [];
    const zero = kind === 'zero' && releases.length === 0;
    await send(
      time,
      { ...base, zero, templateId: idOf('returnee_screening'), rows: zero ? [] : screeningRows(random, ids, unit, day) },
      true,
    );
    await send(
      time,
      { ...base, zero, templateId: idOf('returnee_health_monitoring'), rows: zero ? [] : monitoringRows(random, random.int(0, 2)) },
      true,
    );
    await send(time, { ...base, zero, templateId: idOf('release_from_isolation'), rows: zero ? [] : releases }, true);
    const figures = { newKeyPersons: random.int(0, 2), symptomatic: random.int(0, 1), newCases: 0 };
    await send(
      at(day, minutes(random, 15 * 60, 16 * 60 + 50)),
      { ...base, zero, templateId: idOf('community_daily_summary'), figures: zero ? {} : figures },
      false,
    );
  }
  return sent;
}
