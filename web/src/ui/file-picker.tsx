import { useRef, useState } from 'react';
import { formatBytes } from './format';

// Files to upload, dropped or picked, listed with a button to take each out;
// the same file chosen twice counts once. `files` lives in the form's state,
// so what was chosen stays when the server refuses.
export function FilePicker({ id, label, hint, files, onChange, error }: { id: string; label: string; hint: string; files: readonly File[]; onChange: (files: File[]) => void; error?: string | undefined }) {
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const add = (list: FileList | null) => {
    if (!list) return;
    onChange([...files, ...[...list].filter((f) => !files.some((c) => c.name === f.name && c.size === f.size))]);
    // The list above is what is sent: the input is emptied so the same file can be chosen again after taking it out.
    if (picker.current) picker.current.value = '';
  };
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {/* The file input itself is the drop target (browsers accept files dropped on it), large enough to aim at. */}
      <input
        ref={picker}
        id={id}
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        type="file"
        multiple
        aria-describedby={error ? `${id}-hint ${errorId}` : `${id}-hint`}
        {...(error ? { 'aria-invalid': true } : {})}
        onChange={(e) => add(e.target.files)}
        onDragEnter={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        onDrop={() => setDragging(false)}
      />
      {files.length > 0 && (
        <ul className="chosen-files" aria-label="Archivos elegidos">
          {files.map((file) => (
            <li key={`${file.name}-${file.size}`}>
              {file.name} <span className="muted">({formatBytes(file.size)})</span>{' '}
              <button type="button" className="button button-quiet" onClick={() => onChange(files.filter((f) => f !== file))}>
                Quitar <span className="visually-hidden">{file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
