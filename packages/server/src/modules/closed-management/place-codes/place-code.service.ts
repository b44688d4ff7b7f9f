import { randomBytes } from 'node:crypto';
import { invalid, notFound, pathInScope } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { RequestContext } from '../../../http/context.ts';
import { CJK_FONT_PATH, pdfToBuffer } from '../../key-persons/documents/pdf-font.ts';
import { placeInScope, scopeOf } from '../closed-management-access.ts';
import { activeCodeOf, findPlaceCode, insertPlaceCode, type PlaceCodeView, placeCodesUnder } from './place-code.repository.ts';

type Deps = Pick<AppDeps, 'database'>;

/** Venues, community gates and checkpoints carry codes; a household does not (it has a pass). */
const CODED_KINDS_EXCLUDED = new Set(['household', 'building', 'unit']);

const shown = ({ jurisdictionPath: _path, ...view }: PlaceCodeView) => view;

/** The place's active code, made on first ask (random, unguessable: what the poster's QR carries). */
export async function codeForPlace(deps: Deps, context: RequestContext, placeId: string) {
  const db = deps.database.db;
  const target = await placeInScope(db, context, placeId, 'place.code');
  if (CODED_KINDS_EXCLUDED.has(target.kind)) throw invalid('id', 'placeNotCoded');
  const existing = await activeCodeOf(db, target.id);
  if (existing) return shown(existing);
  await db.transaction(async (tx) => {
    const row = await insertPlaceCode(tx, {
      placeId: target.id,
      code: `FKP-${randomBytes(12).toString('base64url')}`,
      jurisdictionPath: target.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: 'place.code.create',
      entityType: 'place_code',
      entityId: row.id,
      jurisdictionPath: target.jurisdictionPath,
    });
  });
  return shown((await activeCodeOf(db, target.id)) as PlaceCodeView);
}

export async function listPlaceCodes(deps: Deps, context: RequestContext) {
  return { items: (await placeCodesUnder(deps.database.db, scopeOf(context, 'place.code'))).map(shown) };
}

/** 场所码 poster (A4): the place's name, the QR and what to do. */
export async function placeCodePoster(deps: Deps, context: RequestContext, id: string): Promise<Buffer> {
  const found = await findPlaceCode(deps.database.db, id);
  if (!found || !pathInScope(found.jurisdictionPath, scopeOf(context, 'place.code'))) throw notFound('id');
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `场所码 ${found.placeName}`, Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(30).text('场所码', { align: 'center' }).moveDown(0.3);
  doc.fontSize(20).text(found.placeName, { align: 'center' }).moveDown(0.8);
  const qr = await QRCode.toBuffer(found.code, { margin: 1, width: 600, errorCorrectionLevel: 'M' });
  doc.image(qr, (doc.page.width - 320) / 2, doc.y, { width: 320 });
  doc.y += 340;
  doc.fontSize(14).text('进入请扫码登记，出示健康码，配合测温。', { align: 'center' }).moveDown(0.5);
  doc.fontSize(9).fillColor('#666').text(`编码 ${found.code}`, { align: 'center' });
  return pdfToBuffer(doc);
}
