import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clause } from '../protocols/clause.ts';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import type { LocalProfile, RetentionRules } from '../protocols/protocol-types.ts';
import { PROTOCOL_EDITIONS } from '../protocols/registry.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { generalisedBirthDate, type PersonRetentionFacts, personRetention, retentionCutoffs } from './retention-decision.ts';
import { retentionRulesAt, retentionRulesFor, retentionScopes, scanRetentionFloorDays } from './retention-rules.ts';

// Issue 12 "Hardening" (retention); CODE-009/011 (the data platforms hold key persons, results and scans):
// personal data is kept only as long as its purpose needs, with the period as protocol data.
const RULES = SEED_2020.retention as RetentionRules;
const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const NOW = at('2021-01-01');

const closedLongAgo: PersonRetentionFacts = {
  openRecords: [],
  residentAccount: false,
  lastClosedAt: at('2020-03-01'),
  lastUsedAt: at('2020-02-20'),
  lastDueDate: null,
};
const rulesOf = (facts: Partial<PersonRetentionFacts>) =>
  personRetention({ ...closedLongAgo, ...facts }, RULES, NOW).because.map((b) => b.rule);

describe('retention periods as protocol data', () => {
  it('the seeds are silent: scans 28 days and closed episodes 180 days, both marked configured', () => {
    assert.deepEqual([RULES.scans.days, RULES.scans.basis.configured], [28, true]);
    assert.deepEqual([RULES.closedEpisodes.days, RULES.closedEpisodes.basis.configured], [180, true]);
    assert.match(RULES.closedEpisodes.basis.says, /6 months/);
  });

  it('the 9th edition carries the periods over and rests the minimisation on the Personal Information Protection Law', () => {
    const ninth = CN_2022_9TH.retention as RetentionRules;
    assert.deepEqual([ninth.scans.days, ninth.closedEpisodes.days], [28, 180]);
    assert.match(ninth.minimisation.source, /个人信息保护法/);
  });

  it('an operator setting replaces a configured period and says so', () => {
    const rules = retentionRulesFor(CN_2022_9TH, undefined, { scanDays: 21 }) as RetentionRules;
    assert.deepEqual([rules.scans.days, rules.scans.basis.clause, rules.closedEpisodes.days], [21, 'FANGKONG_RETENTION_SCAN_DAYS', 180]);
  });

  it('scans are never kept shorter than the investigation look-back of any edition (14 days)', () => {
    assert.equal(scanRetentionFloorDays(PROTOCOL_EDITIONS), 14);
  });
});

describe('retention scopes: a district profile with its own period', () => {
  const city: LocalProfile = {
    id: 'test-city',
    name: 'test',
    jurisdictionCode: '3204',
    editionId: 'cn-2022-9th',
    basis: clause('test', '1', 'a stricter city rule'),
    overrides: {},
    retention: { scans: { days: 14, basis: clause('test', '2', 'scans kept 14 days') } },
  };
  const town: LocalProfile = { ...city, id: 'test-town', jurisdictionCode: '320412100', retention: undefined };
  const county: LocalProfile = {
    ...city,
    id: 'test-county',
    jurisdictionCode: '320412',
    retention: { scans: { days: 21, basis: city.basis } },
  };
  const ninth = (...paths: string[]) => paths.map((path) => ({ path, edition: CN_2022_9TH }));
  const scopes = retentionScopes(ninth('/', '/32/3204/', '/32/3204/320412/320412100/', '/32/3204/320412/'), [city, town, county], {
    scanDays: 30,
  });

  it('the most specific scope comes first and the general one (with the operator setting) last; a place that changes nothing adds none', () => {
    assert.deepEqual(
      scopes.map((s) => [s.pathPart, s.jurisdictionCode, s.rules?.scans.days]),
      [
        ['/32/3204/320412/', '320412', 21],
        ['/32/3204/', '3204', 14],
        ['/', null, 30],
      ],
    );
  });

  it('a path takes the nearest profile that sets a period; a profile without one does not hide its parent’s', () => {
    assert.equal(retentionRulesAt(scopes, '/32/3204/320412/320412100/320412100001/')?.scans.days, 21);
    assert.equal(retentionRulesAt(scopes, '/32/3204/320411/')?.scans.days, 14);
    assert.equal(retentionRulesAt(scopes, '/31/3101/')?.scans.days, 30);
  });

  it('a profile at the country root holds everywhere no deeper profile does', () => {
    const country: LocalProfile = { ...city, id: 'test-cn', jurisdictionCode: 'CN', retention: { scans: { days: 20, basis: city.basis } } };
    const all = retentionScopes(ninth('/', '/32/3204/'), [country, city]);
    assert.deepEqual(
      all.map((s) => [s.pathPart, s.rules?.scans.days]),
      [
        ['/32/3204/', 14],
        ['/', 20],
      ],
    );
    assert.equal(retentionRulesAt(all, '/31/')?.scans.days, 20);
  });

  it('a profile of another edition changes nothing', () => {
    const seed = retentionScopes(
      ['/', '/32/3204/'].map((path) => ({ path, edition: SEED_2020 })),
      [city],
    );
    assert.deepEqual(
      seed.map((s) => [s.pathPart, s.editionId]),
      [['/', 'seed-2020']],
    );
  });

  it('a town under its own edition takes that edition’s periods and its profiles, not the ones of the edition around it', () => {
    const own = {
      ...CN_2022_9TH,
      id: 'town-own',
      retention: { ...(CN_2022_9TH.retention as RetentionRules), scans: { days: 15, basis: city.basis } },
    };
    const mixed = retentionScopes([...ninth('/', '/32/3204/'), { path: '/32/3204/320412/', edition: own }], [city]);
    assert.deepEqual(
      mixed.map((s) => [s.pathPart, s.editionId, s.rules?.scans.days]),
      [
        ['/32/3204/320412/', 'town-own', 15],
        ['/32/3204/', 'cn-2022-9th', 14],
        ['/', 'cn-2022-9th', 28],
      ],
    );
  });

  it('where no edition sets retention nothing is due: the scope has no rules', () => {
    const silent = { ...CN_2022_9TH, id: 'silent', retention: undefined };
    const kept = retentionScopes([...ninth('/'), { path: '/32/', edition: silent }], []);
    assert.equal(retentionRulesAt(kept, '/32/3204/'), undefined);
    assert.equal(retentionRulesAt(kept, '/31/')?.scans.days, 28);
  });
});

