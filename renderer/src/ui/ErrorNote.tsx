import { CircleAlert } from 'lucide-react';

/** An inline error with the host's own message (fal's reason, the engine's refusal). */
export function ErrorNote({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="note note-danger" role="alert">
      <CircleAlert size={16} aria-hidden />
      <span>
        {prefix && <strong>{prefix} </strong>}
        {message}
      </span>
    </div>
  );
}
