import { useEffect, useState } from 'preact/hooks';
import type { ContentVersion } from '../api/views';
import { fieldRows } from '../i18n/document-field-rows';
import { dateTime, dayIn } from '../i18n/words';
import { TableRegion } from './table';

/** The narrow screens of styles.css. */
const NARROW = '(max-width: 600px)';

function useNarrow(): boolean {
  const query = typeof matchMedia === 'function' ? matchMedia(NARROW) : null;
  const [narrow, setNarrow] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const changed = () => setNarrow(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return narrow;
}

/** Who saved a version and when, as the Riwayat says it: "Budi Santoso, Rabu, 2 Desember 2026 pukul 10.00 WITA". */
function savedBy(v: ContentVersion, timeZone: string | undefined): string {
  return `${v.createdByName}, ${dateTime(v.createdAt, timeZone)}`;
}

/**
 * A choice of the selects: "Versi 2 — Budi Santoso, Rabu, 2 Desember 2026 pukul 10.00 WITA"; on a
 * narrow screen, where a closed select shows some 35 characters, "Versi 2 — 2 Desember 2026" (the
 * column headers below name who and when in full).
 */
function choiceText(v: ContentVersion, timeZone: string | undefined, narrow: boolean): string {
  return `Versi ${v.version} — ${narrow ? dayIn(v.createdAt, timeZone) : savedBy(v, timeZone)}`;
}

/** Two content versions side by side, field by field; changed fields marked; each version named with who saved it and when. */
export function VersionCompare({ versions, timeZone }: { versions: ContentVersion[]; timeZone?: string }) {
  const last = versions.length;
  const [a, setA] = useState(Math.max(1, last - 1));
  const [b, setB] = useState(last);
  const narrow = useNarrow();
  if (versions.length < 2) return <p class="empty">Baru ada satu versi.</p>;
  const versionA = versions.find((v) => v.version === a);
  const versionB = versions.find((v) => v.version === b);
  const left = new Map(fieldRows(versionA?.content ?? {}));
  const right = new Map(fieldRows(versionB?.content ?? {}));
  const labels = [...new Set([...left.keys(), ...right.keys()])];
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      {choiceText(v, timeZone, narrow)}
    </option>
  ));
  const header = (n: number, v: ContentVersion | undefined) => (
    <th scope="col">
      Versi {n}
      {v && <span class="saved-by"> — {savedBy(v, timeZone)}</span>}
    </th>
  );
  return (
    <div>
      <div class="filters">
        <label>
          Bandingkan
          <select value={a} onChange={(e) => setA(Number(e.currentTarget.value))}>
            {options}
          </select>
        </label>
        <label>
          dengan
          <select value={b} onChange={(e) => setB(Number(e.currentTarget.value))}>
            {options}
          </select>
        </label>
      </div>
      <TableRegion label={`Perbandingan versi ${a} dan ${b}`} tableClass="compare">
        <thead>
          <tr>
            <th scope="col">Isian</th>
            {header(a, versionA)}
            {header(b, versionB)}
          </tr>
        </thead>
        <tbody>
          {labels.map((label) => {
            const changed = left.get(label) !== right.get(label);
            return (
              <tr key={label} class={changed ? 'changed' : undefined}>
                <th scope="row">
                  {label}
                  {changed && <span class="mark soon"> berubah</span>}
                </th>
                <td>{left.get(label) ?? '-'}</td>
                <td>{right.get(label) ?? '-'}</td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
    </div>
  );
}
