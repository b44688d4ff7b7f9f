import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import type { TracingRules } from '../protocols/protocol-types.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { type ClusterCase, detectClusters, mostInWindow } from './cluster-rule.ts';
import { coLocations, matchSpan, type PlaceScan } from './co-location.ts';
import { reasonText } from './contact-reason.ts';
import { exposureProblem, sourceCase } from './exposure-check.ts';
import { infectiousWindow } from './infectious-window.ts';
import { serialInterval } from './serial-interval.ts';
import { tracingRules } from './tracing-rules.ts';

const seed = tracingRules(SEED_2020);
const ninth = tracingRules(CN_2022_9TH);
const at = (local: string) => new Date(`${local}:00+08:00`);
const NOW = at('2020-11-20T12:00');

describe('infectious window (CASE-003, KP-D05)', () => {
  it('seed-2020: from 00:00 two days before onset until isolation', () => {
    const w = infectiousWindow({ onsetDate: '2020-11-15', isolatedAt: at('2020-11-16T09:30') }, seed, NOW);
    assert.deepEqual([w.from, w.to], [at('2020-11-13T00:00'), at('2020-11-16T09:30')]);
    assert.equal(w.because[0]?.rule, 'infectiousFromOnset');
  });

  it('asymptomatic: counted from the sampling date; 9th edition: four days', () => {
    const w = infectiousWindow({ sampledDate: '2022-07-10' }, ninth, at('2022-07-11T08:00'));
    assert.deepEqual([w.from, w.to], [at('2022-07-06T00:00'), at('2022-07-11T08:00')]);
    assert.equal(w.because[0]?.rule, 'infectiousFromSampling');
  });

  it('not isolated yet: the window runs until now; without onset or sampling it is refused', () => {
    assert.deepEqual(infectiousWindow({ onsetDate: '2020-11-19' }, seed, NOW).to, NOW);
    assert.throws(() => infectiousWindow({}, seed, NOW), { code: 'onsetOrSamplingNeeded', field: 'onsetDate' });
  });
});

describe('co-location (时空伴随, CASE-003; SC-26 close-contact management on the first case)', () => {
  const window = infectiousWindow({ onsetDate: '2020-11-15', isolatedAt: at('2020-11-16T20:00') }, seed, NOW);
  const market = 'market';
  const visit = { placeId: market, from: at('2020-11-14T10:00'), to: at('2020-11-14T10:20') };
  const scan = (personId: string, local: string, placeId = market): PlaceScan => ({ personId, placeId, at: at(local) });

  it('finds exactly those within 30 minutes either side; both boundary minutes are inclusive', () => {
    const scans = [
      scan('before-31', '2020-11-14T09:29'),
      scan('before-30', '2020-11-14T09:30'),
      scan('during', '2020-11-14T10:05'),
      scan('after-30', '2020-11-14T10:50'),
      scan('after-31', '2020-11-14T10:51'),
      scan('elsewhere', '2020-11-14T10:05', 'school'),
      scan('case', '2020-11-14T10:00'),
    ];
    const found = coLocations('case', [visit], scans, window, seed).map((c) => c.personId);
    assert.deepEqual(found.sort(), ['after-30', 'before-30', 'during']);
  });

  it('a visit before the window does not count; one across its start counts from the start', () => {
    const early = { placeId: market, from: at('2020-11-12T22:00'), to: at('2020-11-13T00:10') };
    const span = matchSpan(early, window, 30);
    assert.deepEqual(span, { from: at('2020-11-12T23:30'), to: at('2020-11-13T00:40') });
    assert.equal(matchSpan({ ...early, to: at('2020-11-12T23:59') }, window, 30), undefined);
    const found = coLocations('case', [early], [scan('x', '2020-11-12T22:30'), scan('y', '2020-11-12T23:30')], window, seed);
    assert.deepEqual(
      found.map((c) => c.personId),
      ['y'],
    );
  });

  it('several scans of one person at one visit are one candidate with the first and last scan', () => {
    const found = coLocations('case', [visit], [scan('p', '2020-11-14T10:15'), scan('p', '2020-11-14T09:45')], window, seed);
    assert.equal(found.length, 1);
    assert.deepEqual([found[0]?.firstScanAt, found[0]?.lastScanAt, found[0]?.scans], [at('2020-11-14T09:45'), at('2020-11-14T10:15'), 2]);
  });

  it('a visit ending before it begins is refused', () => {
    assert.throws(() => matchSpan({ ...visit, to: at('2020-11-14T09:00') }, window, 30), { code: 'endBeforeStart' });
  });
});

describe('reasons shown beside candidates (KP-D05)', () => {
  it('co-location names the place and both times in Asia/Shanghai', () => {
    const text = reasonText({
      kind: 'co_location',
      placeName: '湖塘农贸市场',
      from: at('2020-11-14T10:00'),
      to: at('2020-11-14T10:20'),
      firstScanAt: at('2020-11-14T09:45'),
      lastScanAt: at('2020-11-14T09:45'),
    });
    assert.equal(text.zh, '时空伴随：病例 11-14 10:00–10:20 在 湖塘农贸市场，此人扫码 11-14 09:45–09:45');
  });

  it('household, unit, event and manual reasons', () => {
    assert.equal(reasonText({ kind: 'household', householdName: '3幢2单元501' }).en, 'Household member (3幢2单元501)');
    assert.equal(reasonText({ kind: 'school', placeName: '湖塘实验小学', unit: '三(2)班' }).zh, '同校同班（湖塘实验小学 三(2)班）');
    const event = reasonText({
      kind: 'event',
      eventName: '婚宴',
      placeName: '酒店',
      from: at('2020-11-14T11:00'),
      to: at('2020-11-14T14:00'),
    });
    assert.equal(event.zh, '共同参加 婚宴 @ 酒店（11-14 11:00–14:00）');
    assert.equal(reasonText({ kind: 'manual', note: '同车' }).kind, 'manual');
  });
});

