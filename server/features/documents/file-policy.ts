import { fileTypeFromFile } from 'file-type';

// Interim policy until the full inspection lands: binary types from the content, a small allow-list.
export const MAX_UPLOAD_BYTES_DEFAULT = 100 * 1024 * 1024;
export type RefusalRule = 'file_empty' | 'file_type_refused';
export type Inspection =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; rule: RefusalRule; detail: string };

const ALLOWED = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export async function inspectUpload(input: { file: string; size: number; name: string }): Promise<Inspection> {
  if (input.size === 0) return { ok: false, rule: 'file_empty', detail: 'The file is empty.' };
  const type = await fileTypeFromFile(input.file);
  if (type && ALLOWED.has(type.mime)) return { ok: true, mimeType: type.mime, extension: type.ext };
  return { ok: false, rule: 'file_type_refused', detail: 'This kind of file cannot be uploaded.' };
}
