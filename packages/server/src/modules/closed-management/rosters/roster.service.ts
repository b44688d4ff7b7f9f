import { addDays, type CalendarDate, invalid, type Shift, shanghaiDate, staffingProblems } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { checkpointRules, placeInScope } from '../closed-management-access.ts';
import { type DutyShiftRow, type StaffMember, shiftsOf, upsertShift } from './roster.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const withCheck = (row: DutyShiftRow) => ({
  id: row.id,
  checkpointId: row.placeId,
  shiftDate: row.shiftDate,
  shift: row.shift as Shift,
  staff: row.staff,
  problems: staffingProblems(checkpointRules(), row.shift as Shift, row.staff.length),
});

/** Sets who is on duty for one shift (replacing the list) and answers the staffing check (seed 001 §三(二)1). */
export async function setShift(
  deps: Deps,
  context: RequestContext,
  checkpointId: string,
  input: { shiftDate: CalendarDate; shift: Shift; staff: StaffMember[] },
) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.manage', 'checkpoint');
  if (new Set(input.staff.map((s) => s.name)).size !== input.staff.length) throw invalid('staff', 'duplicateStaff');
  return db.transaction(async (tx) => {
    const row = await upsertShift(tx, { placeId: checkpoint.id, ...input, jurisdictionPath: checkpoint.jurisdictionPath });
    await recordAudit(tx, context, {
      action: 'checkpoint.shift.set',
      entityType: 'duty_shift',
      entityId: row.id,
      jurisdictionPath: checkpoint.jurisdictionPath,
      after: { shiftDate: input.shiftDate, shift: input.shift, staff: input.staff.length },
    });
    return withCheck(row);
  });
}

/** The roster of a checkpoint for some days, every shift (also the missing ones) with its staffing problems. */
export async function roster(deps: Deps, context: RequestContext, checkpointId: string, from?: CalendarDate, days = 7) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  const start = from ?? shanghaiDate(deps.clock());
  const rows = await shiftsOf(db, checkpoint.id, start, addDays(start, days - 1));
  const shifts = Array.from({ length: days }, (_, i) => addDays(start, i)).flatMap((date) =>
    (['day', 'night'] as const).map((shift) => {
      const row = rows.find((r) => r.shiftDate === date && r.shift === shift);
      return row
        ? withCheck(row)
        : {
            id: null,
            checkpointId: checkpoint.id,
            shiftDate: date,
            shift,
            staff: [],
            problems: staffingProblems(checkpointRules(), shift, 0),
          };
    }),
  );
  return { checkpointId: checkpoint.id, checkpointName: checkpoint.name, shifts };
}
