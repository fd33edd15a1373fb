import { describe, expect, it } from '@jest/globals';
import { governmentUnitChoice } from './government-unit-filter';

describe('a filter of a government and one of its units', () => {
  const province = { ownGovernmentCode: 'kaltim', governmentsOffered: 3 };

  it('keeps the unit while the government stays, and drops it when another government is chosen', () => {
    expect(governmentUnitChoice({ governmentCode: 'paser', unitCode: 'setda' }, { governmentCode: 'paser' }, province)).toEqual({ governmentCode: 'paser', unitCode: 'setda' });
    expect(governmentUnitChoice({ governmentCode: 'berau', unitCode: 'setda' }, { governmentCode: 'paser' }, province)).toEqual({ governmentCode: 'berau', unitCode: '' });
    expect(governmentUnitChoice({ governmentCode: '', unitCode: 'setda' }, { governmentCode: 'paser' }, province)).toEqual({ governmentCode: '', unitCode: '' });
  });

  it('reads a unit chosen under "Semua" as the caller\'s own government\'s, when more than one government is offered', () => {
    expect(governmentUnitChoice({ governmentCode: '', unitCode: 'diskominfo' }, { governmentCode: '' }, province)).toEqual({ governmentCode: 'kaltim', unitCode: 'diskominfo' });
    expect(governmentUnitChoice({ governmentCode: '', unitCode: 'diskominfo' }, { governmentCode: '' }, { ownGovernmentCode: 'paser', governmentsOffered: 1 })).toEqual({ governmentCode: '', unitCode: 'diskominfo' });
    expect(governmentUnitChoice({ governmentCode: '', unitCode: '' }, { governmentCode: '' }, province)).toEqual({ governmentCode: '', unitCode: '' });
  });
});
