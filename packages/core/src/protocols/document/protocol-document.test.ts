import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planEpisode } from '../../key-persons/episode-plan.ts';
import { LOCAL_PROFILES } from '../local-profiles.ts';
import { KEY_PERSON_CATEGORIES, type LocalProfile, type ProtocolEdition } from '../protocol-types.ts';
import { categoryRule, findEdition, PROTOCOL_EDITIONS } from '../registry.ts';
import { diffDocuments, profileRuleChanges } from './protocol-diff.ts';
import { exportEdition, exportProfile, PROTOCOL_DOCUMENT_FORMAT, readProtocolDocument } from './protocol-document.ts';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const START = '2022-07-01';

function readBack(text: string) {
  const reading = readProtocolDocument(JSON.parse(text));
  assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.issues.slice(0, 5)));
  return reading.document;
}

const issuesOf = (value: unknown) => {
  const reading = readProtocolDocument(value);
  return reading.ok ? [] : reading.issues;
};

const homeProfile = (): LocalProfile => ({
  id: 'hutang-home-2026',
  name: '湖塘镇：密接居家隔离医学观察',
  jurisdictionCode: '320412100',
  editionId: 'cn-2022-9th',
  basis: { source: 'seed 004', clause: 'Part B §二(二)6', says: 'Home medical observation, living alone' },
  overrides: {
    close_contact: {
      phases: [
        { type: 'home_quarantine', days: 7, basis: { source: 'seed 004', clause: 'Part B §二(二)6', says: 'Home medical observation' } },
        {
          type: 'home_health_monitoring',
          days: 3,
          basis: { source: 'cn-2022-9th', clause: '密切接触者', says: '3 days home health monitoring' },
        },
      ],
    },
  },
});

// RULES-001 (policy parameters in dated, configurable editions with their source), issue 14 part 3 Tests:
// "a protocol round trip (the shipped editions exported and re-imported give the same plans for every category)".
describe('protocol documents: the round trip of the shipped editions', () => {
  for (const edition of PROTOCOL_EDITIONS) {
    it(`RULES-001 KP-000: ${edition.id} exported and read back is the same edition and gives the same plan for every category`, () => {
      const document = readBack(JSON.stringify(exportEdition(edition)));
      assert.equal(document.kind, 'edition');
      const back = (document as { edition: ProtocolEdition }).edition;
      assert.deepEqual(back, clone(edition));
      let planned = 0;
      for (const category of KEY_PERSON_CATEGORIES) {
        const rule = categoryRule(edition, category);
        const rebuilt = categoryRule(back, category);
        assert.equal(Boolean(rebuilt), Boolean(rule), category);
        if (!rule || !rebuilt) continue;
        assert.deepEqual(planEpisode(back, rebuilt, START), planEpisode(edition, rule, START), `${edition.id} ${category}`);
        planned++;
      }
      assert.equal(planned, Object.keys(edition.categories).length);
    });
  }

  it('RULES-001 §18 V1 V9: every shipped local profile exported and read back gives the same plans under its edition', () => {
    for (const profile of LOCAL_PROFILES) {
      const document = readBack(JSON.stringify(exportProfile(profile)));
      const back = (document as { profile: LocalProfile }).profile;
      assert.deepEqual(back, clone(profile));
      const edition = findEdition(profile.editionId) as ProtocolEdition;
      for (const category of KEY_PERSON_CATEGORIES) {
        const rule = categoryRule(edition, category, profile);
        const rebuilt = categoryRule(edition, category, back);
        if (!rule || !rebuilt) continue;
        assert.deepEqual(
          planEpisode(edition, rebuilt, START, back),
          planEpisode(edition, rule, START, profile),
          `${profile.id} ${category}`,
        );
      }
    }
  });
});

