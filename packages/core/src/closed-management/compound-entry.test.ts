import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { profileRuleChanges } from '../protocols/document/protocol-diff.ts';
import { exportProfile, readProtocolDocument } from '../protocols/document/protocol-document.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';
import { findEdition } from '../protocols/registry.ts';
import { compoundControlProblem, compoundEntryVerdict, type OutsiderAtGate } from './compound-entry.ts';
import {
  CAMPUS_GATE_ENTRY,
  type CompoundEntryRegime,
  compoundEntryInForce,
  ENTRY_CHECKS,
  NORMALIZED_LOW_RISK_ENTRY,
  WUHAN_FOUR_MUSTS_ENTRY,
} from './compound-entry-rules.ts';

const outsider = (over: Partial<OutsiderAtGate>): OutsiderAtGate => ({
  done: ENTRY_CHECKS,
  colour: 'green',
  temperatureTenths: 365,
  ...over,
});

describe('normalized low-risk community entry (COMM-013, ZONE-009, SC-42, seed 000 §三(二)7)', () => {
  it('SC-42: an outsider with a green code and normal temperature is allowed after registration', () => {
    const registered = compoundEntryVerdict(
      NORMALIZED_LOW_RISK_ENTRY,
      outsider({ done: ['code_scanned', 'temperature_taken', 'registered'] }),
    );
    assert.deepEqual([registered.allowed, registered.because[0]?.clause], [true, '§三(二)7']);
    const unregistered = compoundEntryVerdict(NORMALIZED_LOW_RISK_ENTRY, outsider({ done: ['code_scanned', 'temperature_taken'] }));
    assert.deepEqual([unregistered.allowed, unregistered.missing], [false, ['registered']]);
  });
  it('SC-42: no hard isolation (nor physical isolation, nor closed management) may be configured for the community', () => {
    assert.equal(compoundControlProblem(NORMALIZED_LOW_RISK_ENTRY, 'hard_isolation')?.rule, 'entry.controlForbidden');
    assert.notEqual(compoundControlProblem(NORMALIZED_LOW_RISK_ENTRY, 'physical_isolation'), null);
    assert.notEqual(compoundControlProblem(NORMALIZED_LOW_RISK_ENTRY, 'closed_management'), null);
    assert.equal(compoundControlProblem(WUHAN_FOUR_MUSTS_ENTRY, 'hard_isolation'), null);
  });
  it('COMM-013: a yellow code or a fever keeps the outsider out even when registered', () => {
    assert.equal(compoundEntryVerdict(NORMALIZED_LOW_RISK_ENTRY, outsider({ colour: 'yellow' })).because[0]?.rule, 'entry.colour');
    assert.equal(compoundEntryVerdict(NORMALIZED_LOW_RISK_ENTRY, outsider({ temperatureTenths: 373 })).because[0]?.rule, 'entry.fever');
  });
});

describe('Wuhan four musts (COMM-013, SC-43, seed 003 item 5)', () => {
  it('SC-43: code scanned, temperature, mask and the stranger’s details recorded: entry allowed', () => {
    assert.equal(compoundEntryVerdict(WUHAN_FOUR_MUSTS_ENTRY, outsider({})).allowed, true);
  });
  it('SC-43: any one of the four missing denies entry and names it', () => {
    for (const check of ENTRY_CHECKS) {
      const verdict = compoundEntryVerdict(WUHAN_FOUR_MUSTS_ENTRY, outsider({ done: ENTRY_CHECKS.filter((c) => c !== check) }));
      assert.deepEqual([verdict.allowed, verdict.missing, verdict.because[0]?.rule], [false, [check], 'entry.missingCheck'], check);
    }
  });
  it('SC-43: without a mask the low-risk rule would let in, the Wuhan rule does not', () => {
    const unmasked = outsider({ done: ['code_scanned', 'temperature_taken', 'registered'] });
    assert.equal(compoundEntryVerdict(NORMALIZED_LOW_RISK_ENTRY, unmasked).allowed, true);
    assert.equal(compoundEntryVerdict(WUHAN_FOUR_MUSTS_ENTRY, unmasked).allowed, false);
  });
});

