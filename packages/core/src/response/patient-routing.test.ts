import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RESPONSE_ROUTING_SEED_002 as RULES } from '../protocols/response-routing-seed-002.ts';
import { activeSearchList, type SymptomReport, searchedSymptomsOf } from './active-search.ts';
import { patientRouting, routedPatientOf, vehicleEntryAllowed } from './patient-routing.ts';

describe('patient routing by level and severity (seed 002 §九)', () => {
  it('SC-18 (LVL-II-01): at Level II a severe case routes to the municipal designated hospital, a mild one to the district', () => {
    const severe = patientRouting(RULES, 'II', 'severe');
    assert.deepEqual([severe?.target, severe?.because[0]?.clause], ['municipal_designated_hospital', '§九(三)1']);
    assert.equal(patientRouting(RULES, 'II', 'mild')?.target, 'district_designated_hospital');
    assert.equal(patientRouting(RULES, 'II', 'asymptomatic')?.target, 'district_designated_hospital');
  });
  it('LVL-II-01: severity routing is a Level II measure: at Level III no rule names a mild case; at Level I it holds', () => {
    assert.equal(patientRouting(RULES, 'III', 'mild'), null);
    assert.equal(patientRouting(RULES, 'I', 'severe')?.target, 'municipal_designated_hospital');
  });
  it('seed 002 §九(一)3: a suspected case is referred to the municipal designated hospital from Level IV up; no response, no rule', () => {
    assert.deepEqual(patientRouting(RULES, 'IV', 'suspected')?.because[0]?.clause, '§九(一)3');
    assert.equal(patientRouting(RULES, 'IV', 'suspected')?.target, 'municipal_designated_hospital');
    assert.equal(patientRouting(RULES, 'II', 'suspected')?.target, 'municipal_designated_hospital');
    assert.equal(patientRouting(RULES, null, 'suspected'), null);
  });
});

describe('the patient routing sees a case as (SC-18, seed 002 §九(三)1)', () => {
  it('SC-18: severe and critical confirmed cases are severe, other confirmed cases mild; suspected and asymptomatic as they are', () => {
    assert.deepEqual(
      (['mild', 'moderate', 'severe', 'critical', null] as const).map((t) => routedPatientOf('confirmed', t)),
      ['mild', 'mild', 'severe', 'severe', 'mild'],
    );
    assert.deepEqual([routedPatientOf('suspected', null), routedPatientOf('asymptomatic', null)], ['suspected', 'asymptomatic']);
    assert.equal(routedPatientOf('excluded', 'severe'), null);
  });
});

describe('Level I full closure (LVL-I-01, TRN-004, SC-34, seed 002 §九(四)1)', () => {
  it('SC-34: at Level I a vehicle carrying neither living nor protective supplies is denied; a supply vehicle is allowed', () => {
    const denied = vehicleEntryAllowed(RULES, 'I', 'private');
    assert.deepEqual([denied.allowed, denied.because[0]?.rule, denied.because[0]?.clause], [false, 'closure.vehicleDenied', '§九(四)1']);
    assert.equal(vehicleEntryAllowed(RULES, 'I', 'freight').allowed, false);
    assert.equal(vehicleEntryAllowed(RULES, 'I', 'living_supplies').allowed, true);
    assert.equal(vehicleEntryAllowed(RULES, 'I', 'protective_supplies').allowed, true);
  });
  it('below Level I the closure does not stand: the same vehicle enters', () => {
    assert.equal(vehicleEntryAllowed(RULES, 'II', 'private').allowed, true);
    assert.equal(vehicleEntryAllowed(RULES, null, 'private').allowed, true);
  });
});

describe('active symptom search in a control area (LVL-IV-08, ZONE-007, SC-24, seed 002 §九(一)8)', () => {
  const DAY = '2020-03-20';
  const reports: SymptomReport[] = [
    { personId: 'a', reportedOn: '2020-03-18', symptoms: ['fever'] },
    { personId: 'b', reportedOn: '2020-03-10', symptoms: ['respiratory'] },
    { personId: 'c', reportedOn: '2020-03-06', symptoms: ['gastrointestinal'] },
    { personId: 'd', reportedOn: '2020-03-05', symptoms: ['fever'] },
    { personId: 'a', reportedOn: '2020-03-12', symptoms: ['fever'] },
  ];
  it('SC-24: lists every resident who reported fever, respiratory or GI symptoms within the last 14 days, each once', () => {
    const listed = activeSearchList(RULES, reports, DAY);
    assert.deepEqual(
      listed.map((r) => [r.personId, r.reportedOn]),
      [
        ['a', '2020-03-18'],
        ['b', '2020-03-10'],
        ['c', '2020-03-06'],
      ],
    );
  });
  it('SC-24: a report 15 days before the delineation, or after it, is not listed', () => {
    assert.deepEqual(activeSearchList(RULES, [{ personId: 'd', reportedOn: '2020-03-05', symptoms: ['fever'] }], DAY), []);
    assert.deepEqual(activeSearchList(RULES, [{ personId: 'e', reportedOn: '2020-03-21', symptoms: ['fever'] }], DAY), []);
  });
});

describe('symptom words as the active search reads them (SC-24, seed 002 §九(一)8)', () => {
  it('SC-24: fever, respiratory and digestive words fall in their classes; other words in none', () => {
    assert.deepEqual(searchedSymptomsOf(['发热', '咳嗽']), ['fever', 'respiratory']);
    assert.deepEqual(searchedSymptomsOf(['腹泻']), ['gastrointestinal']);
    assert.deepEqual(searchedSymptomsOf(['头痛']), []);
  });
});
