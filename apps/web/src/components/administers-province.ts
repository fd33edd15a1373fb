import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import type { Government } from '../api/views';

const asked = new Map<string, Promise<boolean>>();

/**
 * Whether the signed-in ADMIN's government is a province: who adds its regencies and cities and the
 * national holidays. Asked once per government (the menu and the settings page share the answer).
 */
export function useAdministersProvince(admin: boolean, governmentCode: string): boolean {
  const [province, setProvince] = useState(false);
  useEffect(() => {
    if (!admin) return setProvince(false);
    let live = true;
    let answer = asked.get(governmentCode);
    if (!answer) {
      answer = ok<{ items: Government[] }>(api.GET('/api/governments')).then(
        (list) => list.items.some((g) => g.code === governmentCode && g.level === 'PROVINCE'),
        () => {
          asked.delete(governmentCode); // ask again next time
          return false;
        },
      );
      asked.set(governmentCode, answer);
    }
    void answer.then((yes) => live && setProvince(yes));
    return () => {
      live = false;
    };
  }, [admin, governmentCode]);
  return province;
}
