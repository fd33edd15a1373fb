import { useState } from 'preact/hooks';
import type { ContentVersion } from '../api/views';
import { fieldRows } from '../i18n/document-field-rows';
import { TableRegion } from './table';

/** Two content versions side by side, field by field; changed fields marked. */
export function VersionCompare({ versions }: { versions: ContentVersion[] }) {
  const last = versions.length;
  const [a, setA] = useState(Math.max(1, last - 1));
  const [b, setB] = useState(last);
  if (versions.length < 2) return <p class="empty">Baru ada satu versi.</p>;
  const left = new Map(fieldRows(versions.find((v) => v.version === a)?.content ?? {}));
  const right = new Map(fieldRows(versions.find((v) => v.version === b)?.content ?? {}));
  const labels = [...new Set([...left.keys(), ...right.keys()])];
  const options = versions.map((v) => (
    <option key={v.version} value={v.version}>
      Versi {v.version}
    </option>
  ));
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
            <th scope="col">Versi {a}</th>
            <th scope="col">Versi {b}</th>
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
