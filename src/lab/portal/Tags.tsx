import { usePortal } from './context';

export function Tags({ tags }: { tags: Record<string, string> | undefined }) {
  const { t } = usePortal();
  const entries = Object.entries(tags ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p class="muted">{t.noTags}</p>;
  return (
    <table class="portal-table">
      <thead>
        <tr>
          <th scope="col">{t.name}</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <td>
              <code>{k}</code>
            </td>
            <td>
              <code>{v}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
