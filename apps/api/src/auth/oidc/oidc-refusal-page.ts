import type { OidcRefusal } from './oidc-sign-in.js';

const PAGES: Record<OidcRefusal, { status: number; title: string; message: string }> = {
  NOT_CONFIGURED: { status: 404, title: 'SSO belum diaktifkan', message: 'Masuk dengan SSO belum dikonfigurasi di instalasi ini. Hubungi admin.' },
  PROVIDER_ERROR: {
    status: 400,
    title: 'Penyedia identitas menolak',
    message: 'Penyedia identitas tidak menyelesaikan proses masuk. Silakan coba lagi; bila berulang, hubungi admin.',
  },
  INVALID_RESPONSE: {
    status: 400,
    title: 'Proses masuk tidak sah',
    message: 'Jawaban penyedia identitas tidak dapat diverifikasi atau sesi masuk sudah kedaluwarsa. Silakan mulai lagi dari halaman masuk.',
  },
  UNKNOWN_PERSON: {
    status: 403,
    title: 'Akun tidak dikenal',
    message: 'Identitas Anda tidak cocok dengan pengguna mana pun di alur. Minta admin instansi Anda untuk mendaftarkan NIP atau nama pengguna Anda.',
  },
  DEACTIVATED: { status: 403, title: 'Akun dinonaktifkan', message: 'Akun Anda di alur telah dinonaktifkan. Hubungi admin instansi Anda.' },
};

export function refusalPage(reason: OidcRefusal): { status: number; html: string } {
  const page = PAGES[reason];
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${page.title} · alur</title></head>
<body><main><h1>${page.title}</h1><p>${page.message}</p><p><a href="/">Kembali ke halaman masuk</a></p></main></body></html>`;
  return { status: page.status, html };
}

/** How a refusal page looks (the OpenAPI document's example). */
export const REFUSAL_PAGE_EXAMPLE = refusalPage('UNKNOWN_PERSON').html;
