import { useState } from 'preact/hooks';
import { toLocalDateTime } from '@workflow/calendar/zoned-time.util.js';
import { api, ok } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import type { DocumentView } from '../api/views';
import { ErrorMessage, Loading, toApiError, useLoad } from '../components/async';
import { errorText } from '../i18n/error-text';
import { documentFieldProblems } from '../i18n/document-messages';
import { Link, navigate } from '../router';
import { canDraft, useSession } from '../session';
import type { PageProps } from '../routes';
import { QUICK_WIN_AREAS as AREAS } from '../i18n/words';
import { FormFeedback } from '../components/form-feedback';
import { DateInput } from '../components/date-input';
import { numberForInput, parseIndonesianNumber } from '../i18n/number-input';

type Values = Record<string, string>;

interface FieldSpec {
  name: string;
  label: string;
  /** `amount`: a number typed the Indonesian way (1.500.000, 2,5), read by parseIndonesianNumber */
  type?: 'text' | 'textarea' | 'number' | 'amount' | 'date' | 'select';
  options?: ReadonlyArray<[string, string]>;
  required?: boolean;
  /** a date the API takes from today on, in the government's zone, when set or changed */
  notBeforeToday?: boolean;
}

const QUICK_WIN_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Judul', required: true },
  { name: 'description', label: 'Uraian', type: 'textarea', required: true },
  { name: 'year', label: 'Tahun', type: 'number', required: true },
  { name: 'category', label: 'Kategori', type: 'select', options: [['RB_GENERAL', 'RB General'], ['RB_TEMATIK', 'RB Tematik']], required: true },
  { name: 'area', label: 'Area perubahan', type: 'select', options: AREAS, required: true },
  { name: 'indicator', label: 'Indikator', required: true },
  { name: 'targetValue', label: 'Target (angka)', type: 'amount', required: true },
  { name: 'targetUnit', label: 'Satuan target', required: true },
  { name: 'output', label: 'Keluaran', required: true },
  { name: 'startDate', label: 'Tanggal mulai', type: 'date', required: true },
  { name: 'endDate', label: 'Tanggal selesai', type: 'date', required: true },
  { name: 'budget', label: 'Anggaran (rupiah)', type: 'amount', required: true },
];

const REGULATION_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Judul (setelah "tentang")', required: true },
  { name: 'legalBasis', label: 'Dasar hukum (satu per baris)', type: 'textarea', required: true },
  { name: 'body', label: 'Batang tubuh', type: 'textarea', required: true },
  { name: 'targetDate', label: 'Target penetapan (opsional)', type: 'date', notBeforeToday: true },
];

const TEMATIK = new Set(['PENGENTASAN_KEMISKINAN', 'PENINGKATAN_INVESTASI', 'DIGITALISASI_ADMINISTRASI', 'PRIORITAS_AKTUAL_PRESIDEN']);

/** Field messages in Indonesian, checked before anything is sent. */
export function validate(kindPath: string, v: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of kindPath === 'quick-wins' ? QUICK_WIN_FIELDS : REGULATION_FIELDS) if (f.required && !v[f.name]?.trim()) errors[f.name] = `${f.label} wajib diisi.`;
  if (kindPath === 'quick-wins') {
    if (v.title && v.title.trim().length < 3) errors.title = 'Judul minimal 3 karakter.';
    const budget = v.budget?.trim() ? parseIndonesianNumber(v.budget) : undefined;
    if (budget === null) errors.budget = 'Tulis anggaran sebagai angka rupiah, misalnya 150.000.000.';
    else if (budget !== undefined && !(budget >= 0 && Number.isInteger(budget))) errors.budget = 'Anggaran harus bilangan bulat rupiah, tidak negatif.';
    if (v.targetValue?.trim() && parseIndonesianNumber(v.targetValue) === null) errors.targetValue = 'Tulis target sebagai angka, misalnya 1.500 atau 2,5.';
    if (v.category && v.area && (v.category === 'RB_TEMATIK') !== TEMATIK.has(v.area)) errors.area = 'Area tidak sesuai dengan kategori yang dipilih.';
    if (v.startDate && v.endDate) {
      const limit = new Date(v.startDate);
      limit.setUTCFullYear(limit.getUTCFullYear() + 1);
      if (v.endDate < v.startDate) errors.endDate = 'Tanggal selesai tidak boleh sebelum tanggal mulai.';
      else if (new Date(v.endDate) > limit) errors.endDate = 'Quick Win paling lama 12 bulan sejak tanggal mulai.';
    }
  }
  return errors;
}

function toBody(kindPath: string, v: Values): Record<string, unknown> {
  if (kindPath === 'regulations') {
    return {
      title: v.title!.trim(),
      legalBasis: v.legalBasis!.split('\n').map((l) => l.trim()).filter(Boolean),
      body: v.body!,
      ...(v.targetDate ? { targetDate: v.targetDate } : {}),
    };
  }
  return {
    title: v.title!.trim(),
    description: v.description!.trim(),
    year: Number(v.year),
    category: v.category,
    area: v.area,
    indicator: v.indicator!.trim(),
    target: { value: parseIndonesianNumber(v.targetValue!), unit: v.targetUnit!.trim() },
    output: v.output!.trim(),
    startDate: v.startDate,
    endDate: v.endDate,
    budget: parseIndonesianNumber(v.budget!),
  };
}

