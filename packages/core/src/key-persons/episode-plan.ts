import { addDays, addMonths, type CalendarDate } from '../calendar/calendar-date.ts';
import type { CategoryRule, FollowUpOffset, LocalProfile, ManagementType, ProtocolEdition, TestKind } from '../protocols/protocol-types.ts';
import { because, type Reason } from './reason.ts';

export interface PlannedPhase {
  type: ManagementType;
  from: CalendarDate;
  /** Inclusive; null while open-ended (hospital care until discharge). */
  to: CalendarDate | null;
}

export interface PlannedTest {
  date: CalendarDate;
  kind: TestKind;
  phase: number;
  day: number;
}

export interface EpisodePlan {
  edition: string;
  profile: string | null;
  category: string;
  start: CalendarDate;
  phases: PlannedPhase[];
  tests: PlannedTest[];
  monitoring: { checksPerDay: number; measures: string[]; feverThresholdCelsius: number; from: CalendarDate; to: CalendarDate | null };
  /** The last day of the phase whose end is the release (解除隔离); release may be signed on it. */
  releaseDate: CalendarDate | null;
  managementEndDate: CalendarDate | null;
  followUps: { date: CalendarDate; kind: string }[];
  because: Reason[];
}

/** Phases run back to back from day 0; a phase of n days covers n calendar days inclusive. */
function planPhases(rule: CategoryRule, start: CalendarDate): PlannedPhase[] {
  const phases: PlannedPhase[] = [];
  let from: CalendarDate | null = start;
  for (const phase of rule.phases) {
    if (from === null) break;
    const to: CalendarDate | null = phase.days === null ? null : addDays(from, phase.days - 1);
    phases.push({ type: phase.type, from, to });
    from = to === null ? null : addDays(to, 1);
  }
  return phases;
}

function planTests(rule: CategoryRule, phases: PlannedPhase[]): PlannedTest[] {
  return rule.tests
    .flatMap((test) => {
      const phase = phases[test.phase];
      return phase ? [{ date: addDays(phase.from, test.day - 1), kind: test.kind, phase: test.phase, day: test.day }] : [];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

const followUpDate = (start: CalendarDate, after: FollowUpOffset) =>
  'days' in after ? addDays(start, after.days) : addMonths(start, after.months);

function reasons(rule: CategoryRule, profile: LocalProfile | undefined): Reason[] {
  return [
    ...(profile ? [because('localProfile', profile.basis)] : []),
    ...rule.phases.map((phase) => because(`phase.${phase.type}`, phase.basis)),
    ...rule.tests.map((test) => because(`test.${test.kind}`, test.basis)),
    because('monitoring', rule.monitoring.basis),
    ...(rule.release ? [because('release', rule.release.basis)] : []),
    ...rule.followUps.map((f) => because(`followUp.${f.kind}`, f.basis)),
  ].filter((reason, i, all) => all.findIndex((r) => r.rule === reason.rule && r.says === reason.says) === i);
}

/** The whole schedule of one episode: phases, tests, monitoring, release and follow-ups, with reasons. */
export function planEpisode(edition: ProtocolEdition, rule: CategoryRule, start: CalendarDate, profile?: LocalProfile): EpisodePlan {
  const phases = planPhases(rule, start);
  const last = phases[phases.length - 1];
  const releasePhase = rule.release ? phases[rule.release.releasePhase] : undefined;
  return {
    edition: edition.id,
    profile: profile?.id ?? null,
    category: rule.category,
    start,
    phases,
    tests: planTests(rule, phases),
    monitoring: {
      checksPerDay: rule.monitoring.checksPerDay,
      measures: [...rule.monitoring.measures],
      feverThresholdCelsius: rule.monitoring.feverThresholdCelsius,
      from: start,
      to: last?.to ?? null,
    },
    releaseDate: releasePhase?.to ?? null,
    managementEndDate: last?.to ?? null,
    followUps: rule.followUps.map((f) => ({ date: followUpDate(start, f.after), kind: f.kind })),
    because: reasons(rule, profile),
  };
}
