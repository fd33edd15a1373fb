/**
 * The browser tab says which page it shows, from the page's own heading ("Kotak Masuk · alur"),
 * also once a page's heading arrives with its data (a document's title). Returns the stop.
 */
export function titleFollowsHeading(root: HTMLElement): () => void {
  const update = () => {
    const heading = root.querySelector('h1')?.textContent?.trim();
    const title = heading ? `${heading} · alur` : 'alur';
    if (document.title !== title) document.title = title;
  };
  update();
  const observer = new MutationObserver(update);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
