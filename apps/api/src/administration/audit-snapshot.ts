/** What an audit entry keeps of a row: its fields without database ids (the keys name the rows). */
export function auditSnapshot<T extends object>(row: T): Omit<T, 'id' | 'governmentId' | 'unitId'> {
  const { id: _id, governmentId: _g, unitId: _u, ...rest } = row as T & { id?: unknown; governmentId?: unknown; unitId?: unknown };
  return rest;
}
