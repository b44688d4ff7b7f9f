import type { CategoryRule, EscalationRule } from '../protocols/protocol-types.ts';
import { because, type Reason } from './reason.ts';

export interface Observation {
  /** Tenths of a degree Celsius (373 = 37.3 °C), or null when not measured. */
  temperatureTenths: number | null;
  symptoms: readonly string[];
}

export interface ObservationOutcome {
  fever: boolean;
  symptoms: string[];
  /** Escalations to carry out (alert and fever-clinic transfer task), each with its clause. */
  escalations: EscalationRule[];
  because: Reason[];
}

/** A temperature at or above the protocol's threshold, or any symptom, escalates (seed 001 §三(四)4; SC-04). */
export function checkObservation(rule: CategoryRule, observation: Observation): ObservationOutcome {
  const thresholdTenths = Math.round(rule.monitoring.feverThresholdCelsius * 10);
  const fever = observation.temperatureTenths !== null && observation.temperatureTenths >= thresholdTenths;
  const symptoms = observation.symptoms.filter((s) => s.trim() !== '');
  const triggers = [...(fever ? ['fever'] : []), ...(symptoms.length > 0 ? ['symptom'] : [])];
  const escalations = rule.escalations.filter((e) => triggers.includes(e.trigger));
  return {
    fever,
    symptoms,
    escalations,
    because: [
      ...(fever ? [because('monitoring.fever', rule.monitoring.basis)] : []),
      ...escalations.map((e) => because(`escalation.${e.trigger}`, e.basis)),
    ],
  };
}

/** Days of an episode on which a daily check is expected: from the start to the end of management (or today). */
export function monitoringExpectedOn(plan: { start: string; managementEndDate: string | null }, date: string): boolean {
  return date >= plan.start && (plan.managementEndDate === null || date <= plan.managementEndDate);
}

/** What a daily check recorder entered: a temperature or an explicit "could not measure" with its reason, and a symptom answer. */
export interface ObservationEntry {
  temperatureTenths: number | null;
  /** Why the temperature could not be measured (无法测量), or null when it was measured. */
  notMeasuredReason: string | null;
  /** The symptom answer: an empty list means "no symptoms"; null means the question was not answered. */
  symptoms: readonly string[] | null;
}

export interface ObservationProblem {
  field: 'temperature' | 'notMeasuredReason' | 'symptoms';
  reason: 'temperatureRequired' | 'notMeasuredReasonRequired' | 'temperatureAndNotMeasured' | 'symptomAnswerRequired';
}

/**
 * Why a daily check cannot be saved, or null when it can (KP-D03; issue 18 item 4): it needs a
 * temperature or an explicit 无法测量 with a reason — not both — and an answer to the symptom question.
 */
export function observationProblem(entry: ObservationEntry): ObservationProblem | null {
  const reason = entry.notMeasuredReason?.trim() ?? '';
  const notMeasured = entry.notMeasuredReason !== null;
  if (entry.temperatureTenths !== null && notMeasured) return { field: 'notMeasuredReason', reason: 'temperatureAndNotMeasured' };
  if (entry.temperatureTenths === null && !notMeasured) return { field: 'temperature', reason: 'temperatureRequired' };
  if (notMeasured && reason === '') return { field: 'notMeasuredReason', reason: 'notMeasuredReasonRequired' };
  if (entry.symptoms === null) return { field: 'symptoms', reason: 'symptomAnswerRequired' };
  return null;
}
