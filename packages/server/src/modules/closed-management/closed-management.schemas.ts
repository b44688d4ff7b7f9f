import { Type } from '@sinclair/typebox';
import { Nullable } from '../../http/schemas.ts';

export const tags = ['closed-management'];
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });
export const Colour = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);
export const Decision = Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('register')]);
export const ShiftName = Type.Union([Type.Literal('day'), Type.Literal('night')]);
export const Because = Type.Object({
  rule: Type.String(),
  source: Type.String(),
  clause: Type.String(),
  says: Type.String(),
  configured: Type.Optional(Type.Boolean()),
});
export const StaffingProblem = Type.Intersect([
  Because,
  Type.Object({ shift: ShiftName, minimum: Type.Integer(), onDuty: Type.Integer() }),
]);
export const PassVerdict = Type.Object({
  allowed: Type.Boolean(),
  passNumber: Type.String(),
  status: Type.String(),
  because: Type.Array(Because),
  nextAllowedDate: Nullable(Type.String()),
});
