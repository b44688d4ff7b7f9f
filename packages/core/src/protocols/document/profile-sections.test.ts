import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeRulesOf } from '../../codes/code-rules.ts';
import { choosePool } from '../../testing/pooling.ts';
import { testingRulesOf } from '../../testing/testing-rules.ts';
import type { LocalProfile, ProtocolEdition } from '../protocol-types.ts';
import { findEdition } from '../registry.ts';
import { profileRuleChanges } from './protocol-diff.ts';
import { exportProfile, readProtocolDocument } from './protocol-document.ts';

const NINTH = findEdition('cn-2022-9th') as ProtocolEdition;
const basis = { source: '湖塘镇防控指挥部', clause: '湖防指〔2026〕3号', says: 'the town’s own rule' };

const profile = (): LocalProfile => ({
  id: 'hutang-pools',
  name: '湖塘镇：混采5:1',
  jurisdictionCode: '320412100',
  editionId: 'cn-2022-9th',
  basis,
  overrides: {},
  testing: { pooling: [{ zoneType: 'general', sizes: [5, 1], household: false, basis }] },
  codes: [{ kind: 'residentOfControlZone', zoneTypes: ['sealed_zone', 'controlled_zone'], colour: 'red', basis }],
});

const issuesOf = (value: unknown) => {
  const reading = readProtocolDocument(value);
  return reading.ok ? [] : reading.issues.map((i) => `${i.path}: ${i.reason}`);
};

/**
 * Issue 14 part 3 (RULES-001: every parameter per jurisdiction and profile, with its source): a local profile may set
 * its own pool sizes per zone type (TEST-005, §18 V22) and its own colour rules (CODE-, ZONE-008); the edition's other
 * rules stay. The document checker knows both sections field by field.
 */
describe('a profile’s pool sizes and colour rules (issue 14 part 3)', () => {
  it('TEST-005: the profile’s pooling replaces the edition’s rule for its zone type only', () => {
    const rules = testingRulesOf(NINTH, profile());
    assert.deepEqual(choosePool(rules, 'general').allowed, [5, 1]);
    assert.deepEqual(choosePool(rules, 'controlled_zone').allowed, [10, 5, 1]);
    assert.equal(choosePool(rules, 'general', { size: 10 }).decision, 'refused');
    assert.deepEqual(choosePool(testingRulesOf(NINTH), 'general').allowed, [10, 20, 5, 1]);
    // a profile of another edition changes nothing
    assert.deepEqual(choosePool(testingRulesOf(NINTH, { ...profile(), editionId: 'seed-2020' }), 'general').allowed, [10, 20, 5, 1]);
  });

  it('ZONE-008: the profile’s colour rules replace the edition’s rules of that kind; the version names the profile', () => {
    const rules = codeRulesOf(NINTH, profile());
    assert.equal(rules?.version, 'cn-2022-9th/codes-1+hutang-pools');
    const zoneRules = rules?.rules.filter((r) => r.kind === 'residentOfControlZone') ?? [];
    assert.deepEqual(
      zoneRules.map((r) => r.colour),
      ['red'],
    );
    assert.equal(rules?.rules.filter((r) => r.kind === 'caseCategory').length, 1, 'other kinds stay');
    assert.equal(codeRulesOf(NINTH)?.version, 'cn-2022-9th/codes-1');
  });

  it('an imported edition without colour rules of its own runs those of the shipped edition it follows', () => {
    const tenth: ProtocolEdition = { ...NINTH, id: 'cn-2023-10th', effectiveFrom: '2023-01-08' };
    assert.equal(codeRulesOf(tenth)?.version, 'cn-2023-10th/cn-2022-9th/codes-1');
    assert.equal(codeRulesOf(tenth)?.editionId, 'cn-2023-10th');
  });

  it('RULES-001: the preview shows the pool sizes and colour rules the profile changes, value by value', () => {
    const groups = profileRuleChanges(NINTH, profile());
    const pools = groups.find((g) => g.section === 'testing');
    assert.deepEqual(
      pools?.changes.filter((c) => c.path.includes('sizes')).map((c) => [c.path, c.before, c.after]),
      [
        ['testing.pooling.general.sizes[0]', 10, 5],
        ['testing.pooling.general.sizes[1]', 20, 1],
        ['testing.pooling.general.sizes[2]', 5, undefined],
        ['testing.pooling.general.sizes[3]', 1, undefined],
      ],
    );
    assert.ok(groups.some((g) => g.section === 'codes' && g.changes.length > 0));
  });

  it('issue 14 "Bad input": unknown fields, a zone type twice, a pool of 0, an unknown colour or kind, a rule without its clause', () => {
    assert.deepEqual(issuesOf(exportProfile(profile())), []);
    const bad = JSON.parse(JSON.stringify(exportProfile(profile())));
    bad.profile.testing.pooling.push({ zoneType: 'general', sizes: [0], household: false, basis, typo: 1 });
    bad.profile.codes.push({ kind: 'residentOfControlZone', zoneTypes: ['moon'], colour: 'blue' });
    bad.profile.codes.push({ kind: 'nope', colour: 'red', basis });
    assert.deepEqual(issuesOf(bad), [
      'profile.testing.pooling[1].typo: unknownField',
      'profile.testing.pooling[1].zoneType: duplicateZoneType',
      'profile.testing.pooling[1].sizes[0]: notPositive',
      'profile.codes[1].colour: unknownValue',
      'profile.codes[1].basis: required',
      'profile.codes[1].zoneTypes[0]: unknownValue',
      'profile.codes[2].kind: unknownValue',
    ]);
  });
});
