import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskAddress, maskIdNumber, maskMiddle, maskName, maskPhone, maskUsername } from './masking.ts';

describe('masking personal values for lists', () => {
  it('keeps the division code and the last four of a resident ID: 320412********1234', () => {
    assert.equal(maskIdNumber('320412199001011234'), '320412********1234');
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  });

  it('keeps only two at each end of other documents', () => {
    assert.equal(maskIdNumber('E12345678'), 'E1*****78');
  });

  it('shows a mobile number as 138****5678', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
  });

  it('keeps the area of an address and hides the door number', () => {
    const masked = maskAddress('湖塘镇甲社区1幢101室');
    assert.equal(masked, '湖塘镇甲社区******');
    assert.equal(masked.length, '湖塘镇甲社区1幢101室'.length);
    assert.equal(maskAddress('1幢'), '1*', 'a short address keeps at most half');
  });

  it('keeps the family name only', () => {
    assert.equal(maskName('王小明'), '王**');
    assert.equal(maskName('王'), '王');
  });

  it('stars a value too short to keep a head and a tail', () => {
    assert.equal(maskMiddle('1234', 3, 4), '****');
  });

  it('masks a username that is a phone or an ID number and keeps a staff username (issue 12 defect 7)', () => {
    assert.equal(maskUsername('13812345678'), '138****5678');
    assert.equal(maskUsername('320412199001011234'), '320412********1234');
    assert.equal(maskUsername('grid-wang'), 'grid-wang');
  });
});
