import { supportedExtensions } from 'file-type';
import { ALLOWED_DOCUMENT_TYPES } from '../../../common/document-types.js';

/** Each extension we accept, and the ones meaning the same type (jpeg → jpg), to its canonical form. */
const CANONICAL = new Map(
  ALLOWED_DOCUMENT_TYPES.flatMap((t) => [t.extension, ...t.aliases].map((e) => [e, t.extension])),
);

/** Canonical types whose content is text, and which other names a file of each may carry. */
const TEXT_NAMES: Record<string, readonly string[]> = {
  txt: ['txt', 'csv'],
  csv: ['csv', 'txt'],
  eml: ['eml', 'txt'],
};

/**
 * Names a desktop runs or renders when a person opens the downloaded file: programs, scripts,
 * shortcuts, markup. Text content under one of these names is a script, whatever it says.
 */
const RUNNABLE = new Set(
  (
    'exe dll com scr pif cpl msi msp mst msix appx sys drv ocx efi bin elf so dylib app command class jar war ear wasm ' +
    'apk dex deb rpm dmg pkg iso img vhd vhdx ' +
    'js mjs cjs jse vbs vbe wsf wsh wsc sct hta bat cmd ps1 psm1 psd1 ps1xml sh bash zsh csh ksh fish py pyw pyc pl pm ' +
    'rb php phtml phar asp aspx jsp cgi lua tcl applescript scpt ahk au3 ' +
    'html htm xhtml shtml mht mhtml svg svgz xml xsl xslt xht url lnk reg inf scf desktop jnlp library-ms ' +
    'settingcontent-ms website gadget msc'
  ).split(' '),
);

/** Extensions file-type recognises as some other format; "dat" names nothing in particular. */
const OTHER_FORMATS = new Set([...supportedExtensions].map((e) => e.toLowerCase()).filter((e) => e !== 'dat'));

/**
 * The extension a file's name ends with, lower case, or null. Trailing dots and spaces are
 * dropped first, as Windows drops them when it saves the file ("bill.bat. " is "bill.bat").
 */
export function nameExtension(name: string): string | null {
  const trimmed = name.replace(/[\s.]+$/u, '');
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return null;
  const ext = trimmed.slice(dot + 1).toLowerCase();
  return /^[a-z0-9_+-]{1,32}$/.test(ext) ? ext : null;
}

export type NameVerdict = 'fits' | 'mismatch' | 'runnable';

/**
 * Whether a name suits content of the canonical type `content` (an accepted type), or
 * `refusedText` (text we refuse, such as HTML). Unknown extensions fit: they name no type.
 */
export function nameVerdict(ext: string | null, content: string | { refusedText: boolean }): NameVerdict {
  if (ext === null) return 'fits';
  const named = CANONICAL.get(ext);
  if (typeof content !== 'string') {
    // Refused content is refused for what it is; the name only matters when it claims a type we take.
    if (named === undefined || (content.refusedText && TEXT_NAMES.txt!.includes(named))) return 'fits';
    return 'mismatch';
  }
  const text = TEXT_NAMES[content];
  if (named !== undefined) return named === content || text?.includes(named) ? 'fits' : 'mismatch';
  if (RUNNABLE.has(ext)) return text ? 'runnable' : 'mismatch';
  return OTHER_FORMATS.has(ext) ? 'mismatch' : 'fits';
}