describe('retention cut-offs (Asia/Shanghai days, no clock: now is passed in)', () => {
  it('a scan of 1 March is kept through 29 March and due on 30 March', () => {
    const scan = at('2020-03-01', '23:30');
    assert.ok(scan >= retentionCutoffs(RULES, at('2020-03-29', '23:59')).scansBefore);
    assert.ok(scan < retentionCutoffs(RULES, at('2020-03-30', '00:01')).scansBefore);
  });

  it('the closed-episode cut-off is 180 days before today', () => {
    assert.deepEqual(retentionCutoffs(RULES, NOW).closedBefore, new Date('2020-07-05T00:00:00+08:00'));
  });
});

describe('whether a person is anonymised', () => {
  it('closed long ago, nothing open, no account: anonymised, citing the period and the minimisation rule', () => {
    const verdict = personRetention(closedLongAgo, RULES, NOW);
    assert.deepEqual(
      [verdict.decision, verdict.because.map((b) => b.rule)],
      ['anonymise', ['retention.anonymise.periodOver', 'retention.anonymise.minimised']],
    );
  });

  it('an open episode or a case under investigation keeps the person, each open record named', () => {
    assert.deepEqual(rulesOf({ openRecords: ['episode', 'investigation'] }), [
      'retention.keep.open.episode',
      'retention.keep.open.investigation',
    ]);
  });

  it('a resident account keeps the person', () => {
    assert.deepEqual(rulesOf({ residentAccount: true }), ['retention.keep.residentAccount']);
  });

  it('a closure within the period keeps the person (closed 180 days ago, the last day kept)', () => {
    assert.deepEqual(rulesOf({ lastClosedAt: at('2020-07-05') }), ['retention.keep.closedRecently']);
  });

  it('closed 181 days ago: due', () => {
    assert.equal(personRetention({ ...closedLongAgo, lastClosedAt: at('2020-07-04', '23:00') }, RULES, NOW).decision, 'anonymise');
  });

  it('a recent scan or sample keeps the person: the record is in use', () => {
    assert.deepEqual(rulesOf({ lastUsedAt: at('2020-12-20') }), ['retention.keep.usedRecently']);
  });

  it('a discharged patient’s 6-month follow-up still due keeps the person (seed 000 §三(三)3)', () => {
    assert.deepEqual(rulesOf({ lastDueDate: '2021-01-10' }), ['retention.keep.followUpDue']);
  });

  it('a person never under management is not this rule’s business: the register keeps them', () => {
    assert.deepEqual(rulesOf({ lastClosedAt: null }), ['retention.keep.neverManaged']);
  });
});

describe('what anonymising keeps', () => {
  it('the birth year stays for age bands; month and day go', () => {
    assert.deepEqual([generalisedBirthDate('1970-08-17'), generalisedBirthDate(null)], ['1970-01-01', null]);
  });
});
