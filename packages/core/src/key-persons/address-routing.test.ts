import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeByAddress } from './address-routing.ts';

const county = { id: 'c', name: '武进区', level: 'county', path: '/32/3204/320412/' };
const hutang = { id: 't1', name: '湖塘镇', level: 'town', path: '/32/3204/320412/320412100/' };
const niutang = { id: 't2', name: '牛塘镇', level: 'town', path: '/32/3204/320412/320412102/' };
const community = { id: 'v1', name: '星火社区居民委员会', level: 'village', path: '/32/3204/320412/320412100/320412100001/' };
const all = [county, hutang, niutang, community];

// KP-D06: assistance requests (协查) are routed to the jurisdiction where the person is found
describe('assist request routing by address', () => {
  it('routes to the community named in the address, without its official suffix', () => {
    assert.equal(routeByAddress('江苏省常州市武进区湖塘镇星火社区5幢1单元302室', all).candidate?.id, 'v1');
  });

  it('routes to the town when no community matches', () => {
    assert.equal(routeByAddress('常州市武进区牛塘镇某路18号', all).candidate?.id, 't2');
  });

  it('a town name without 镇 still matches', () => {
    assert.equal(routeByAddress('武进区牛塘人民路', all).candidate?.id, 't2');
  });

  it('of two communities with the same name, the one in the town of the address wins', () => {
    const inNiutang = { id: 'v2', name: '新村村民委员会', level: 'village', path: '/32/3204/320412/320412102/320412102003/' };
    const inHutang = { id: 'v3', name: '新村村民委员会', level: 'village', path: '/32/3204/320412/320412100/320412100009/' };
    assert.equal(routeByAddress('武进区湖塘镇新村12号', [...all, inNiutang, inHutang]).candidate?.id, 'v3');
  });

  it('an address with no known name is not routed', () => {
    assert.deepEqual(routeByAddress('北京市东城区', all), { candidate: null, matched: null });
  });
});
