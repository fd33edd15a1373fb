import { Link } from '../router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Tidak ditemukan</h1>
      <p>Halaman yang Anda cari tidak ada.</p>
      <Link href="/">Kembali ke Kotak Masuk</Link>
    </section>
  );
}
