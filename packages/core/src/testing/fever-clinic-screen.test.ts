import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FEVER_CLINIC_ITEMS } from '../protocols/protocol-types.ts';
import { PROTOCOL_EDITIONS } from '../protocols/registry.ts';
import {
  closeFeverClinicVisit,
  type FeverClinicResults,
  feverClinicOutcomes,
  feverClinicRulesOf,
  isFeverClinicResult,
} from './fever-clinic-screen.ts';
import { rulesFor } from './testing-support.ts';

const rules = feverClinicRulesOf(rulesFor('seed-2020'));
const clear: FeverClinicResults = { nucleic_acid: 'negative', antibody: 'negative', ct: 'normal', blood_count: 'normal' };

// TEST-009, MED-003: every fever-clinic patient gets NAT, antibody, CT and blood count
describe('the fever-clinic four-item screen (seed 003 item 7, SC-53)', () => {
  it('every edition orders nucleic acid, antibody, CT and blood count, each with its clause', () => {
    for (const edition of PROTOCOL_EDITIONS) {
      if (!edition.testing) continue;
      const fever = feverClinicRulesOf(edition.testing);
      assert.deepEqual(
        fever.items.map((i) => i.item),
        [...FEVER_CLINIC_ITEMS],
      );
      assert.ok(fever.items.every((i) => i.basis.source && i.basis.says));
    }
  });

  it('the seed orders the four items from seed 003 item 7', () => {
    assert.ok(rules.items.every((i) => i.basis.source === 'seed 003' && i.basis.clause === 'item 7'));
  });

  it('the outcomes are symptomatic treatment, isolation observation as suspected and transfer as confirmed (KP-K03)', () => {
    assert.deepEqual(
      rules.dispositions.map((d) => [d.disposition, d.category]),
      [
        ['symptomatic_treatment', null],
        ['isolation_observation', 'suspected'],
        ['transfer', 'confirmed'],
      ],
    );
  });

  it('CT and blood count read normal or abnormal; nucleic acid and antibody negative, positive or indeterminate', () => {
    assert.ok(isFeverClinicResult('ct', 'abnormal'));
    assert.ok(!isFeverClinicResult('ct', 'positive'));
    assert.ok(isFeverClinicResult('nucleic_acid', 'indeterminate'));
    assert.ok(!isFeverClinicResult('blood_count', 'negative'));
  });
});

// TEST-009, MED-003: the visit closes only after the four-item screen, as one of the KP-K03 outcomes
describe('closing a fever-clinic visit (SC-53, KP-K03)', () => {
  it('a visit with an item still without a result cannot close, and says which items are missing', () => {
    const closing = closeFeverClinicVisit(rules, { nucleic_acid: 'negative', antibody: 'negative' }, 'symptomatic_treatment');
    assert.equal(closing.decision, false);
    assert.deepEqual(closing.problem, { field: 'items', code: 'screenIncomplete' });
    assert.deepEqual(closing.outcomes.missing, ['ct', 'blood_count']);
    assert.ok(closing.because.some((r) => r.rule === 'testing.feverClinic.item.ct' && r.clause === 'item 7'));
  });

  it('an ordinary patient with four clear results closes with symptomatic treatment', () => {
    const closing = closeFeverClinicVisit(rules, clear, 'symptomatic_treatment');
    assert.equal(closing.decision, true);
    assert.equal(closing.because[0]?.rule, 'testing.feverClinic.disposition.symptomatic_treatment');
    assert.equal(closing.because[0]?.source, 'seed 003');
  });

  it('four clear results may still be observed in isolation (the clinician may be more careful), never transferred as confirmed', () => {
    assert.deepEqual(feverClinicOutcomes(rules, clear).allowed, ['symptomatic_treatment', 'isolation_observation']);
    const closing = closeFeverClinicVisit(rules, clear, 'transfer');
    assert.deepEqual(closing.problem, { field: 'disposition', code: 'dispositionInconsistent' });
    assert.ok(closing.because.some((r) => r.rule === 'testing.feverClinic.confirmedNeedsNucleicAcid' && r.configured));
  });

  it('a positive nucleic acid test cannot close as symptomatic treatment', () => {
    const results: FeverClinicResults = { ...clear, nucleic_acid: 'positive' };
    const closing = closeFeverClinicVisit(rules, results, 'symptomatic_treatment');
    assert.deepEqual(closing.problem, { field: 'disposition', code: 'dispositionInconsistent' });
    assert.ok(closing.because.some((r) => r.rule === 'testing.feverClinic.nucleicAcidNotNegative' && r.clause === '§三(三)3'));
  });

  it('a positive nucleic acid test closes as isolation observation or as transfer (confirmed)', () => {
    const results: FeverClinicResults = { ...clear, nucleic_acid: 'positive' };
    assert.deepEqual(feverClinicOutcomes(rules, results).allowed, ['isolation_observation', 'transfer']);
    assert.equal(closeFeverClinicVisit(rules, results, 'transfer').decision, true);
  });

  it('each outcome the results allow comes with its clause; an outcome ruled out does not', () => {
    const rulesCited = feverClinicOutcomes(rules, { ...clear, nucleic_acid: 'positive' }).because.map((r) => r.rule);
    assert.ok(rulesCited.includes('testing.feverClinic.disposition.isolation_observation'));
    assert.ok(rulesCited.includes('testing.feverClinic.disposition.transfer'));
    assert.ok(!rulesCited.includes('testing.feverClinic.disposition.symptomatic_treatment'));
  });

  it('an indeterminate nucleic acid test is observed in isolation until retested', () => {
    assert.deepEqual(feverClinicOutcomes(rules, { ...clear, nucleic_acid: 'indeterminate' }).allowed, ['isolation_observation']);
  });

  it('a positive antibody test with a negative nucleic acid test is observed in isolation as suspected', () => {
    const outcomes = feverClinicOutcomes(rules, { ...clear, antibody: 'positive' });
    assert.deepEqual(outcomes.allowed, ['isolation_observation']);
    assert.ok(outcomes.because.some((r) => r.rule === 'testing.feverClinic.antibodyPositive'));
  });

  it('fever with abnormal CT and abnormal blood count is suspected; one of them alone is not', () => {
    assert.deepEqual(feverClinicOutcomes(rules, { ...clear, ct: 'abnormal', blood_count: 'abnormal' }).allowed, ['isolation_observation']);
    assert.deepEqual(feverClinicOutcomes(rules, { ...clear, ct: 'abnormal' }).allowed, ['symptomatic_treatment', 'isolation_observation']);
  });

  it('only the edition’s outcomes close a visit', () => {
    const narrow = { ...rules, dispositions: rules.dispositions.filter((d) => d.disposition !== 'isolation_observation') };
    const closing = closeFeverClinicVisit(narrow, clear, 'isolation_observation');
    assert.deepEqual(closing.problem, { field: 'disposition', code: 'dispositionNotAllowed' });
  });

  it('the 9th edition carries the screen over and orders the nucleic acid test under its own clause', () => {
    const ninth = feverClinicRulesOf(rulesFor('cn-2022-9th'));
    assert.equal(ninth.items[0]?.basis.source, 'national protocol 9th edition');
    assert.deepEqual(feverClinicOutcomes(ninth, { ...clear, nucleic_acid: 'positive' }).allowed, ['isolation_observation', 'transfer']);
  });
});
