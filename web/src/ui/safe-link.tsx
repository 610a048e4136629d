// Only web addresses become links; anything else is shown as the text it is.
export function SafeLink({ href }: { href: string }) {
  let url: URL | undefined;
  try {
    url = new URL(href);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return <span>{href}</span>;
  return (
    <a href={url.href} target="_blank" rel="noopener noreferrer">
      {href}
      <span className="visually-hidden"> (se abre en otra pestaña)</span>
    </a>
  );
}

export function LinkList({ links }: { links: readonly string[] }) {
  return (
    <ul>
      {links.map((link) => (
        <li key={link}>
          <SafeLink href={link} />
        </li>
      ))}
    </ul>
  );
}
