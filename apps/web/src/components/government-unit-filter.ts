/** What a filter form with a government choice and a unit choice applies when submitted. */
export interface GovernmentUnitChoice {
  governmentCode: string;
  unitCode: string;
}

/**
 * A unit belongs to one government: choosing another government drops the unit chosen before, and under
 * "Semua" (no government chosen, while more than one is offered) the units offered are the caller's own
 * government's, so a unit chosen there filters that government.
 */
export function governmentUnitChoice(form: GovernmentUnitChoice, applied: { governmentCode: string }, context: { ownGovernmentCode: string; governmentsOffered: number }): GovernmentUnitChoice {
  const unitCode = form.governmentCode === applied.governmentCode ? form.unitCode : '';
  const governmentCode = unitCode && !form.governmentCode && context.governmentsOffered > 1 ? context.ownGovernmentCode : form.governmentCode;
  return { governmentCode, unitCode };
}