describe('cluster rule (聚集性疫情, CASE-009)', () => {
  const c = (caseId: string, date: string, areaKey: string | null = 'compound-x'): ClusterCase => ({ caseId, date, areaKey });

  it('9th edition: 2 cases in one compound within a week is a cluster; 7 days apart is not', () => {
    assert.equal(detectClusters([c('a', '2022-07-01'), c('b', '2022-07-07')], [], ninth.cluster).length, 1);
    assert.equal(detectClusters([c('a', '2022-07-01'), c('b', '2022-07-08')], [], ninth.cluster).length, 0);
    assert.equal(detectClusters([c('a', '2022-07-01'), c('b', '2022-07-02', 'village-y')], [], ninth.cluster).length, 0);
  });

  it('seed-2020 (7th edition): 4 cases in 14 days are not a cluster, the 5th makes one', () => {
    const four = ['2020-11-01', '2020-11-03', '2020-11-08', '2020-11-14'].map((d, i) => c(`c${i}`, d));
    assert.equal(detectClusters(four, [], seed.cluster).length, 0);
    const five = detectClusters([...four, c('c4', '2020-11-10')], [], seed.cluster);
    assert.equal(five.length, 1);
    assert.deepEqual([five[0]?.from, five[0]?.to, five[0]?.caseIds.length], ['2020-11-01', '2020-11-14', 5]);
    assert.equal(detectClusters([...four, c('c4', '2020-11-15')], [], seed.cluster).length, 0, 'day 14 is outside');
  });

  it('grouping by epidemiological link: linked cases in different areas form one cluster', () => {
    const rule: TracingRules['cluster'] = { ...seed.cluster, minCases: 2, grouping: 'epidemiological_link' };
    const cases = [c('a', '2020-11-01', 'x'), c('b', '2020-11-04', 'y'), c('z', '2020-11-02', 'x')];
    const found = detectClusters(cases, [{ fromCaseId: 'a', toCaseId: 'b' }], rule);
    assert.deepEqual(
      found.map((f) => f.caseIds),
      [['a', 'b']],
    );
  });

  it('counts the most cases in one window, not the whole run', () => {
    const run = ['2022-07-01', '2022-07-06', '2022-07-11'].map((d, i) => c(`r${i}`, d));
    assert.equal(mostInWindow(run, 7), 2);
  });
});

describe('observed serial interval (issue 11 §6)', () => {
  it('mean and sample sd of the pairs with both onsets', () => {
    const si = serialInterval([
      { infectorCaseId: 'a', infecteeCaseId: 'b', infectorOnset: '2022-07-01', infecteeOnset: '2022-07-04' },
      { infectorCaseId: 'a', infecteeCaseId: 'c', infectorOnset: '2022-07-01', infecteeOnset: '2022-07-06' },
      { infectorCaseId: 'b', infecteeCaseId: 'd', infectorOnset: '2022-07-04', infecteeOnset: null },
    ]);
    assert.deepEqual([si.n, si.meanDays, si.sdDays], [2, 4, 1.41]);
    assert.deepEqual(
      si.pairs.map((p) => p.days),
      [3, 5],
    );
  });

  it('no pairs: no figure', () => {
    assert.deepEqual(serialInterval([]), { pairs: [], n: 0, meanDays: null, sdDays: null });
  });
});

describe('exposure checks (issue 11 bad input; KP-D05)', () => {
  it('a contact linked to its own case is refused', () => {
    assert.deepEqual(exposureProblem('p0', [{ caseId: 'k', personId: 'p0' }], []), { field: 'personId', code: 'selfLink', personId: 'p0' });
  });

  it('a contact linked twice — in the batch or already — is refused', () => {
    assert.equal(
      exposureProblem(
        'p0',
        [
          { caseId: 'k', personId: 'p1' },
          { caseId: 'k', personId: 'p1' },
        ],
        [],
      )?.code,
      'alreadyLinked',
    );
    assert.equal(exposureProblem('p0', [{ caseId: 'k', personId: 'p1' }], [{ caseId: 'k', personId: 'p1' }])?.code, 'alreadyLinked');
    assert.equal(exposureProblem('p0', [{ caseId: 'k', personId: 'p1' }], [{ caseId: 'other', personId: 'p1' }]), null);
  });

  it('a contact who becomes a case within the incubation days is linked to the latest source case (day 14 in, day 15 out)', () => {
    const exposures = [
      { caseId: 'early', exposedOn: '2020-11-01' },
      { caseId: 'late', exposedOn: '2020-11-05' },
    ];
    assert.equal(sourceCase(exposures, '2020-11-15', seed)?.caseId, 'late');
    assert.equal(sourceCase([{ caseId: 'k', exposedOn: '2020-11-01' }], '2020-11-15', seed)?.caseId, 'k');
    assert.equal(sourceCase([{ caseId: 'k', exposedOn: '2020-11-01' }], '2020-11-16', seed), null);
    assert.equal(sourceCase([{ caseId: 'k', exposedOn: '2020-11-10' }], '2020-11-09', seed), null, 'exposure after onset');
  });
});
