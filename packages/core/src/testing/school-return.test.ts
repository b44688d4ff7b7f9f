import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { schoolReturnTestingListed } from './school-return.ts';

const schoolReturn = SEED_2020.testing?.schoolReturn;
if (!schoolReturn) throw new Error('seed-2020 has school-return rules');
const RULES = schoolReturn;
const RETURN = '2020-09-01';

describe('school members tested for returnee history (TEST-001 (10), SC-52, seed 000 §三(三)5)', () => {
  it('SC-52: a teacher whose family member visited a key area 10 days before the return is on the list', () => {
    const verdict = schoolReturnTestingListed(RULES, {
      returnDate: RETURN,
      keyAreaStays: [{ who: 'family', leftOn: '2020-08-22' }],
      communityOutbreakOn: null,
    });
    assert.deepEqual(
      [verdict.listed, verdict.because[0]?.rule, verdict.because[0]?.clause],
      [true, 'schoolReturn.keyArea.family', '§三(三)5'],
    );
  });
  it('SC-52: a visit 20 days before is not on the list under the 14-day rule', () => {
    const verdict = schoolReturnTestingListed(RULES, {
      returnDate: RETURN,
      keyAreaStays: [{ who: 'family', leftOn: '2020-08-12' }],
      communityOutbreakOn: null,
    });
    assert.equal(verdict.listed, false);
  });
  it('SC-52: a teacher from a village with an outbreak 18 days ago is on the list (21-day rule); 22 days ago is not', () => {
    const from = (communityOutbreakOn: string) =>
      schoolReturnTestingListed(RULES, { returnDate: RETURN, keyAreaStays: [], communityOutbreakOn }).listed;
    assert.equal(from('2020-08-14'), true);
    assert.equal(from('2020-08-10'), false);
  });
});
