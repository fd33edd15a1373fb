import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

/** Goes to `to` in the app; a new entry of the history starts at the top of its page, as a page load would. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  if (!options.replace) scrollTo(0, 0);
}

/** The current path and query; re-renders on navigation and on back/forward. */
export function useLocation(): URL {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return new URL(location.href);
}

/** `/quick-wins/:id` against `/quick-wins/abc` -> `{id: 'abc'}`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** An ordinary link that navigates inside the app (modified clicks open a tab as usual); its own onClick runs first. */
export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren }) {
  const onClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    props.onClick?.call(event.currentTarget, event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.href);
  };
  return <a {...props} onClick={onClick} />;
}
