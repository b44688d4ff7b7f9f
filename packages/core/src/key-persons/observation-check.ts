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