function toValues(doc: DocumentView | null): Values {
  if (!doc) return { year: String(new Date().getFullYear()) };
  const target = doc.target as { value: number; unit: string } | undefined;
  return {
    ...Object.fromEntries(Object.entries(doc).filter(([, x]) => typeof x === 'string' || typeof x === 'number').map(([k, x]) => [k, String(x)])),
    ...(target ? { targetValue: numberForInput(target.value), targetUnit: target.unit } : {}),
    ...(typeof doc.budget === 'number' ? { budget: numberForInput(doc.budget) } : {}),
    ...(Array.isArray(doc.legalBasis) ? { legalBasis: (doc.legalBasis as string[]).join('\n') } : {}),
  };
}

export function DocumentFormPage({ params }: PageProps) {
  const { me, timeZone } = useSession();
  const kindPath = params.kindPath as 'quick-wins' | 'regulations';
  const id = params.id;
  const existing = useLoad(
    () => (id ? ok<DocumentView>(kindPath === 'quick-wins' ? api.GET('/api/quick-wins/{id}', { params: { path: { id } } }) : api.GET('/api/regulations/{id}', { params: { path: { id } } })) : Promise.resolve(null)),
    [kindPath, id],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // one key for every sending of this form: "Simpan" again after a lost answer makes no second draft
  const [idempotencyKey] = useState(newIdempotencyKey);
  const label = kindPath === 'quick-wins' ? 'Quick Win' : 'Rancangan Peraturan';

  if (!id && !canDraft(me)) {
    // the API would refuse the whole form (403) once filled in: say so before anyone types
    return (
      <section>
        <h1>{`Buat ${label}`}</h1>
        <p class="alert" role="alert">
          Tidak berwenang: hanya pemrakarsa (staf perangkat daerah) atau Plt/Plh-nya yang dapat membuat {label}.
        </p>
        <Link href={`/${kindPath}`}>Kembali ke daftar {label}</Link>
      </section>
    );
  }
  if (existing.error) return <ErrorMessage error={existing.error} />;
  if (existing.loading) return <Loading />;
  const doc = existing.data;
  const values = toValues(doc);
  // the date picker offers today on in the document's government's zone; a stored date that has
  // passed since stays choosable, as the API takes it unchanged
  const today = toLocalDateTime(new Date(), doc?.timeZone ?? timeZone).date;
  const minDate = (f: FieldSpec) => (f.notBeforeToday ? (values[f.name] && values[f.name]! < today ? values[f.name] : today) : undefined);

  async function submit(event: Event) {
    event.preventDefault();
    const v = Object.fromEntries([...new FormData(event.currentTarget as HTMLFormElement)].map(([k, x]) => [k, String(x)]));
    const found = validate(kindPath, v);
    setErrors(found);
    if (Object.keys(found).length) return setProblem('Periksa isian yang ditandai.');
    const body = toBody(kindPath, v) as never;
    try {
      const header = { 'Idempotency-Key': idempotencyKey };
      const edit = doc && { params: { path: { id: doc.id }, header: { ...header, 'If-Match': `"${doc.version}"` } as never }, body };
      const saved = edit
        ? await ok<DocumentView>(kindPath === 'quick-wins' ? api.PATCH('/api/quick-wins/{id}', edit) : api.PATCH('/api/regulations/{id}', edit))
        : await ok<DocumentView>(kindPath === 'quick-wins' ? api.POST('/api/quick-wins', { params: { header }, body }) : api.POST('/api/regulations', { params: { header }, body }));
      navigate(`/${kindPath}/${saved.id}`);
    } catch (error) {
      const e = toApiError(error);
      const byField = e.status === 400 ? documentFieldProblems(e.details) : {};
      setErrors(byField);
      // the API's rules in Indonesian beside their fields; never its English text
      setProblem(Object.keys(byField).length ? 'Periksa isian yang ditandai.' : e.status === 400 ? 'Isian tidak sesuai ketentuan. Periksa kembali setiap isian.' : errorText(e));
    }
  }

  return (
    <section>
      <h1>{doc ? `Ubah ${label}` : `Buat ${label}`}</h1>
      <form onSubmit={submit} noValidate class="doc-form">
        {(kindPath === 'quick-wins' ? QUICK_WIN_FIELDS : REGULATION_FIELDS).map((f) => {
          const id = `f-${f.name}`;
          const err = errors[f.name];
          const common = { id, name: f.name, required: f.required, 'aria-invalid': err ? true : undefined, 'aria-describedby': err ? `${id}-err` : undefined };
          return (
            <div class="field" key={f.name}>
              <label for={id}>{f.label}</label>
              {f.type === 'textarea' ? (
                <textarea {...common} rows={4} defaultValue={values[f.name]} />
              ) : f.type === 'select' ? (
                <select {...common}>
                  <option value="">Pilih...</option>
                  {f.options!.map(([value, text]) => (
                    <option key={value} value={value} selected={values[f.name] === value}>
                      {text}
                    </option>
                  ))}
                </select>
              ) : f.type === 'date' ? (
                <DateInput {...common} min={minDate(f)} defaultValue={values[f.name]} />
              ) : (
                <input
                  {...common}
                  type={f.type === 'amount' ? 'text' : (f.type ?? 'text')}
                  inputMode={f.type === 'amount' ? 'decimal' : undefined}
                  min={minDate(f)}
                  defaultValue={values[f.name]}
                />
              )}
              {err && (
                <p class="field-error" id={`${id}-err`}>
                  {err}
                </p>
              )}
            </div>
          );
        })}
        <FormFeedback problem={problem} />
        <div class="buttons">
          <button type="submit" class="primary">
            Simpan
          </button>
          {/* to the document or its list, not back in history: the form may have been opened from a link */}
          <button type="button" onClick={() => navigate(id ? `/${kindPath}/${id}` : `/${kindPath}`)}>
            Batal
          </button>
        </div>
      </form>
    </section>
  );
}
