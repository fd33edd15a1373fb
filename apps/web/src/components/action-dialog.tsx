import { useEffect, useRef, useState } from 'preact/hooks';
import { newIdempotencyKey } from '../api/idempotency-key';
import { parseIndonesianNumber } from '../i18n/number-input';
import { actionLabel } from '../i18n/words';
import { DateInput } from './date-input';

const COMMENT_REQUIRED = new Set(['RETURN', 'REJECT']);

interface Field {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'date' | 'month' | 'url' | 'textarea' | 'lines';
  required?: boolean;
  min?: number;
  max?: number;
}

/** The data each action takes (domain.md), as form fields. */
const ACTION_FIELDS: Readonly<Record<string, Field[]>> = {
  REPORT_PROGRESS: [
    { name: 'period', label: 'Periode (bulan)', type: 'month', required: true },
    { name: 'percent', label: 'Capaian (%)', type: 'number', required: true, min: 0, max: 100 },
    { name: 'realization', label: 'Realisasi', type: 'textarea', required: true },
    { name: 'supportingFactors', label: 'Faktor pendukung', type: 'textarea' },
    { name: 'inhibitingFactors', label: 'Faktor penghambat', type: 'textarea' },
    { name: 'evidence', label: 'Bukti dukung (satu per baris)', type: 'lines' },
  ],
  EVALUATE: [
    { name: 'score', label: 'Nilai (0-100)', type: 'number', required: true, min: 0, max: 100 },
    { name: 'notes', label: 'Catatan evaluasi', type: 'textarea', required: true },
  ],
  RECORD_HARMONIZATION: [
    { name: 'reportNumber', label: 'Nomor Berita Acara Selesai Harmonisasi', required: true },
    { name: 'reportDate', label: 'Tanggal Berita Acara', type: 'date', required: true },
  ],
  PUBLISH: [{ name: 'url', label: 'Tautan JDIH (opsional)', type: 'url' }],
};

export interface ActionInput {
  comment?: string;
  data?: Record<string, unknown>;
}

/**
 * Every action asks once more before it is sent; RETURN and REJECT need a note, some actions data.
 * Each sending from one opening of the dialog carries the same idempotency key, so sending again after
 * an answer that never arrived cannot act twice or fail on the caller's own first action.
 */
export function ActionDialog({ action, onSubmit, onClose }: { action: string; onSubmit(input: ActionInput, idempotencyKey: string): Promise<string | null>; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const fields = ACTION_FIELDS[action] ?? [];
  const needsComment = COMMENT_REQUIRED.has(action);

  async function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const comment = String(form.get('comment') ?? '').trim();
    if (needsComment && !comment) return setError('Catatan wajib diisi.');
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = String(form.get(f.name) ?? '').trim();
      if (!raw) {
        if (f.required) return setError(`${f.label} wajib diisi.`);
        continue;
      }
      if (f.type === 'number') {
        // typed the Indonesian way too ("87,5"), never misread
        const n = parseIndonesianNumber(raw) ?? NaN;
        if (!Number.isFinite(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) return setError(`${f.label} harus angka ${f.min} sampai ${f.max}.`);
        data[f.name] = n;
      } else if (f.type === 'lines') data[f.name] = raw.split('\n').map((l) => l.trim()).filter(Boolean);
      else data[f.name] = raw;
    }
    setBusy(true);
    const problem = await onSubmit({ ...(comment ? { comment } : {}), ...(fields.length ? { data } : {}) }, idempotencyKey);
    setBusy(false);
    if (problem) setError(problem);
  }

  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="dialog-title">
      <form onSubmit={submit} noValidate>
        <h2 id="dialog-title">{actionLabel(action)}</h2>
        {fields.map((f) => (
          <div class="field" key={f.name}>
            <label for={`f-${f.name}`}>{f.label}</label>
            {f.type === 'textarea' || f.type === 'lines' ? (
              <textarea id={`f-${f.name}`} name={f.name} rows={3} required={f.required} />
            ) : f.type === 'date' || f.type === 'month' ? (
              <DateInput id={`f-${f.name}`} name={f.name} type={f.type} required={f.required} />
            ) : (
              <input
                id={`f-${f.name}`}
                name={f.name}
                type={f.type === 'number' ? 'text' : (f.type ?? 'text')}
                inputMode={f.type === 'number' ? 'decimal' : undefined}
                required={f.required}
              />
            )}
          </div>
        ))}
        <div class="field">
          <label for="f-comment">Catatan</label>
          <textarea id="f-comment" name="comment" rows={3} required={needsComment} aria-required={needsComment} />
        </div>
        {error && (
          <p class="alert" role="alert">
            {error}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="primary" disabled={busy}>
            Kirim
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            Batal
          </button>
        </div>
      </form>
    </dialog>
  );
}
