import { expect } from '@jest/globals';
import { act, createRegulation, type TestApp } from '#testing';

export type Step = { user: string; action: string; comment?: string; data?: Record<string, unknown> };

/** Data of a valid RECORD_HARMONIZATION (the Kanwil's Berita Acara Selesai Harmonisasi). */
export function harmonizationData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { reportNumber: 'W18-PP.04.02-123', reportDate: '2026-05-04', ...overrides };
}

/** The states a regulation passes from draft to published, in order, for a government of that level. */
export function regulationStates(level: 'PROVINCE' | 'REGENCY'): string[] {
  return [
    'draft',
    'endorsement',
    'legal_review',
    'harmonization',
    ...(level === 'REGENCY' ? ['facilitation'] : []),
    'coordination.assistant',
    'coordination.secretary',
    'signature',
    'promulgation',
    'promulgated',
    'published',
  ];
}

/** Who acts, and with what, to leave each state forward (g = the document's government). */
export function forwardStep(state: string, g: string, parent = 'kaltim'): Step {
  const steps: Record<string, Step> = {
    draft: { user: `${g}.drafter`, action: 'SUBMIT' },
    revision: { user: `${g}.drafter`, action: 'RESUBMIT' },
    endorsement: { user: `${g}.kadis`, action: 'ENDORSE' },
    legal_review: { user: `${g}.hukum`, action: 'REQUEST_HARMONIZATION' },
    harmonization: { user: `${g}.hukum`, action: 'RECORD_HARMONIZATION', data: harmonizationData() },
    facilitation: { user: `${parent}.hukum`, action: 'FACILITATE' },
    'coordination.assistant': { user: `${g}.asisten`, action: 'PARAF' },
    'coordination.secretary': { user: `${g}.sekda`, action: 'PARAF' },
    signature: { user: `${g}.kepala`, action: 'SIGN' },
    promulgation: { user: `${g}.sekda`, action: 'PROMULGATE' },
    promulgated: { user: `${g}.hukum`, action: 'PUBLISH', data: { url: 'https://jdih.kaltimprov.go.id/produk-hukum/sistem-kerja' } },
  };
  const step = steps[state];
  if (!step) throw new Error(`no forward step from ${state}`);
  return step;
}

/** Who may RETURN a regulation in a review state. */
export function returner(state: string, g: string, parent = 'kaltim'): string {
  const users: Record<string, string> = {
    endorsement: `${g}.kadis`,
    legal_review: `${g}.hukum`,
    harmonization: `${g}.hukum`,
    facilitation: `${parent}.hukum`,
    'coordination.assistant': `${g}.asisten`,
    'coordination.secretary': `${g}.sekda`,
    signature: `${g}.kepala`,
  };
  return users[state];
}

export function levelOf(g: string): 'PROVINCE' | 'REGENCY' {
  return g === 'kaltim' ? 'PROVINCE' : 'REGENCY';
}

/** Fires forward steps from the document's current state until it is in `target`; 200 expected at every step. */
export async function driveRegulation(t: TestApp, id: string, from: string, target: string, g: string): Promise<Record<string, any>> {
  const states = regulationStates(levelOf(g));
  let state = from;
  let body: Record<string, any> = {};
  if (state === 'revision') {
    const step = forwardStep('revision', g);
    body = await expectOk(act(t, 'regulations', id, step.user, step.action), step);
    state = body.state;
  }
  const end = states.indexOf(target);
  if (end < 0) throw new Error(`no path to ${target}`);
  while (states.indexOf(state) < end) {
    const step = forwardStep(state, g);
    body = await expectOk(act(t, 'regulations', id, step.user, step.action, { comment: step.comment, data: step.data }), step);
    state = body.state;
  }
  expect(state).toBe(target);
  return body;
}

async function expectOk(request: ReturnType<typeof act>, step: Step): Promise<Record<string, any>> {
  const res = await request;
  if (res.status !== 200) throw new Error(`${step.action} by ${step.user} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new regulation of `g`'s diskominfo, driven to `target`. */
export async function regulationIn(t: TestApp, g: string, target: string, overrides: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const created = await createRegulation(t, `${g}.drafter`, overrides);
  if (target === 'draft') return created;
  return driveRegulation(t, created.id, 'draft', target, g);
}

export async function getRegulation(t: TestApp, id: string, user: string) {
  return t.http.get(`/api/regulations/${id}`).set(await t.auth(user));
}

export async function regulationHistory(t: TestApp, id: string, user: string) {
  const res = await t.http.get(`/api/regulations/${id}/history`).set(await t.auth(user));
  expect(res.status).toBe(200);
  return res.body as { entries: Array<Record<string, any>>; chainValid: boolean };
}

/** The calendar year now in a time zone (promulgation numbers count per local year). */
export function localYear(timeZone = 'Asia/Makassar', at = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(at));
}