describe('campus gate (SCH-003, SC-50, seed 000 §三(二)3)', () => {
  const student = (colour: 'green' | 'yellow' | 'red', temperatureTenths: number) =>
    compoundEntryVerdict(CAMPUS_GATE_ENTRY, { done: ['code_scanned', 'temperature_taken'], colour, temperatureTenths });
  it('SC-50: a student at 36.6 °C with a non-green code is denied', () => {
    assert.deepEqual([student('yellow', 366).allowed, student('yellow', 366).because[0]?.rule], [false, 'entry.colour']);
    assert.equal(student('red', 366).allowed, false);
  });
  it('SC-50: with a green code and a normal temperature the student enters; a fever (configured 37.3 °C) does not', () => {
    assert.deepEqual([student('green', 366).allowed, student('green', 366).because[0]?.clause], [true, '§三(二)3']);
    assert.equal(student('green', 373).allowed, false);
  });
});

describe('the entry regime as profile data (RULES-001, §18, SC-42 / SC-43)', () => {
  const basis = { source: '武汉市防控指挥部', clause: 'seed 003 item 5', says: 'Compounds run the four musts' };
  const profile = (regime: string): unknown =>
    exportProfile({
      id: 'wuhan-four-musts',
      name: '四必须',
      jurisdictionCode: '4201',
      editionId: 'cn-2022-9th',
      basis,
      overrides: {},
      compoundEntry: { regime: regime as CompoundEntryRegime, basis },
    });
  const issuesOf = (value: unknown) => {
    const reading = readProtocolDocument(value);
    return reading.ok ? [] : reading.issues.map((i) => `${i.path}: ${i.reason}`);
  };

  it('SC-43: a profile choosing the four musts runs them, with its own clause; without a choice, seed 000’s checks (SC-42)', () => {
    const chosen = readProtocolDocument(profile('seed-003/wuhan-four-musts'));
    assert.ok(chosen.ok && chosen.document.kind === 'profile');
    const inForce = compoundEntryInForce(chosen.document.profile);
    assert.deepEqual([inForce.rules.id, inForce.chosenBy?.source], ['seed-003/wuhan-four-musts', '武汉市防控指挥部']);
    assert.deepEqual(
      [compoundEntryInForce(undefined).rules.id, compoundEntryInForce(undefined).chosenBy],
      ['seed-000/normalized-low-risk', null],
    );
  });

  it('RULES-001: the preview of such a profile shows the regime it changes (SC-42 → SC-43) and the check it adds', () => {
    const chosen = readProtocolDocument(profile('seed-003/wuhan-four-musts'));
    assert.ok(chosen.ok && chosen.document.kind === 'profile');
    const [group] = profileRuleChanges(findEdition('cn-2022-9th') as ProtocolEdition, chosen.document.profile);
    assert.equal(group?.section, 'compoundEntry');
    assert.deepEqual(group?.changes[0], {
      path: 'compoundEntry.regime',
      change: 'changed',
      before: 'seed-000/normalized-low-risk',
      after: 'seed-003/wuhan-four-musts',
    });
    assert.ok(group?.changes.some((c) => c.before === 'registered' || c.after === 'masked'));
  });

  it('issue 14 "Bad input": an unknown regime, a choice without its clause or with an unknown field is refused by its path', () => {
    assert.deepEqual(issuesOf(profile('seed-001/strict')), ['profile.compoundEntry.regime: unknownValue']);
    const bad = JSON.parse(JSON.stringify(profile('seed-003/wuhan-four-musts')));
    bad.profile.compoundEntry = { regime: 'seed-003/wuhan-four-musts', typo: 1 };
    assert.deepEqual(issuesOf(bad), ['profile.compoundEntry.typo: unknownField', 'profile.compoundEntry.basis: required']);
  });
});
