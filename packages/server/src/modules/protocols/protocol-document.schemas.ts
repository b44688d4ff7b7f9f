import { Type } from '@sinclair/typebox';
import { literals, Nullable, objectOf, Uuid } from '../../http/schemas.ts';
import { CalendarDateString } from '../key-persons/key-person.schemas.ts';
import { PROTOCOL_DOCUMENT_STATUSES } from './protocol-document.service.ts';

export const tags = ['protocols'];
const Loose = Type.Record(Type.String(), Type.Unknown());

/** A protocol document is checked by core (`readProtocolDocument`), which names the protocol path at fault. */
export const DocumentBody = objectOf({
  document: Type.Unknown({ description: 'A fangkong.protocol/1 document: an edition or a local profile' }),
  jurisdictionId: Type.Optional(Uuid),
});

export const StatusQuery = objectOf({ status: Type.Optional(literals(PROTOCOL_DOCUMENT_STATUSES)) });
export const ApproveBody = objectOf({ basis: Type.Optional(Type.String({ maxLength: 300 })) });
export const ActivateBody = objectOf({ effectiveFrom: Type.Optional(CalendarDateString) });

export const ProtocolDocumentView = Type.Object({
  id: Uuid,
  kind: literals(['edition', 'profile'] as const),
  key: Type.String(),
  editionId: Type.String(),
  name: Type.String(),
  jurisdictionId: Uuid,
  jurisdictionCode: Nullable(Type.String()),
  status: literals(PROTOCOL_DOCUMENT_STATUSES),
  draftedBy: Nullable(Uuid),
  draftedAt: Type.String(),
  approvedBy: Nullable(Uuid),
  approvedAt: Nullable(Type.String()),
  approvalBasis: Nullable(Type.String()),
  activatedAt: Nullable(Type.String()),
  effectiveFrom: Nullable(Type.String()),
  supersededAt: Nullable(Type.String()),
  document: Type.Optional(Loose),
});

const Change = Type.Object({
  path: Type.String(),
  change: literals(['added', 'removed', 'changed'] as const),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});
const CategoryChanges = Type.Object({
  category: Nullable(Type.String()),
  /** Set when the changes are not a category's: the profile's pool sizes (`testing`) or colour rules (`codes`). */
  section: Type.Optional(literals(['testing', 'codes', 'compoundEntry'] as const)),
  changes: Type.Array(Change),
});

export const ProtocolDocumentDetail = Type.Intersect([ProtocolDocumentView, Type.Object({ changes: Type.Array(CategoryChanges) })]);

export const ProtocolPreview = Type.Object({
  id: Uuid,
  kind: Type.String(),
  key: Type.String(),
  editionId: Type.String(),
  asOf: Type.String(),
  /** An edition's preview: the edition in force it is compared with. */
  against: Type.Optional(Type.String()),
  changes: Type.Array(CategoryChanges),
  episodes: Type.Object({ total: Type.Integer(), byCategory: Type.Record(Type.String(), Type.Integer()) }),
  /** Open testing campaigns whose pool sizes the document changes (they keep the rules they opened under). */
  campaigns: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});

export const ExportedDocument = Loose;
