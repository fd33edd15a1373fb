import { DEPLOYMENT_ROLE, dropsOwnAdministration, isGrantableRole, mayChangeSignInOf } from '#workflow';
import { isCleanText } from '../../common/contract/fields.js';
import { EMAIL_PATTERN, NIP_PATTERN, USERNAME_PATTERN } from '../person-fields.js';

/** One row of the personnel file, as read (cells trimmed, empty cells ''). */
export interface PersonnelRow {
  /** 1-based row number in the file, the header being row 1. */
  row: number;
  nip: string;
  name: string;
  email: string;
  username: string;
  unitCode: string;
  roles: string;
}

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  row: number;
  nip: string;
  username: string;
  status: RowStatus;
  reason?: string;
}

/** A person already in alur, as the plan compares them. */
export interface KnownPerson {
  id: string;
  username: string;
  nip: string | null;
  name: string;
  email: string | null;
  governmentId: string;
  unitId: string;
  roles: readonly string[];
}

export interface PersonFields {
  nip: string;
  name: string;
  email: string | null;
  username: string;
  unitId: string;
  roles: string[];
}

export interface ImportPlan {
  rows: RowResult[];
  summary: Record<RowStatus, number>;
  creates: PersonFields[];
  updates: Array<{ before: KnownPerson; after: PersonFields }>;
}

export interface ImportContext {
  governmentId: string;
  /** unit code -> id, of the government imported into */
  units: ReadonlyMap<string, string>;
  /** everyone holding one of the file's NIPs */
  byNip: ReadonlyMap<string, KnownPerson>;
  /** everyone holding one of the file's usernames */
  byUsername: ReadonlyMap<string, KnownPerson>;
  /** the roles of whoever imports (an OPERATOR's e-mail address changes only for an OPERATOR); none when absent */
  importerRoles?: readonly string[];
  /** who imports: an ADMIN's own row may not take their ADMIN role away */
  importerUsername?: string;
}

/** Roles in a cell: separated by `;`, `,`, `|` or spaces, any case. */
export function parseRoles(cell: string): string[] {
  return cell
    .split(/[;,|\s]+/)
    .map((r) => r.trim().toUpperCase())
    .filter((r) => r !== '');
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** As POST /api/users refuses them: a NUL the database cannot store, bidirectional overrides, zero-width characters. */
const UNCLEAN = (field: string) => `${field} must not contain control characters, bidirectional overrides or zero-width characters`;

/** The NIPs and usernames of the file worth looking up: only well-formed ones can name anybody. */
export function lookupKeys(file: readonly PersonnelRow[]): { nips: string[]; usernames: string[] } {
  return { nips: file.map((r) => r.nip).filter((nip) => NIP_PATTERN.test(nip)), usernames: file.map((r) => r.username).filter((u) => USERNAME_PATTERN.test(u)) };
}

/**
 * What importing the file would do, row by row, keyed by NIP: a new NIP creates a person, a known one
 * updates name, e-mail, unit and roles when they differ (a person's username never changes by
 * import), and every row that cannot be applied says why. Pure: the caller applies the plan only when
 * no row is an error, in one transaction.
 */
export function planImport(file: readonly PersonnelRow[], context: ImportContext): ImportPlan {
  const nipCount = new Map<string, number>();
  const usernameCount = new Map<string, number>();
  for (const r of file) {
    nipCount.set(r.nip, (nipCount.get(r.nip) ?? 0) + 1);
    usernameCount.set(r.username, (usernameCount.get(r.username) ?? 0) + 1);
  }
  const plan: ImportPlan = { rows: [], summary: { created: 0, updated: 0, unchanged: 0, error: 0 }, creates: [], updates: [] };
  for (const r of file) {
    const problems: string[] = [];
    if (!NIP_PATTERN.test(r.nip)) problems.push('nip must be 18 digits');
    else if ((nipCount.get(r.nip) ?? 0) > 1) problems.push(`nip ${r.nip} appears on more than one row`);
    if (r.name === '') problems.push('name is empty');
    else if (r.name.length > 200) problems.push('name is longer than 200 characters');
    else if (!isCleanText(r.name)) problems.push(UNCLEAN('name'));
    if (r.email !== '' && (!EMAIL_PATTERN.test(r.email) || r.email.length > 254)) problems.push('email is not an e-mail address');
    else if (!isCleanText(r.email)) problems.push(UNCLEAN('email'));
    if (!USERNAME_PATTERN.test(r.username)) problems.push('username must be 3-60 lowercase letters, digits, dots, underscores or hyphens');
    else if ((usernameCount.get(r.username) ?? 0) > 1) problems.push(`username ${r.username} appears on more than one row`);
    const unitId = context.units.get(r.unitCode);
    if (!unitId) problems.push(`unitCode ${r.unitCode || '(empty)'} is not a unit of this government`);
    const roles = parseRoles(r.roles);
    if (roles.includes(DEPLOYMENT_ROLE)) problems.push(`${DEPLOYMENT_ROLE} is not granted by import`);
    const unknown = roles.filter((role) => role !== DEPLOYMENT_ROLE && !isGrantableRole(role));
    if (unknown.length > 0) problems.push(`unknown role ${unknown.join(', ')}`);
    if (new Set(roles).size !== roles.length) problems.push('a role is repeated');

    const known = context.byNip.get(r.nip);
    const holder = context.byUsername.get(r.username);
    if (known && known.governmentId !== context.governmentId) problems.push(`nip ${r.nip} belongs to someone of another government`);
    else if (known && known.username !== r.username) problems.push(`nip ${r.nip} is already ${known.username}; a username does not change by import`);
    else if (!known && holder) problems.push(`username ${r.username} is taken by someone with another NIP`);
    else if (known && (r.email === '' ? null : r.email) !== known.email && !mayChangeSignInOf({ roles: context.importerRoles ?? [] }, known)) {
      problems.push(`${known.username} holds the deployment's ${DEPLOYMENT_ROLE} role: their e-mail address is not changed by import`);
    }
    if (known && context.importerUsername !== undefined && dropsOwnAdministration(context.importerUsername, { username: known.username, roles })) {
      problems.push(`${known.username} is who imports this file: an ADMIN does not give up their own ADMIN role`);
    }

    const base = { row: r.row, nip: r.nip, username: r.username };
    if (problems.length > 0) {
      plan.rows.push({ ...base, status: 'error', reason: problems.join('; ') });
      plan.summary.error++;
      continue;
    }
    const after: PersonFields = { nip: r.nip, name: r.name, email: r.email === '' ? null : r.email, username: r.username, unitId: unitId!, roles };
    if (!known) {
      plan.creates.push(after);
      plan.rows.push({ ...base, status: 'created' });
      plan.summary.created++;
    } else if (known.name === after.name && known.email === after.email && known.unitId === after.unitId && sameRoles(known.roles.filter((role) => role !== DEPLOYMENT_ROLE), after.roles)) {
      plan.rows.push({ ...base, status: 'unchanged' });
      plan.summary.unchanged++;
    } else {
      plan.updates.push({ before: known, after: { ...after, roles: known.roles.includes(DEPLOYMENT_ROLE) ? [...after.roles, DEPLOYMENT_ROLE] : after.roles } });
      plan.rows.push({ ...base, status: 'updated' });
      plan.summary.updated++;
    }
  }
  return plan;
}
