import type { ImportFile } from '../../workspace/importHooks';

/** What was read from a selection or a drop, and how many files inside folders were passed over. */
export interface ReadFiles {
  files: ImportFile[];
  skipped: number;
}

/** Only these can hold hooks (the importer reads them, zips included). */
const HOOK_FILE = /\.(js|json|ya?ml|zip)$/i;
/** Folders of a project that never hold hooks and can be huge. */
const SKIPPED_FOLDER = /^(node_modules|\.[^/]*)$/;

/**
 * Whether a file found inside a chosen or dropped folder is worth reading: a hook file type,
 * outside `node_modules` and dot-folders (`.git`). Files given one by one are always read,
 * so the importer can say why one is not a hook.
 */
export function isWorthReading(path: string): boolean {
  const segments = path.split('/');
  const folders = segments.slice(0, -1);
  return HOOK_FILE.test(segments.at(-1) ?? '') && !folders.some((f) => SKIPPED_FOLDER.test(f));
}

async function toImportFile(path: string, file: File): Promise<ImportFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Files from an `<input type="file">`; a folder input gives each file's `webkitRelativePath`. */
export async function readFileList(list: FileList | readonly File[]): Promise<ReadFiles> {
  const files: ImportFile[] = [];
  let skipped = 0;
  for (const file of Array.from(list)) {
    // A folder input gives the path inside the chosen folder; a files input gives ''.
    const relative = file.webkitRelativePath || '';
    const path = relative || file.name;
    if (relative && !isWorthReading(path)) skipped += 1;
    else files.push(await toImportFile(path, file));
  }
  return { files, skipped };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** A directory's entries: readEntries() answers in batches until it answers an empty one. */
async function directoryEntries(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const isFileEntry = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectoryEntry = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry =>
  entry.isDirectory;

/**
 * The files of a drop, folders walked recursively (paths like `tenant/hooks/a.js`).
 * Call it inside the drop handler: a DataTransfer's items can only be read during the
 * event, so they are taken before the first await.
 */
export function readDataTransfer(transfer: DataTransfer): Promise<ReadFiles> {
  const entries: FileSystemEntry[] = [];
  const plainFiles: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) plainFiles.push(file);
    }
  }
  if (entries.length === 0 && plainFiles.length === 0) plainFiles.push(...transfer.files);
  return readEntries(entries, plainFiles);
}

async function readEntries(entries: FileSystemEntry[], plainFiles: File[]): Promise<ReadFiles> {
  const result = await readFileList(plainFiles);
  const visit = async (entry: FileSystemEntry, top: boolean): Promise<void> => {
    const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
    if (isFileEntry(entry)) {
      if (!top && !isWorthReading(path)) result.skipped += 1;
      else result.files.push(await toImportFile(path, await entryFile(entry)));
    } else if (isDirectoryEntry(entry)) {
      if (!top && SKIPPED_FOLDER.test(entry.name)) return;
      for (const child of await directoryEntries(entry)) await visit(child, false);
    }
  };
  for (const entry of entries) await visit(entry, true);
  return result;
}
