import type { imports as en } from '../en/imports.js';

export const imports: Record<keyof typeof en, string> = {
  'imports.action': 'Importieren',
  'imports.title': 'Import',
  'imports.description':
    'Viele Datensätze auf einmal aus einer CSV- oder Excel-Datei übernehmen. Jede Zeile wird zuerst geprüft; gespeichert wird erst nach Ihrer Bestätigung.',
  'imports.entity': 'Was importieren',
  'imports.entity.contract': 'Verträge',
  'imports.entity.partner': 'Geschäftspartner',

  'imports.step.upload': 'Hochladen',
  'imports.step.mapping': 'Spalten zuordnen',
  'imports.step.check': 'Prüfen',
  'imports.step.done': 'Fertig',

  'imports.chooseFile': 'Datei wählen',
  'imports.uploadTitle': 'CSV- oder Excel-Datei hochladen',
  'imports.fileHint':
    'Die erste Zeile enthält die Spaltennamen. CSV mit Komma, Semikolon oder Tab in UTF-8, oder eine Excel-Mappe (.xlsx, erstes Blatt). Höchstens 50 MB und 20.000 Zeilen.',
  'imports.file.empty': 'Die Datei ist leer.',
  'imports.file.no_rows': 'Die Datei hat Spaltennamen, aber keine Zeilen.',
  'imports.file.encoding': 'Die Datei ist kein UTF-8-Text.',
  'imports.file.csv_syntax': 'Die Datei konnte nicht als CSV gelesen werden.',
  'imports.file.xlsx_unreadable': 'Die Datei konnte nicht als Excel-Mappe gelesen werden.',
  'imports.file.cell_too_large': 'Zeile {row}: Eine Zelle enthält mehr als {max} Zeichen, mehr als ein Feld aufnimmt.',
  'imports.file.duplicate_header': 'Zwei Spalten der Datei haben denselben Namen.',
  'imports.file.too_many_rows': 'Die Datei hat mehr als {max} Zeilen. Teilen Sie sie auf mehrere Dateien auf.',
  'imports.file.too_many_columns': 'Zeile {row} hat mehr als {max} Spalten.',
  'imports.file.too_much_text':
    'Die Datei enthält zu viel Text für einen Import. Teilen Sie sie auf mehrere Dateien auf.',
  'imports.file.header_too_long': 'Der Name der Spalte {column} ist länger als {max} Zeichen.',
  'imports.file.unpacked_too_large':
    'Die Mappe entpackt sich zu weit mehr Daten, als ein Import aufnimmt. Speichern Sie nur das zu importierende Blatt, oder teilen Sie sie auf.',
  'imports.file.text_characters':
    'Zeile {row}, Spalte {column}: Eine Zelle enthält ein Zeichen, das nicht gespeichert werden kann (ein NUL-Zeichen oder ein halbes Emoji).',
  'imports.file.csv_unclosed_quote':
    'Zeile {row}, Spalte {column}: Ein Wert in Anführungszeichen wird nie geschlossen. Schließen oder entfernen Sie das Anführungszeichen und laden Sie die Datei erneut hoch.',
  'imports.file.csv_text_after_quote':
    'Zeile {row}, Spalte {column}: Direkt nach einem schließenden Anführungszeichen folgt Text. Setzen Sie den ganzen Wert in Anführungszeichen und verdoppeln Sie Anführungszeichen darin (""), dann laden Sie die Datei erneut hoch.',

  'imports.fileInfo': '{fileName}: {rows} Zeilen, {columns} Spalten',
  'imports.column': 'Spalte in der Datei',
  'imports.target': 'Importieren als',
  'imports.skip': 'Nicht importieren',
  'imports.requiredMissing': 'Wählen Sie eine Spalte für: {fields}.',
  'imports.customFields': 'Benutzerdefinierte Felder',
  'imports.options': 'Optionen',
  'imports.createPartners': 'Fehlende Geschäftspartner anlegen',
  'imports.createCategories': 'Fehlende Kategorien anlegen',
  'imports.dateFormat': 'Datumsangaben in der Datei',
  'imports.dateFormat.auto': 'Erkennen (2025-03-31 oder 31.03.2025)',
  'imports.dateFormat.YYYY-MM-DD': 'Jahr zuerst (2025-03-31)',
  'imports.dateFormat.DD.MM.YYYY': 'Tag zuerst (31.03.2025)',
  'imports.applyDefaultReminders': 'Jedem Vertrag die Standard-Erinnerungen des Kontos geben',
  'imports.applyDefaultRemindersHint':
    'Wie bei einem im Formular angelegten Vertrag; festgelegt unter Einstellungen → Erinnerungen.',
  'imports.check': 'Alle Zeilen prüfen',
  'imports.uploadOther': 'Andere Datei hochladen',

  'imports.checked': 'Geprüfte Zeilen: {rows}',
  'imports.errorCount': 'Fehler: {count}',
  'imports.noErrors': 'Keine Fehler: alle {rows} Zeilen können importiert werden.',
  'imports.hasErrors':
    'Korrigieren Sie diese Zeilen in der Datei und laden Sie sie erneut hoch, oder ändern Sie die Zuordnung. Sie können auch nur die gültigen Zeilen importieren und diese überspringen.',
  'imports.errorsTitle': 'Fehler nach Zeile',
  'imports.error.row': 'Zeile',
  'imports.error.column': 'Spalte',
  'imports.error.value': 'Wert',
  'imports.error.reason': 'Problem',
  'imports.errorsPage': 'Seiten der Fehlerliste',
  'imports.uploadFixed': 'Korrigierte Datei hochladen',
  'imports.editMapping': 'Zuordnung ändern',
  'imports.commit': '{rows} Zeilen importieren',
  'imports.commitHint': 'Alle Zeilen werden gemeinsam gespeichert oder keine.',
  'imports.summaryValid': 'Importierbare Zeilen: {count}',
  'imports.ignoredTitle': 'Nicht importierte Spalten',
  'imports.ignoredIntro':
    'Diese Spalten der Datei stehen auf „Nicht importieren“. Ihre Daten werden nicht gespeichert:',
  'imports.ignoredColumn': '{column}: {filled} Zeilen mit Wert, z. B. „{sample}“',
  'imports.ignoredColumnEmpty': '{column}: in jeder Zeile leer',
  'imports.ignoredConfirm': 'Ich habe diese Spalten geprüft: nicht importieren',
  'imports.numberingTitle': 'Vertragsnummern',
  'imports.numberingKept': '{count} Zeilen behalten die Vertragsnummer aus der Datei.',
  'imports.numberingGenerated':
    '{count} Zeilen haben keine Nummer und erhalten eine nach dem Muster {pattern}: Zeilen {rows}.',
  'imports.numberingGeneratedMore':
    '{count} Zeilen haben keine Nummer und erhalten eine nach dem Muster {pattern}: Zeilen {rows} und weitere.',
  'imports.remindersPlanned': 'Jeder Vertrag erhält die Standard-Erinnerungen des Kontos ({count}).',
  'imports.remindersOff': 'Die Standard-Erinnerungen des Kontos werden nicht angelegt.',
  'imports.mode': 'Wenn Zeilen Fehler haben',
  'imports.mode.all': 'Nichts importieren, bis jede Zeile passt',
  'imports.mode.valid': 'Die {valid} gültigen Zeilen importieren und die {invalid} fehlerhaften überspringen',
  'imports.commitValid': '{rows} Zeilen importieren, {skipped} überspringen',
  'imports.commitValidHint': 'Die übersprungenen Zeilen stehen danach in einem Bericht zum Herunterladen.',
  'imports.downloadErrors': 'Fehlerliste herunterladen (CSV)',

  'imports.doneTitle': 'Import abgeschlossen',
  'imports.doneContracts': 'Importierte Verträge: {count}',
  'imports.donePartnersCreated': 'Angelegte Geschäftspartner: {count}',
  'imports.doneCategoriesCreated': 'Angelegte Kategorien: {count}',
  'imports.donePartners': 'Importierte Geschäftspartner: {count}',
  'imports.toContracts': 'Zu den Verträgen',
  'imports.toPartners': 'Zu den Geschäftspartnern',
  'imports.again': 'Weitere Datei importieren',
  'imports.doneSkipped': 'Wegen Fehlern übersprungene Zeilen: {count}',
  'imports.doneNumbersGenerated': 'Vertragsnummern nach Muster vergeben: {count}',
  'imports.doneReminders': 'Angelegte Standard-Erinnerungen: {count}',
  'imports.downloadReport': 'Bericht der übersprungenen Zeilen herunterladen (CSV)',
  'imports.reportFile': 'uebersprungene-zeilen',

  'imports.reason.renewal_not_imported':
    'Die Verlängerung dieser Zeile steht in einer Spalte, die nicht importiert wird: Der Vertrag würde mit der Vertragsart „{type}“ gespeichert und sich nie verlängern. Importieren Sie die Spalte als „{field}“ oder leeren Sie die Zelle.',
  'imports.reason.notice_not_imported':
    'Die Kündigungsregeln dieser Zeile stehen in einer Spalte, die nicht importiert wird: Der Vertrag hätte keine Kündigungsfrist. Importieren Sie die Spalte als „{field}“ oder leeren Sie die Zelle.',
  'imports.reason.type_not_imported':
    'Diese Spalte nennt eine andere Vertragsart, wird aber nicht importiert: Die Zeile würde mit der Vertragsart „{type}“ gespeichert. Importieren Sie die Spalte als „{field}“.',
  'imports.rule.columns_not_confirmed': 'Bestätigen Sie vor dem Import die Spalten, die nicht importiert werden.',

  'importTarget.owner': 'Verantwortlich (E-Mail)',
  'importTarget.backupOwner': 'Stellvertretung (E-Mail)',
};
