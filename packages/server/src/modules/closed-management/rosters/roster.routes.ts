import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../app-deps.ts';
import { contextOf } from '../../../http/request-context.ts';
import { type Api, errorResponses, IdParams, Nullable, Uuid } from '../../../http/schemas.ts';
import { DateString, ShiftName, StaffingProblem, tags } from '../closed-management.schemas.ts';
import { roster, setShift } from './roster.service.ts';

const Staff = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 50 }), userId: Type.Optional(Uuid), phone: Type.Optional(Type.String({ maxLength: 20 })) },
  { additionalProperties: false },
);
const ShiftView = Type.Object({
  id: Nullable(Uuid),
  checkpointId: Uuid,
  shiftDate: Type.String(),
  shift: ShiftName,
  staff: Type.Array(Staff),
  problems: Type.Array(StaffingProblem),
});

export function rosterRoutes(api: Api, deps: AppDeps) {
  api.get(
    '/checkpoints/:id/shifts',
    {
      config: { permission: 'checkpoint.operate' },
      schema: {
        tags,
        summary: 'Duty roster of a checkpoint (every day and night shift) with the staffing check (seed 001 §三(二)1)',
        params: IdParams,
        querystring: Type.Object(
          { from: Type.Optional(DateString), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ checkpointId: Uuid, checkpointName: Type.String(), shifts: Type.Array(ShiftView) }),
          ...errorResponses,
        },
      },
    },
    (request) => roster(deps, contextOf(request), request.params.id, request.query.from, request.query.days),
  );
  api.put(
    '/checkpoints/:id/shifts',
    {
      config: { permission: 'checkpoint.manage' },
      schema: {
        tags,
        summary: 'Set who is on duty for one shift; answers the staffing problems (day ≥ 4, night ≥ 2)',
        params: IdParams,
        body: Type.Object(
          { shiftDate: DateString, shift: ShiftName, staff: Type.Array(Staff, { maxItems: 50 }) },
          { additionalProperties: false },
        ),
        response: { 200: ShiftView, ...errorResponses },
      },
    },
    (request) => setShift(deps, contextOf(request), request.params.id, request.body),
  );
}
