import { INSTITUTION_PROTOCOL_SEED_2020, type InstitutionProtocol } from '../protocols/institution-duties-seed.ts';
import type { Clause } from '../protocols/protocol-types.ts';

export interface IsolationRoom {
  ownBathroom: boolean;
}

/** MED-005 / SC-56: a room may be set available for suspected patients only with its own bathroom (null: it may). */
export function suspectedRoomProblem(
  room: IsolationRoom,
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): { field: 'ownBathroom'; reason: 'ownBathroomRequired'; clause: Clause } | null {
  const rule = protocol.isolationRoom;
  return rule.ownBathroomRequired && !room.ownBathroom
    ? { field: 'ownBathroom', reason: 'ownBathroomRequired', clause: rule.clause }
    : null;
}

/** MED-005 / SC-56: a visit (or a carer) for a patient in an isolation observation room, as the protocol has it. */
export function isolationRoomVisitAllowed(
  who: 'visitor' | 'carer',
  protocol: InstitutionProtocol = INSTITUTION_PROTOCOL_SEED_2020,
): { allowed: boolean; clause: Clause } {
  const rule = protocol.isolationRoom;
  return { allowed: who === 'visitor' ? rule.visitsAllowed : rule.carersAllowed, clause: rule.clause };
}
