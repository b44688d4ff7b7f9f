import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { exportEdition, findEdition, type ProtocolEdition } from '@fangkong/core';
import { loadConfig } from '../config.ts';
import { findJurisdictionByCode } from '../modules/jurisdictions/jurisdiction.repository.ts';
import { insertProtocolDocument } from '../modules/protocols/protocol-document.repository.ts';
import { homeObservationProfile } from '../modules/protocols/sample-profile.ts';
import { openRuntime } from '../runtime.ts';

const BIN = new URL('../../bin/fangkong.mjs', import.meta.url).pathname;
const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'fangkong-protocol-store-')), 'data');
const env = { ...process.env, FANGKONG_DATA_DIR: dataDir, DATABASE_URL: '' };

function fangkong(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Plan {
  edition: string;
  profile: string | null;
  phases: { type: string; from: string; to: string | null }[];
}

const plan = (...extra: string[]) =>
  fangkong('protocol', 'plan', '--category', 'close_contact', '--start', '2026-12-01', '--json', ...extra);

/**
 * Issue 14 part 3, "`npx fangkong protocol plan` keeps working for the shipped editions with no database, and reads the
 * district's own editions and profiles from its store when one is given" (RULES-001, §18 V1): a store holding an
 * adopted district edition (monitoring 5 days) and an active profile on it (home observation) answers with `--store`;
 * without it the same ids are unknown and the shipped editions still answer.
 */
describe('fangkong protocol with --store (issue 14 part 3)', () => {
  before(async () => {
    const deps = await openRuntime(loadConfig({ ...env }));
    try {
      const db = deps.database.db;
      const root = await findJurisdictionByCode(db, 'CN');
      assert.ok(root, 'the migrated store has its root jurisdiction');
      const file = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition);
      file.edition.id = 'wujin-2026';
      file.edition.name = '武进区防控方案（2026）';
      file.edition.effectiveFrom = '2026-11-01';
      const monitoring = file.edition.categories.close_contact?.phases[1];
      assert.ok(monitoring);
      monitoring.days = 5;
      const own = { jurisdictionId: root.id, jurisdictionPath: root.path, draftedAt: new Date(), status: 'approved' };
      await insertProtocolDocument(db, {
        ...own,
        kind: 'edition',
        key: 'wujin-2026',
        editionId: 'wujin-2026',
        name: file.edition.name,
        document: file,
      });
      const profile = homeObservationProfile('CN', 'wujin-home');
      profile.profile.editionId = 'wujin-2026';
      await insertProtocolDocument(db, {
        ...own,
        status: 'active',
        effectiveFrom: '2026-12-01',
        kind: 'profile',
        key: 'wujin-home',
        editionId: 'wujin-2026',
        name: profile.profile.name,
        document: profile,
      });
    } finally {
      await deps.database.close();
    }
  });

  it('without --store: the shipped editions answer and the district’s edition is unknown (no database read)', async () => {
    const shipped = await plan('--edition', 'cn-2022-9th');
    assert.equal(shipped.code, 0, shipped.stderr);
    assert.equal((JSON.parse(shipped.stdout) as Plan).phases[1]?.to, '2026-12-10');
    const unknown = await plan('--edition', 'wujin-2026');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /edition/);
  });

  it('with --store: the district’s edition and its profile give their plans; list names them', async () => {
    const edition = await plan('--edition', 'wujin-2026', '--store');
    assert.equal(edition.code, 0, edition.stderr);
    const byEdition = JSON.parse(edition.stdout) as Plan;
    assert.deepEqual([byEdition.edition, byEdition.phases[1]?.to], ['wujin-2026', '2026-12-12']);
    const profiled = await plan('--edition', 'wujin-2026', '--profile', 'wujin-home', '--store');
    assert.equal(profiled.code, 0, profiled.stderr);
    const byProfile = JSON.parse(profiled.stdout) as Plan;
    assert.deepEqual(
      [byProfile.profile, byProfile.phases.map((p) => [p.type, p.to])],
      [
        'wujin-home',
        [
          ['home_quarantine', '2026-12-07'],
          ['home_health_monitoring', '2026-12-10'],
        ],
      ],
    );
    const list = await fangkong('protocol', 'list', '--store', '--json');
    const editions = JSON.parse(list.stdout) as { id: string; profiles: { id: string }[] }[];
    assert.deepEqual(
      editions.map((e) => e.id),
      ['seed-2020', 'cn-2022-9th', 'wujin-2026'],
    );
    assert.deepEqual(
      editions[2]?.profiles.map((p) => p.id),
      ['wujin-home'],
    );
  });
});
