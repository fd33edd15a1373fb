import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Loads `load()` when `deps` change; errors become an ApiError for <ErrorMessage>. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: toApiError(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'ERROR', String(error));
}

/** What a person reads for an API error: never a blank page. */
export function errorText(error: ApiError): string {
  switch (error.status) {
    case 0:
      return 'Tidak dapat menghubungi server. Periksa sambungan lalu coba lagi.';
    case 401:
      return 'Sesi Anda telah berakhir. Silakan masuk kembali.';
    case 403:
      return error.code === 'SEPARATION_OF_DUTIES'
        ? 'Tidak berwenang: Anda sudah bertindak dalam peran lain pada dokumen ini.'
        : 'Tidak berwenang untuk melakukan tindakan ini.';
    case 404:
      return 'Tidak ditemukan.';
    case 409:
      return error.code === 'IDEMPOTENCY_IN_FLIGHT'
        ? 'Tindakan yang Anda kirim sebelumnya masih diproses. Tunggu sebentar lalu muat ulang halaman.'
        : 'Dokumen sudah berubah atau tindakan ini tidak dapat dilakukan pada tahap sekarang. Muat ulang halaman.';
    case 412:
      return 'Dokumen telah diubah oleh orang lain. Muat ulang halaman lalu coba lagi.';
    case 429:
      return 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.';
    case 422:
      return error.code === 'IDEMPOTENCY_KEY_REUSED'
        ? 'Anda sudah mengirim ini sebelumnya dengan isian lain, dan kiriman itu sudah diproses. Muat ulang halaman atau buka daftar dokumen untuk melihat hasilnya.'
        : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
    default:
      return error.status >= 500 ? 'Terjadi gangguan pada server. Coba lagi nanti.' : 'Permintaan tidak dapat diproses. Periksa isian Anda.';
  }
}

export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div class="alert" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && error.status !== 404 && error.status !== 403 && (
        <button type="button" onClick={onRetry}>
          Coba lagi
        </button>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      Memuat...
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
