import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEY_PERSON_CATEGORIES } from './protocol-types.ts';
import { categoryRule, editionInForce, findEdition, PROTOCOL_EDITIONS, profileFor } from './registry.ts';

// RULES-001: policy parameters live in dated, configurable protocol editions
describe('protocol editions', () => {
  it('editions switch by effective date: 2020 rules until 2022-06-27, the 9th edition from 2022-06-28', () => {
    assert.equal(editionInForce('2020-03-01')?.id, 'seed-2020');
    assert.equal(editionInForce('2022-06-27')?.id, 'seed-2020');
    assert.equal(editionInForce('2022-06-28')?.id, 'cn-2022-9th');
    assert.equal(editionInForce('2019-12-01'), undefined);
  });

  it('effective periods do not overlap', () => {
    const sorted = [...PROTOCOL_EDITIONS].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      assert.ok(previous?.effectiveTo && previous.effectiveTo < (sorted[i]?.effectiveFrom ?? ''));
    }
  });

  // KP-000: the seed edition has a rule for every key-person category
  it('the seed edition covers every key-person category of the glossary', () => {
    const edition = findEdition('seed-2020');
    for (const category of KEY_PERSON_CATEGORIES) assert.ok(edition?.categories[category], category);
  });

  it('every edition names its legal basis', () => {
    for (const edition of PROTOCOL_EDITIONS)
      assert.ok(edition.legalBasis.length > 0 && edition.legalBasis.every((b) => b.title && b.issued));
  });

  it('a profile applies to its jurisdiction subtree and only for its edition', () => {
    assert.equal(profileFor(['CN', '32', '3204', '320412', '320412001'], 'seed-2020')?.id, 'seed-004-home');
    assert.equal(profileFor(['CN', '32', '3204', '320412', '320412100'], 'seed-2020')?.id, 'seed-001-township');
    assert.equal(profileFor(['CN', '32', '3204', '320412', '320412001'], 'cn-2022-9th'), undefined);
    assert.equal(profileFor(['CN', '11'], 'seed-2020'), undefined);
  });

  // KP-D01: a local profile selects a seed variant (seed 004 home observation) without changing the edition
  it('a profile overrides a category without changing the edition itself', () => {
    const edition = findEdition('seed-2020');
    assert.ok(edition);
    const before = JSON.stringify(edition);
    const profile = profileFor(['320412001'], 'seed-2020');
    assert.equal(categoryRule(edition, 'close_contact', profile)?.phases[0]?.type, 'home_quarantine');
    assert.equal(categoryRule(edition, 'close_contact')?.phases[0]?.type, 'centralized_quarantine');
    assert.equal(JSON.stringify(edition), before);
  });
});