// Issue 14 "Bad input": a protocol file that fails the schema or contradicts itself gives the protocol path and the reason.
describe('protocol documents: the validator names the path and the reason', () => {
  it('RULES-001: an edition that ends before it starts', () => {
    const document = exportEdition(PROTOCOL_EDITIONS[0] as ProtocolEdition);
    document.edition.effectiveTo = '2019-01-01';
    assert.deepEqual(issuesOf(document), [{ path: 'edition.effectiveTo', reason: 'endBeforeStart' }]);
  });

  it('KP-D01: a test outside its phase, and a test in a phase that does not exist', () => {
    const document = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition);
    const rule = document.edition.categories.close_contact;
    assert.ok(rule?.tests[0] && rule.tests[1]);
    rule.tests[0].day = 8;
    rule.tests[1].phase = 9;
    assert.deepEqual(issuesOf(document), [
      { path: 'edition.categories.close_contact.tests[0].day', reason: 'testOutsidePhase' },
      { path: 'edition.categories.close_contact.tests[1].phase', reason: 'unknownPhase' },
    ]);
  });

  it('RULES-001: a value without its clause, a wrong type, a typo and an unknown value are each named', () => {
    const document = clone(exportEdition(findEdition('seed-2020') as ProtocolEdition)) as unknown as {
      edition: { categories: Record<string, Record<string, unknown> & { phases: Record<string, unknown>[] }> };
    };
    const rule = document.edition.categories.close_contact as Record<string, unknown> & { phases: Record<string, unknown>[] };
    delete rule.phases[0]?.basis;
    (rule.phases[1] as Record<string, unknown>).days = '7';
    rule.countsFrom = 'yesterday';
    rule.phaes = [];
    assert.deepEqual(
      issuesOf(document).map((i) => `${i.path} ${i.reason}`),
      [
        'edition.categories.close_contact.phaes unknownField',
        'edition.categories.close_contact.countsFrom unknownValue',
        'edition.categories.close_contact.phases[0].basis required',
        'edition.categories.close_contact.phases[1].days notANumber',
      ],
    );
  });

  it('a document of another format or kind is refused before anything else', () => {
    assert.deepEqual(issuesOf({ format: 'x', kind: 'rules' }), [
      { path: 'format', reason: 'unknownFormat' },
      { path: 'kind', reason: 'unknownValue' },
    ]);
    assert.deepEqual(issuesOf([]), [{ path: '$', reason: 'notAnObject' }]);
  });

  it('§18 V1: a profile must name a known edition, a category the edition has and a jurisdiction code', () => {
    const profile = homeProfile() as unknown as Record<string, unknown>;
    profile.editionId = 'cn-2099';
    profile.jurisdictionCode = '湖塘镇';
    assert.deepEqual(issuesOf({ format: PROTOCOL_DOCUMENT_FORMAT, kind: 'profile', profile }), [
      { path: 'profile.jurisdictionCode', reason: 'invalidJurisdictionCode' },
      { path: 'profile.editionId', reason: 'unknownEdition' },
    ]);
  });

  it('§18 V1 KP-D01: a profile that shortens the phases must not leave the edition’s tests outside them', () => {
    const profile = homeProfile();
    const phases = profile.overrides.close_contact?.phases;
    assert.ok(phases?.[0]);
    phases[0].days = 5; // the 9th edition tests on quarantine day 7
    assert.deepEqual(issuesOf(exportProfile(profile)), [
      { path: 'profile.overrides.close_contact.tests[4].day', reason: 'testOutsidePhase' },
    ]);
    assert.deepEqual(issuesOf(exportProfile(homeProfile())), []);
  });
});

describe('protocol documents: the diff', () => {
  it('RULES-001: the diff between two editions names each changed value with before and after', () => {
    const before = exportEdition(findEdition('cn-2022-9th') as ProtocolEdition);
    const after = clone(before);
    const rule = after.edition.categories.secondary_contact;
    assert.ok(rule?.phases[0]);
    rule.phases[0].days = 5;
    after.edition.name = '第十版';
    assert.deepEqual(
      diffDocuments(before, after).map(({ path, change, before: b, after: a }) => [path, change, b, a]),
      [
        ['edition.name', 'changed', before.edition.name, '第十版'],
        ['edition.categories.secondary_contact.phases[0].days', 'changed', 7, 5],
      ],
    );
    assert.deepEqual(diffDocuments(before, clone(before)), []);
  });

  it('§18 V1: a profile changes the close contacts’ rule of its edition: the phases, nothing else', () => {
    const changes = profileRuleChanges(findEdition('cn-2022-9th') as ProtocolEdition, homeProfile());
    assert.deepEqual(
      changes.map((c) => c.category),
      ['close_contact'],
    );
    assert.ok(changes[0]?.changes.every((c) => c.path.startsWith('phases[')));
    assert.ok(changes[0]?.changes.some((c) => c.path === 'phases[0].type' && c.after === 'home_quarantine'));
  });
});
