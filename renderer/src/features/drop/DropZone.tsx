import { ImageUp } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import { ACCEPTED_FILE_TYPES } from './stagedFileChecks';

/** A large target for dragged images; clicking it opens the file chooser instead. */
export function DropZone({ onFiles, hint }: { onFiles: (files: File[]) => void; hint: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => list && list.length > 0 && onFiles(Array.from(list));
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files);
  };
  return (
    <div
      className={`drop-zone ${over ? 'drop-over' : ''}`}
      role="button"
      tabIndex={0}
      aria-label="Drop images here, or choose files"
      onClick={() => input.current?.click()}
      onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && input.current?.click()}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <ImageUp size={44} strokeWidth={1.5} aria-hidden />
      <strong>Drop images here</strong>
      <span className="muted">{hint}</span>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILE_TYPES}
        hidden
        data-testid="drop-input"
        onChange={(event) => {
          take(event.target.files);
          event.target.value = '';
        }}
      />
    </div>
  );
}
