import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateInputEcho, monthInputEcho } from '../i18n/date-input-echo';
import { FALLBACK_ZONE } from '../i18n/words';

type DateInputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue' | 'id'> & {
  id: string;
  type?: 'date' | 'datetime-local' | 'month';
  defaultValue?: string;
  /** The government's zone a date and time is read in (its abbreviation is said). */
  timeZone?: string;
};

/**
 * A date (or date and time, or month) field that says under it, in words, the day it holds ("Selasa, 1 Desember
 * 2026", "Maret 2026"): a browser on an English system shows 12/01/2026 for it, which an Indonesian reader takes
 * for 12 January.
 * The words are the field's description, read out by screen readers as it changes.
 */
export function DateInput({ id, type = 'date', defaultValue = '', timeZone = FALLBACK_ZONE, ...input }: DateInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(defaultValue);
  useEffect(() => {
    // a form's reset puts the field back to its default; the words follow
    const form = ref.current?.form;
    const onReset = () => setValue(defaultValue);
    form?.addEventListener('reset', onReset);
    return () => form?.removeEventListener('reset', onReset);
  }, [defaultValue]);
  const echoId = `${id}-echo`;
  const describedBy = [input['aria-describedby'] as string | undefined, echoId].filter(Boolean).join(' ');
  return (
    <>
      <input {...input} ref={ref} id={id} type={type} defaultValue={defaultValue} aria-describedby={describedBy} onInput={(e) => setValue(e.currentTarget.value)} />
      <p class="date-echo" id={echoId} aria-live="polite">
        {type === 'month' ? monthInputEcho(value) : dateInputEcho(value, timeZone)}
      </p>
    </>
  );
}
