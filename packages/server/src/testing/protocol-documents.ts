import assert from 'node:assert/strict';
import { type EditionDocument, exportEdition, findEdition, type ProtocolDocument, type ProtocolEdition } from '@fangkong/core';
import { expectOk, type TestClient } from './factories.ts';

/**
 * 湖塘镇's own edition as a district would import it (issue 14 part 3, RULES-001): the shipped 9th edition exported
 * through the document schema, renamed, in effect from 1 November 2026 with the town's legal basis, and changed by
 * `change` (each test sets the rules it is about).
 */
export function townEdition(change: (edition: ProtocolEdition) => void = () => undefined): EditionDocument {
  const file = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition);
  const edition = file.edition;
  edition.id = 'hutang-2026';
  edition.name = '湖塘镇防控方案（2026）';
  edition.effectiveFrom = '2026-11-01';
  edition.legalBasis = [
    { title: '湖塘镇防控方案（2026）', issuer: '湖塘镇防控指挥部', documentNumber: '湖防指〔2026〕5号', issued: '2026-11-20' },
  ];
  change(edition);
  return file;
}

/**
 * The command office imports a protocol document (for `jurisdictionId` when given), the commander approves it with
 * its legal basis and activates it from today: the district's rules in force (RULES-001). Answers the document's id.
 */
export async function adoptProtocolDocument(
  office: TestClient,
  commander: TestClient,
  document: ProtocolDocument,
  options: { jurisdictionId?: string; basis?: string } = {},
): Promise<string> {
  const { jurisdictionId, basis = '湖防指〔2026〕5号' } = options;
  const draft = await expectOk(office, 'POST', '/api/protocols/documents', { document, ...(jurisdictionId ? { jurisdictionId } : {}) });
  const id = String(draft.id);
  await expectOk(commander, 'POST', `/api/protocols/documents/${id}/approve`, { basis });
  const active = await expectOk(commander, 'POST', `/api/protocols/documents/${id}/activate`, {});
  assert.equal(active.status, 'active');
  return id;
}
