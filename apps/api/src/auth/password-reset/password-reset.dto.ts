/** The answer to every accepted request, whether the account exists or not. */
export const PASSWORD_RESET_REQUESTED = {
  message:
    'Bila akun tersebut terdaftar dan memiliki alamat e-mail, tautan untuk membuat kata sandi baru telah dikirim ke e-mailnya. Tautan berlaku 30 menit dan hanya dapat dipakai sekali.',
} as const;
