import type { ByteSource } from '../../platform/files/zip-directory.js';

/**
 * What an OLE2 compound file (MS-CFB) holds, told from the names of the streams at its root:
 * legacy Word, Excel and PowerPoint files and Outlook messages share this container with
 * installers (.msi), Visio drawings and password-protected Office 2007+ files.
 */
export type CfbKind =
  | { kind: 'doc' | 'xls' | 'ppt' | 'msg' }
  | { kind: 'encrypted'; what: string }
  | { kind: 'other'; what: string };

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const NO_ENTRY = 0xffffffff;
/** Bounds on what a hostile header can make us read. */
const MAX_DIRECTORY_SECTORS = 4096;
const MAX_DIFAT_SECTORS = 8192;
const MAX_ROOT_CHILDREN = 10_000;

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

class Compound {
  private readonly fat = new Map<number, Buffer>();
  private fatSectors: number[] = [];

  private constructor(
    private readonly source: ByteSource,
    readonly sectorSize: number,
    readonly miniCutoff: number,
    readonly firstDirectory: number,
  ) {}

  static async open(source: ByteSource): Promise<Compound | null> {
    const header = await source.read(0, 512);
    if (header.length < 512) return null;
    const shift = header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) return null;
    const file = new Compound(source, 1 << shift, header.readUInt32LE(0x38), header.readUInt32LE(0x30));
    const perSector = file.sectorSize / 4;
    const fat: number[] = [];
    for (let i = 0; i < 109; i++) fat.push(header.readUInt32LE(0x4c + i * 4));
    let difat = header.readUInt32LE(0x44);
    for (let n = 0; n < MAX_DIFAT_SECTORS && difat < END_OF_CHAIN; n++) {
      const sector = await file.sector(difat);
      if (sector.length < file.sectorSize) break;
      for (let i = 0; i < perSector - 1; i++) fat.push(sector.readUInt32LE(i * 4));
      difat = sector.readUInt32LE((perSector - 1) * 4);
    }
    file.fatSectors = fat;
    return file;
  }

  sector(n: number): Promise<Buffer> {
    return this.source.read((n + 1) * this.sectorSize, this.sectorSize);
  }

  private async next(n: number): Promise<number> {
    const perSector = this.sectorSize / 4;
    const which = this.fatSectors[Math.floor(n / perSector)];
    if (which === undefined || which >= END_OF_CHAIN) return END_OF_CHAIN;
    let sector = this.fat.get(which);
    if (!sector) {
      sector = await this.sector(which);
      this.fat.set(which, sector);
    }
    const at = (n % perSector) * 4;
    return at + 4 <= sector.length ? sector.readUInt32LE(at) : END_OF_CHAIN;
  }

  /** The directory's entries, following its sector chain at most MAX_DIRECTORY_SECTORS long. */
  async directory(first: number): Promise<Entry[]> {
    const entries: Entry[] = [];
    const seen = new Set<number>();
    for (let n = first; n < END_OF_CHAIN && n !== FREE && !seen.has(n) && seen.size < MAX_DIRECTORY_SECTORS; ) {
      seen.add(n);
      const sector = await this.sector(n);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameBytes = Math.min(64, sector.readUInt16LE(at + 0x40));
        entries.push({
          name: sector.toString('utf16le', at, at + Math.max(0, nameBytes - 2)),
          type: sector[at + 0x42]!,
          left: sector.readUInt32LE(at + 0x44),
          right: sector.readUInt32LE(at + 0x48),
          child: sector.readUInt32LE(at + 0x4c),
          start: sector.readUInt32LE(at + 0x74),
          size: sector.readUInt32LE(at + 0x78),
        });
      }
      n = await this.next(n);
    }
    return entries;
  }

  /** The first sector of a stream kept in regular sectors; streams under the cutoff live in the mini stream. */
  async streamStart(entry: Entry): Promise<Buffer | null> {
    if (entry.size < this.miniCutoff || entry.start >= END_OF_CHAIN) return null;
    return this.sector(entry.start);
  }
}

/** The names below the root storage: its child and that child's siblings (a red-black tree). */
function rootChildren(entries: Entry[]): Map<string, Entry> {
  const found = new Map<string, Entry>();
  const root = entries[0];
  if (root?.type !== 5) return found;
  const stack = [root.child];
  const seen = new Set<number>();
  while (stack.length > 0 && seen.size < MAX_ROOT_CHILDREN) {
    const id = stack.pop()!;
    const entry = entries[id];
    if (id === NO_ENTRY || seen.has(id) || !entry) continue;
    seen.add(id);
    found.set(entry.name, entry);
    stack.push(entry.left, entry.right);
  }
  return found;
}

/** Word's file information block: wIdent 0xA5EC, then fEncrypted (0x0100) or fObfuscated (0x8000). */
const wordEncrypted = (fib: Buffer) =>
  fib.length >= 12 && fib.readUInt16LE(0) === 0xa5ec && (fib.readUInt16LE(0x0a) & 0x8100) !== 0;

/** Excel's workbook stream opens with BOF; a FILEPASS record right after it means a password. */
function excelEncrypted(stream: Buffer): boolean {
  if (stream.length < 8 || stream.readUInt16LE(0) !== 0x0809) return false;
  const next = 4 + stream.readUInt16LE(2);
  return next + 2 <= stream.length && stream.readUInt16LE(next) === 0x002f;
}

export async function classifyCfb(source: ByteSource): Promise<CfbKind> {
  const file = await Compound.open(source);
  if (!file) return { kind: 'other', what: 'a damaged OLE2 compound file' };
  const names = rootChildren(await file.directory(file.firstDirectory));
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage'))
    return { kind: 'encrypted', what: 'a password-protected Office document' };
  const word = names.get('WordDocument');
  if (word) {
    const fib = await file.streamStart(word);
    return fib && wordEncrypted(fib)
      ? { kind: 'encrypted', what: 'a password-protected Word document' }
      : { kind: 'doc' };
  }
  const book = names.get('Workbook') ?? names.get('Book');
  if (book) {
    const start = await file.streamStart(book);
    return start && excelEncrypted(start)
      ? { kind: 'encrypted', what: 'a password-protected Excel workbook' }
      : { kind: 'xls' };
  }
  if (names.has('PowerPoint Document')) {
    return names.has('EncryptedSummary')
      ? { kind: 'encrypted', what: 'a password-protected PowerPoint presentation' }
      : { kind: 'ppt' };
  }
  if (names.has('__properties_version1.0') && [...names.keys()].some((n) => n.startsWith('__substg1.0_')))
    return { kind: 'msg' };
  return { kind: 'other', what: 'an OLE2 compound file that is not a Word, Excel, PowerPoint or Outlook file' };
}
