import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { chainGenerations, type ResponseCase } from './case-facts.ts';
import { type LevelSuggestionInputs, suggestLevel } from './suggest-level.ts';
import { localCase, shanghai } from './test-support.ts';

const NOW = shanghai('2020-11-20', '12:00');
const inputs = (cases: ResponseCase[], more: Partial<LevelSuggestionInputs> = {}): LevelSuggestionInputs => ({
  cases,
  importRiskOngoing: false,
  capacityInsufficient: null,
  ...more,
});
const suggest = (cases: ResponseCase[], more: Partial<LevelSuggestionInputs> = {}) => suggestLevel(inputs(cases, more), NOW, SEED_2020);
const rules = (s: ReturnType<typeof suggest>) => s.because.map((r) => r.rule);
const clauses = (s: ReturnType<typeof suggest>) => s.because.map((r) => `${r.source} ${r.clause}`);

/** A community where a chain of local cases runs `generations` deep, all in one cluster. */
const chain = (generations: number, town = '320412001') =>
  Array.from({ length: generations }, (_, i) =>
    localCase(`g${i + 1}`, '2020-11-15', { clusterId: 'c1', generation: i + 1, sourceKnown: true, townCode: town }),
  );

describe('suggestLevel: the facts that suggest a level, never applied (seed 002 §四, LVL-001)', () => {
  it('no case and no import risk: no level suggested, and the reason says why', () => {
    const s = suggest([]);
    assert.equal(s.level, null);
    assert.deepEqual(rules(s), ['response.noTrigger']);
    assert.equal(s.applied, false);
  });

  it('LVL-001 level IV (item 1): a sporadic local case in the last 14 days suggests IV, citing §四(一)1', () => {
    const s = suggest([localCase('a', '2020-11-18')]);
    assert.equal(s.level, 'IV');
    assert.equal(s.outbreakType, 'sporadic');
    assert.deepEqual(clauses(s)[0], 'seed 002 §四(一)1');
    assert.deepEqual(s.facts.localCases, ['a']);
  });

  it('LVL-001 level IV: imported cases alone, or an import risk the command records, suggest IV for the import risk', () => {
    const imported = suggest([localCase('i', '2020-11-18', { imported: true })]);
    assert.equal(imported.level, 'IV');
    assert.ok(rules(imported).includes('response.indicator.importRisk'));
    assert.deepEqual(imported.facts.localCases, []);
    assert.equal(suggest([], { importRiskOngoing: true }).level, 'IV');
  });

  it('cases outside the window (reported more than 14 days ago), excluded or suspected cases do not count', () => {
    assert.equal(suggest([localCase('old', '2020-11-06')]).level, null);
    assert.equal(suggest([localCase('edge', '2020-11-07')]).level, 'IV');
    assert.equal(suggest([localCase('s', '2020-11-18', { classification: 'suspected' })]).level, null);
    assert.equal(suggest([localCase('x', '2020-11-18', { classification: 'excluded' })]).level, null);
    assert.equal(suggest([localCase('asy', '2020-11-18', { classification: 'asymptomatic' })]).level, 'IV');
  });

  it('LVL-001 level III: a local cluster (聚集性疫情, as the tracing rule found it) suggests III, citing §四(二)1', () => {
    const s = suggest(chain(2));
    assert.equal(s.level, 'III');
    assert.equal(s.outbreakType, 'cluster');
    assert.deepEqual(clauses(s)[0], 'seed 002 §四(二)1');
    assert.deepEqual(s.facts.clusters, ['c1']);
  });

  it('LVL-001 level II: two local cases without a known source are community transmission (configured count)', () => {
    const s = suggest([localCase('u1', '2020-11-16', { sourceKnown: false }), localCase('u2', '2020-11-17', { sourceKnown: false })]);
    assert.equal(s.level, 'II');
    assert.equal(s.outbreakType, 'community_transmission');
    assert.ok(rules(s).includes('response.indicator.unknownSource'));
    assert.ok(s.because.some((r) => r.rule === 'response.indicator.unknownSource' && r.configured === true));
    assert.equal(suggest([localCase('u1', '2020-11-16', { sourceKnown: false })]).level, 'IV');
    const importedUnknown = localCase('u3', '2020-11-17', { sourceKnown: false, imported: true });
    assert.equal(suggest([localCase('u1', '2020-11-16', { sourceKnown: false }), importedUnknown]).level, 'IV');
  });

  it('LVL-001 level II: a local chain of three generations is community transmission', () => {
    const s = suggest(chain(3));
    assert.equal(s.level, 'II');
    assert.ok(rules(s).includes('response.indicator.generations'));
    assert.equal(s.facts.longestChain, 3);
  });

  it('LVL-001 level I: community transmission in three towns with capacity seriously short suggests I, citing §四(四)1', () => {
    const spread = [
      ...chain(3, '320412001'),
      localCase('t2', '2020-11-18', { townCode: '320412002' }),
      localCase('t3', '2020-11-19', { townCode: '320412003' }),
    ];
    const s = suggest(spread, { capacityInsufficient: true });
    assert.equal(s.level, 'I');
    assert.equal(s.outbreakType, 'severe_outbreak');
    assert.deepEqual(clauses(s)[0], 'seed 002 §四(四)1');
    assert.ok(rules(s).includes('response.indicator.capacityInsufficient'));
  });

  it('level I needs both (且): without a capacity assessment, or with capacity enough, the suggestion stays II and says why', () => {
    const spread = [
      ...chain(3, '320412001'),
      localCase('t2', '2020-11-18', { townCode: '320412002' }),
      localCase('t3', '2020-11-19', { townCode: '320412003' }),
    ];
    const unassessed = suggest(spread);
    assert.equal(unassessed.level, 'II');
    assert.ok(rules(unassessed).includes('response.notLevelI.capacityNotAssessed'));
    const enough = suggest(spread, { capacityInsufficient: false });
    assert.equal(enough.level, 'II');
    assert.ok(rules(enough).includes('response.notLevelI.capacitySufficient'));
    assert.equal(suggest(chain(3), { capacityInsufficient: true }).level, 'II');
  });

  it('SC-28 / LVL-013: severe community transmission with no response active suggests level I directly', () => {
    const spread = [
      ...chain(4, '320412001'),
      localCase('t2', '2020-11-18', { townCode: '320412002' }),
      localCase('t3', '2020-11-19', { townCode: '320412003' }),
    ];
    assert.equal(suggestLevel(inputs(spread, { capacityInsufficient: true }), NOW, SEED_2020).level, 'I');
  });

  it('the window is one maximum incubation period of the edition, and every reason names its clause', () => {
    const s = suggest([localCase('a', '2020-11-18')]);
    assert.deepEqual(s.facts.window, { from: '2020-11-07', to: '2020-11-20' });
    for (const reason of s.because) assert.ok(reason.source && reason.clause && reason.says, reason.rule);
    const ninth: ProtocolEdition = CN_2022_9TH;
    assert.equal(suggestLevel(inputs([localCase('a', '2022-07-10')]), shanghai('2022-07-20'), ninth).level, 'IV');
  });

  it('an edition without response rules is refused on editionId', () => {
    const bare: ProtocolEdition = { ...SEED_2020, response: undefined };
    assert.throws(() => suggestLevel(inputs([]), NOW, bare), { code: 'noResponseRules', field: 'editionId' });
  });
});

describe('chainGenerations: the generation of each case from the transmission links (input to LVL-001 level II)', () => {
  const link = (fromCaseId: string, toCaseId: string) => ({ fromCaseId, toCaseId });

  it('index → second → third generation; a case with two infectors takes the deeper one', () => {
    const generations = chainGenerations(['a', 'b', 'c', 'd', 'e'], [link('a', 'b'), link('b', 'c'), link('a', 'd'), link('c', 'd')]);
    assert.deepEqual(
      [...generations],
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
        ['e', 1],
      ],
    );
  });

  it('a loop in the links (a data error) ends instead of running forever', () => {
    const generations = chainGenerations(['a', 'b'], [link('a', 'b'), link('b', 'a')]);
    assert.deepEqual([...generations.values()].sort(), [1, 2]);
  });

  it('generations computed from the links make a three-generation chain suggest level II', () => {
    const generations = chainGenerations(['a', 'b', 'c'], [link('a', 'b'), link('b', 'c')]);
    const cases = ['a', 'b', 'c'].map((id) => localCase(id, '2020-11-15', { clusterId: 'c1', generation: generations.get(id) ?? null }));
    assert.equal(suggest(cases).level, 'II');
  });
});
