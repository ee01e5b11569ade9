import type { errors as en } from '../en/errors.js';

export const errors: Record<keyof typeof en, string> = {
  'validation.mapping_incomplete': 'Wählen Sie Geschäftsbereich und Rolle – oder keines von beiden.',
  'form.errorSummary': 'Zu prüfen: {fields}.',
  'problem.gone': 'Das ist nicht mehr gültig',
  'problem.conflict.expiry_follows_settings':
    'Die Ablaufbenachrichtigung folgt den Erinnerungseinstellungen des Kontos; ändern Sie sie dort.',
  'problem.conflict.reminder_inactive':
    'Diese Erinnerung ist nicht aktiv: Ihr Termin liegt nicht mehr in der Zukunft, oder der Vertrag ist beendet.',
  'problem.conflict.invitation_accepted': 'Diese Person hat die Einladung bereits angenommen.',
  'problem.conflict.lock_self': 'Sie können Ihr eigenes Konto nicht sperren.',
  'problem.conflict.remove_self': 'Sie können sich nicht selbst aus diesem Konto entfernen.',
  'problem.conflict.category_in_use':
    'Verträge verwenden diese Kategorie noch ({count}, Papierkorb eingeschlossen). Ordnen Sie sie zuerst neu zu.',
  'problem.conflict.org_unit_in_use':
    'Verträge verwenden diese Organisationseinheit noch ({count}, Papierkorb eingeschlossen). Verschieben Sie sie zuerst.',
  'problem.conflict.system_event':
    'Beginn, Ende, Verlängerung und Kündigungsfrist folgen dem Vertrag; ändern Sie stattdessen den Vertrag.',
  'problem.conflict.default_business_unit': 'Der Standard-Geschäftsbereich kann nicht gelöscht werden.',
  'problem.conflict.business_unit_in_use':
    'Dieser Geschäftsbereich enthält noch Verträge (eventuell im Papierkorb). Verschieben Sie sie zuerst.',
  'validation.columns_not_confirmed': 'Bestätigen Sie vor dem Import die Spalten, die nicht importiert werden.',
  'problem.conflict.import_committed': 'Dieser Import wurde bereits ausgeführt.',
  'problem.conflict.import_not_checked': 'Führen Sie zuerst die Prüfung aus.',
  'problem.conflict.import_has_errors':
    'Die letzte Prüfung hat {count} Fehler gefunden. Korrigieren Sie die Datei oder die Spaltenzuordnung und prüfen Sie erneut, oder importieren Sie nur die gültigen Zeilen.',
  'problem.conflict.import_mapping_changed':
    'Die Spaltenzuordnung hat sich seit der letzten Prüfung geändert. Prüfen Sie vor dem Import erneut.',
  'problem.conflict.import_rows_changed':
    'Manche Zeilen ergeben nicht mehr dasselbe Prüfergebnis, weil sich die Daten seit der Prüfung geändert haben. Prüfen Sie erneut.',
  'problem.conflict.import_no_valid_rows': 'Keine Zeile hat die Prüfung bestanden: Es gibt nichts zu importieren.',
  'problem.conflict.partner_has_contracts':
    'Dieser Partner hat noch Verträge. Ordnen Sie sie zuerst einem anderen Partner zu.',
  'problem.conflict.numbers_exhausted':
    'Es wurde keine freie Vertragsnummer gefunden: Der Zähler trifft immer wieder auf vergebene Nummern. Prüfen Sie das Nummernschema.',
  'problem.conflict.number_reused':
    'Die Vertragsnummer {number} gehört inzwischen einem anderen Vertrag; ändern Sie zuerst diesen.',
  'problem.conflict.options_in_use':
    'Diese Optionen sind in gespeicherten Werten noch gewählt (Papierkorb eingeschlossen): {options}. Ändern Sie zuerst diese Werte.',
  'problem.conflict.duplicate':
    'Derselbe Wert wurde gerade eben von jemand anderem gespeichert. Laden Sie neu und prüfen Sie.',
  'problem.conflict.concurrent_change':
    'Jemand hat dieselben Daten im selben Moment geändert. Versuchen Sie es erneut.',
  'problem.conflict.partner_has_hidden_contracts':
    'Ein zu verschmelzender Partner hat Verträge in Geschäftsbereichen, die Sie nicht bearbeiten dürfen. Bitten Sie einen Administrator, die Partner zusammenzuführen.',
  'problem.conflict.not_in_inbox':
    'Dieses Dokument ist nicht mehr im Eingang: Jemand hat es bereits einem Vertrag zugeordnet oder gelöscht.',
  'problem.conflict.export_in_progress':
    'Ein Export dieses Kontos wird gerade erstellt. Warten Sie, bis er bereit ist.',
  'problem.conflict.export_not_ready': 'Dieser Export ist noch nicht zum Herunterladen bereit.',
  'problem.gone.export_expired': 'Dieser Export wurde 7 Tage nach seiner Erstellung gelöscht. Starten Sie einen neuen.',
  'problem.gone.link_expired': 'Dieser Link ist abgelaufen.',
  'problem.gone.upload_expired':
    'Das Hochladen hat zu lange gedauert und wurde verworfen. Bitte laden Sie die Datei erneut hoch.',
  'problem.gone.reminder_moved':
    'Diese Erinnerung wurde auf ein neues Datum verschoben. Öffnen Sie den Vertrag, um sie zu sehen.',
  'problem.gone.reminder_inactive':
    'Diese Erinnerung ist nicht mehr aktiv. Öffnen Sie den Vertrag, um den Grund zu sehen.',
  'problem.account_locked.locked':
    'Eine Administratorin oder ein Administrator hat Ihren Zugang zu diesem Konto gesperrt. Bitten Sie um die Entsperrung.',
  'problem.rate_limited.sign_in_throttled':
    'Zu viele fehlgeschlagene Anmeldungen von dieser Verbindung. Versuchen Sie es in {seconds} Sekunden erneut oder setzen Sie Ihr Passwort zurück.',
  'problem.account_locked.no_account':
    'Sie gehören keinem Konto mehr an. Bitten Sie eine Administratorin oder einen Administrator um eine Einladung.',
  'problem.conflict.no_pending_sign_in':
    'Es wartet keine Anmeldung auf einen Code. Melden Sie sich zuerst mit Ihrem Passwort an.',
  'problem.conflict.no_second_factor':
    'Backup-Codes setzen einen zweiten Faktor voraus. Richten Sie zuerst eine Authenticator-App ein.',
  'problem.conflict.factor_confirmed': 'Diese Authenticator-App ist bereits eingerichtet.',
  'problem.conflict.second_factor_required':
    'Dieses Konto verlangt einen zweiten Faktor. Fügen Sie einen weiteren hinzu, bevor Sie diesen entfernen.',
  'problem.forbidden.second_factor_enrolment':
    'Dieses Konto verlangt einen zweiten Faktor. Richten Sie einen ein, bevor Sie fortfahren.',
  'problem.conflict.sms_not_configured':
    'SMS sind auf diesem Server nicht eingerichtet. Wählen Sie einen anderen zweiten Faktor.',
  'problem.conflict.sms_not_alone':
    'Als Administrator können Sie sich nicht allein auf SMS verlassen: Fügen Sie zuerst eine Authenticator-App oder einen Passkey hinzu.',
  'problem.rate_limited.code_too_soon':
    'Gerade wurde ein Code gesendet. Einen weiteren können Sie in {seconds} Sekunden anfordern.',
  'problem.rate_limited.code_send_limit':
    'In der letzten Stunde wurden fünf Codes gesendet. Einen weiteren können Sie in {minutes} Minuten anfordern.',
  'problem.rate_limited.code_locked':
    'Zu viele falsche Codes. Zu Ihrem Schutz sind Codes für {minutes} Minuten gesperrt. Wenden Sie sich bei Bedarf an den Absender.',
  'problem.forbidden.scope_missing': 'Dieser API-Schlüssel hat den Bereich „{scope}“ nicht.',
  'validation.idempotency_key_reused': 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
  'problem.forbidden.code_required': 'Bestätigen Sie zuerst den Code, den wir Ihnen per E-Mail gesendet haben.',
  'problem.conflict.code_not_required': 'Für diesen Signaturlink ist kein Code nötig.',
  'problem.conflict.no_notice_deadline':
    'Dieser Vertrag hat keine bevorstehende Kündigungsfrist (er ist befristet, die Kündigung ist bereits erfasst oder die letzte Frist ist verstrichen).',
  'problem.conflict.not_renewing':
    'Dieser Vertrag verlängert sich nicht: Erstellen Sie stattdessen ein Kündigungsschreiben.',
  'problem.conflict.no_partner': 'Der Vertrag nennt keinen Geschäftspartner, an den das Schreiben gehen kann.',
  'problem.conflict.partner_address_missing':
    'Der Geschäftspartner hat keine vollständige Postanschrift (Straße, Postleitzahl und Ort). Ergänzen Sie sie zuerst beim Partner.',
  'problem.conflict.company_details_missing':
    'Name und Postanschrift Ihres Unternehmens fehlen. Eine Administratorin oder ein Administrator trägt sie unter Einstellungen → Unternehmen ein.',
  'problem.rate_limited.sms_throttled': 'Zu viele SMS. Sie können in {seconds} Sekunden einen neuen Code anfordern.',
  'problem.unavailable.sms_unavailable':
    'SMS können gerade nicht versendet werden. Versuchen Sie es später erneut oder wählen Sie einen anderen Weg.',

  'validation.unique.category': 'Eine Kategorie mit dem Namen „{value}“ gibt es bereits.',
  'validation.unique.org_unit': 'Eine Organisationseinheit mit dem Namen „{value}“ gibt es bereits.',
  'validation.unique.business_unit': 'Einen Geschäftsbereich mit dem Namen „{value}“ gibt es bereits.',
  'validation.unique.custom_field':
    'Ein Feld mit dem Schlüssel „{value}“ gibt es bereits. Wählen Sie einen anderen Schlüssel.',
  'validation.unique.contract': 'Die Vertragsnummer „{value}“ wird bereits von einem anderen Vertrag verwendet.',
  'validation.unique.option': '„{value}“ steht doppelt in der Liste.',
  'validation.date_out_of_range': 'Bitte geben Sie ein Datum vom 01.01.1900 bis zum 31.12.2200 ein.',
  'validation.text_characters':
    'Dies enthält ein Zeichen, das nicht gespeichert werden kann (ein NUL-Zeichen oder ein halbes Emoji). Bitte entfernen Sie es.',
  'validation.file_too_large': 'Die Datei ist größer als {max} MB.',
  'validation.name_characters':
    'Namen dürfen keine Schrägstriche, Steuerzeichen oder Schreibrichtungszeichen enthalten.',
  'validation.not_a_file': 'Ein Link hat keine Versionen.',
  'validation.required_field': 'Bitte füllen Sie dieses Feld aus, bevor Sie signieren.',
  'validation.signature_too_large': 'Das Bild der Unterschrift ist zu groß.',
  'validation.not_pdf': 'Nur PDF-Dokumente können zur Signatur gesendet werden.',
  'validation.pdf_unreadable': 'Dieses PDF lässt sich nicht lesen und kann daher nicht signiert werden.',
  'validation.pdf_encrypted': 'Dieses PDF ist verschlüsselt. Laden Sie zum Signieren eine Fassung ohne Passwort hoch.',
  'validation.pdf_already_signed':
    'Dieses PDF ist bereits signiert; eine weitere Signatur würde diese ungültig machen.',
  'validation.pdf_empty': 'Dieses PDF hat keine Seiten.',
  'validation.too_many_pages': 'Ein PDF zur Signatur darf höchstens {max} Seiten haben.',
  'validation.duplicate_email': 'Diese E-Mail-Adresse steht zweimal in der Liste.',
  'validation.already_recipient': 'Diese Adresse erhält diese Anfrage bereits.',
  'validation.unknown_recipient': 'Diesen Empfänger gibt es nicht (mehr). Laden Sie die Seite neu.',
  'validation.recipient_cannot_fill': 'Nur Unterzeichner füllen Felder aus.',
  'validation.page_out_of_range': 'Das Dokument hat nur {max} Seiten.',
  'validation.outside_page': 'Das Feld ragt über die Seite hinaus.',
  'validation.field_too_small': 'Das Feld ist zu klein zum Ausfüllen.',
  'validation.code_format': 'Geben Sie die sechs Ziffern aus der E-Mail ein.',
  'validation.cc_no_code': 'Kopieempfänger unterschreiben nicht und brauchen daher keinen Code.',
  'validation.code_wrong': 'Das ist nicht der Code, den wir gesendet haben. Noch {triesLeft} Versuche.',
  'validation.code_burned':
    'Dieser Code wurde fünfmal falsch eingegeben und gilt nicht mehr. Fordern Sie einen neuen an.',
  'validation.code_expired': 'Dieser Code ist abgelaufen oder wurde schon verwendet. Fordern Sie einen neuen an.',
  'problem.conflict.signing_unconfigured':
    'Diese Installation hat kein Signaturzertifikat, daher kann nichts zur Unterschrift gesendet werden. Bitten Sie den Betreiber, eines einzurichten.',
  'problem.conflict.already_signed': 'Sie haben dieses Dokument bereits unterschrieben.',
  'problem.conflict.document_in_signing':
    '„{title}“ ist zur Unterschrift versendet. Brechen Sie den Umschlag zuerst ab, dann löschen.',
  'problem.conflict.not_your_turn':
    'Sie sind noch nicht an der Reihe. Sie erhalten eine E-Mail, sobald es so weit ist.',
  'problem.conflict.resend_too_soon':
    'Die Anfrage wurde vor weniger als 10 Minuten gesendet. Versuchen Sie es später erneut.',
  'problem.gone.envelope_cancelled': 'Der Absender hat diese Signaturanfrage zurückgezogen.',
  'problem.gone.envelope_expired': 'Diese Signaturanfrage ist abgelaufen.',
  'problem.gone.envelope_declined': 'Diese Signaturanfrage wurde abgelehnt und ist geschlossen.',
  'problem.gone.envelope_unavailable': 'Diese Signaturanfrage ist nicht mehr verfügbar.',
  'validation.signer_required': 'Fügen Sie mindestens eine unterzeichnende Person hinzu.',
  'validation.signature_field_required': 'Platzieren Sie ein Unterschriftsfeld für {email}.',
  'validation.signature_invalid': 'Das Unterschriftsbild ist nicht verwendbar. Zeichnen Sie es erneut.',
  'problem.conflict.envelope_not_in_progress': 'Diese Signaturanfrage läuft nicht mehr.',
  'problem.conflict.recipient_done':
    'Diese Person hat bereits unterschrieben oder abgelehnt; ihre Anfrage kann sich nicht mehr ändern.',
  'problem.conflict.nothing_to_send':
    'Diese Person hat gerade nichts zu unterschreiben: Sie ist noch nicht an der Reihe oder erhält nur eine Kopie.',
  'problem.conflict.envelope_not_draft': 'Diese Signaturanfrage wurde gesendet und kann nicht mehr bearbeitet werden.',
  'validation.attachment_required':
    'In diesem Konto braucht ein Vertrag eine Datei oder einen Link, bevor er den Entwurfsstatus verlässt. Speichern Sie ihn als Entwurf, fügen Sie eine Datei oder einen Link hinzu und ändern Sie dann den Status.',
  'validation.unknown_version': 'Diese Version gibt es nicht.',
  'validation.too_big': 'Bitte geben Sie höchstens {max} ein.',
  'validation.too_big.string': 'Bitte geben Sie höchstens {max} Zeichen ein.',
  'validation.too_big.array': 'Bitte wählen Sie höchstens {max} Einträge.',
  'validation.too_big.number': 'Bitte geben Sie eine Zahl bis höchstens {max} ein.',
  'validation.too_small': 'Bitte geben Sie mindestens {min} ein.',
  'validation.too_small.string': 'Bitte geben Sie mindestens {min} Zeichen ein.',
  'validation.too_small.array': 'Bitte wählen Sie mindestens {min} Einträge.',
  'validation.too_small.number': 'Bitte geben Sie eine Zahl von mindestens {min} ein.',
  'validation.invalid_type': 'Bitte füllen Sie dieses Feld mit einem gültigen Wert aus.',
  'validation.invalid_format': 'Dieser Wert hat nicht das erwartete Format.',
  'validation.invalid_value': 'Bitte wählen Sie einen der angebotenen Werte.',
  'validation.invalid_union': 'Dieser Wert ist ungültig.',
  'validation.invalid_key': 'Dieser Wert ist ungültig.',
  'validation.invalid_element': 'Einer der Einträge ist ungültig.',
  'validation.not_multiple_of': 'Diese Zahl ist hier nicht zulässig.',
  'validation.unrecognized_keys':
    'Diese Seite hat Felder gesendet, die Deedbox nicht kennt. Bitte laden Sie die Seite neu.',
  'validation.format': 'Dieser Wert hat nicht das erwartete Format.',
  'validation.forbidden': 'Das ist hier nicht zulässig.',
  'validation.immutable': 'Das kann nicht geändert werden.',
  'validation.mismatch':
    'Die Liste passt nicht mehr zu den aktuellen Feldern. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'validation.wrong_type': 'Bitte geben Sie einen passenden Wert ein (zum Beispiel eine Zahl oder ein Datum).',
  'validation.unknown_field': 'Dieses Feld gibt es nicht (mehr).',
  'validation.unknown_option': 'Das ist keine der Optionen.',
  'validation.unknown_category': 'Diese Kategorie gibt es nicht (mehr).',
  'validation.default_taken': 'Die Vorlage „{name}“ ist bereits Standard für diese Kategorie.',
  'validation.unknown_org_unit': 'Diese Organisationseinheit gibt es nicht (mehr).',
  'validation.unknown_column': 'Diese Spalte gibt es nicht.',
  'validation.unknown_filter': 'Diesen Filter gibt es nicht.',
  'validation.unknown_time_zone': 'Bitte wählen Sie eine Zeitzone aus der Liste.',
  'validation.invalid_url': 'Bitte geben Sie eine Adresse ein, die mit http:// oder https:// beginnt.',
  'validation.not_editable': 'Die Vertragsnummer wird vergeben und kann nicht geändert werden.',
  'validation.not_a_member': 'Diese Person ist kein aktives Mitglied dieses Kontos.',
  'validation.no_sso': 'Für diese Adresse ist kein Single Sign-on eingerichtet. Melden Sie sich mit Ihrem Passwort an.',
  'validation.discovery_failed':
    'Diese Adresse antwortet nicht als OpenID-Anbieter. Prüfen Sie die Issuer-URL (ihre /.well-known/openid-configuration muss erreichbar sein).',
  'validation.not_metadata':
    'Das sind keine SAML-Metadaten (kein EntityDescriptor). Fügen Sie die vollständigen Metadaten-XML Ihres Identitätsanbieters ein.',
  'validation.not_idp': 'Diese Metadaten beschreiben keinen Identitätsanbieter (kein IDPSSODescriptor).',
  'validation.doctype':
    'XML mit einem DOCTYPE wird nicht angenommen. Fügen Sie die Metadaten so ein, wie Ihr Identitätsanbieter sie liefert.',
  'validation.pem':
    'Das ist kein X.509-Zertifikat. Fügen Sie es im PEM-Format (-----BEGIN CERTIFICATE-----) oder als Base64 ein.',
  'validation.url': 'Bitte geben Sie eine vollständige Adresse ein, die mit https:// beginnt.',
  'validation.https': 'Bitte geben Sie eine Adresse ein, die mit https:// beginnt.',
  'validation.not_admin': 'Nur aktive Administratoren können Notfall-Administratoren sein.',
  'validation.no_second_factor': 'Dieser Administrator hat keinen zweiten Faktor. Er muss zuerst einen einrichten.',
  'validation.connection_disabled': 'Aktivieren Sie zuerst die Single-Sign-on-Verbindung.',
  'validation.unknown': 'Dies existiert nicht (mehr).',
  'validation.cannot_see_contract': 'Diese Person kann diesen Vertrag nicht sehen.',
  'validation.already_member': 'Diese Person gehört bereits zu diesem Konto.',
  'validation.existing_password': 'Geben Sie das Passwort ein, das Sie bereits für Deedbox verwenden.',
  'validation.wrong': 'Das ist nicht Ihr aktuelles Passwort.',
  'validation.not_the_name': 'Das ist nicht der genaue Name des Kontos.',
  'validation.not_the_email': 'Das ist nicht die genaue E-Mail-Adresse der Person.',
  'validation.wrong_code':
    'Dieser Code ist falsch, abgelaufen oder schon verwendet. Geben Sie den Code ein, den Ihre App jetzt anzeigt.',
  'validation.phone':
    'Geben Sie die Nummer im internationalen Format mit Ländervorwahl ein, zum Beispiel +49 170 1234567.',
  'validation.unreachable': 'Diese Nummer kann keine SMS empfangen. Prüfen Sie sie oder verwenden Sie eine andere.',
  'validation.passkey_refused':
    'Dieser Passkey wurde nicht angenommen. Versuchen Sie es erneut oder wählen Sie einen anderen Weg.',
  'validation.too_many_attempts': 'Zu viele falsche Codes. Melden Sie sich erneut mit Ihrem Passwort an.',
  'validation.before_from': 'Das Ende darf nicht vor dem Beginn liegen.',
  'validation.range_too_long': 'Dieser Zeitraum ist zu lang.',
  'validation.range_only': 'Geldfelder werden nach Bereich gefiltert (von und bis).',
  'validation.not_a_range': 'Nur Zahlen-, Geld- und Datumsfelder lassen sich nach Bereich filtern.',
  'validation.single_value': 'Bitte geben Sie nur einen Wert an.',
  'validation.max_feeds': 'Sie haben die Höchstzahl an Kalender-Feeds erreicht. Widerrufen Sie zuerst einen.',
  'validation.self': 'Der Partner, den Sie behalten, kann nicht zugleich eines der Duplikate sein.',
  'validation.render_failed': 'Die Vorlage lässt sich mit Beispielwerten nicht ausfüllen.',
  'validation.unknown_placeholder': 'Die Vorlage verwendet einen Platzhalter, den Deedbox nicht kennt.',
  'validation.malformed': 'Ein Platzhalter ist falsch geschrieben; Platzhalter sehen so aus: {{contractTitle}}.',
  'validation.invalid_pattern': 'Dieses Nummernschema kann nicht verwendet werden.',
  'validation.invalid_pattern.empty': 'Bitte geben Sie ein Schema ein.',
  'validation.invalid_pattern.too_long': 'Das Schema ist zu lang (höchstens 60 Zeichen).',
  'validation.invalid_pattern.counter': 'Das Schema braucht genau einen Zähler {SEQ:n}, zum Beispiel {SEQ:5}.',
  'validation.invalid_pattern.counter_width': 'Die Zählerbreite n in {SEQ:n} muss 1 bis 9 sein.',
  'validation.invalid_pattern.placeholder': 'Nur die Platzhalter {YYYY}, {YY}, {MM} und {SEQ:n} sind möglich.',
  'validation.invalid_pattern.text': 'Text im Schema darf nur Buchstaben, Ziffern, Leerzeichen und - _ / . enthalten.',
  'validation.invalid_pattern.month_without_year': '{MM} braucht zusätzlich {YYYY} oder {YY}.',
  'validation.encoding':
    'Die Datei ist kein gültiger UTF-8-Text. Speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch.',
  'validation.csv_syntax':
    'Die Datei konnte nicht als CSV gelesen werden. Prüfen Sie Anführungszeichen und Trennzeichen.',
  'validation.xlsx_unreadable': 'Die Datei konnte nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden.',
  'validation.cell_too_large': 'Die Datei enthält eine zu große Zelle.',
  'validation.empty': 'Die Datei ist leer oder hat keine Kopfzeile.',
  'validation.no_rows': 'Die Datei enthält keine Datenzeilen.',
  'validation.duplicate_header': 'Zwei Spalten der Datei haben dieselbe Überschrift.',
  'validation.too_many_rows': 'Die Datei hat zu viele Zeilen für einen Import.',
  'validation.too_many_columns': 'Die Datei hat zu viele Spalten.',
  'validation.too_much_text': 'Die Datei enthält zu viel Text für einen Import.',
  'validation.header_too_long': 'Ein Spaltenname der Datei ist zu lang.',
  'validation.unpacked_too_large': 'Die Mappe entpackt sich zu zu vielen Daten.',
  'validation.unknown_header': 'Diese Spalte gibt es in der Datei nicht.',
  'validation.unknown_target': 'In dieses Feld kann Deedbox nicht importieren.',
  'validation.duplicate_target': 'Zwei Spalten sind demselben Feld zugeordnet.',
  'validation.required_target': 'Bitte ordnen Sie jedem Pflichtfeld eine Spalte zu.',
  'validation.file_empty': 'Die Datei ist leer.',
  'validation.file_type_refused':
    'Dateien dieser Art nimmt Deedbox nicht an. Laden Sie PDF-, Office-, OpenDocument-, Bild-, E-Mail-, Text-, CSV- oder ZIP-Dateien hoch.',
  'validation.file_type_mismatch':
    'Der Dateiname nennt eine andere Dateiart als der Inhalt. Benennen Sie die Datei passend um oder laden Sie die richtige Datei hoch.',
  'validation.file_encrypted':
    'Die Datei ist passwortgeschützt. Entfernen Sie das Passwort und laden Sie sie erneut hoch.',
  'validation.file_zip_bomb':
    'Das Archiv entpackt sich zu zu vielen Daten, enthält zu viele Dateien oder verschachtelte Archive oder Einträge, die aus ihm hinauszeigen.',
  'validation.file_polyglot':
    'Die Datei ist zwei Formate zugleich (zum Beispiel ein Bild, das auch eine Webseite oder ein Archiv enthält) und kann nicht gespeichert werden.',
  'validation.url_format':
    'Diesen Link kann Deedbox nicht speichern. Prüfen Sie ihn auf Leerzeichen und verwenden Sie eine Webadresse mit Hostnamen, etwa https://www.dropbox.com/….',
  'validation.url_scheme': 'Es können nur https://-Links hinzugefügt werden.',
  'validation.url_credentials':
    'Links mit Benutzername oder Passwort werden nicht angenommen. Teilen Sie die Datei über ihren Dienst und fügen Sie diesen Link ein.',
  'validation.url_length': 'Der Link ist zu lang (höchstens 2.000 Zeichen).',
  'validation.webhook_url_format':
    'Geben Sie eine vollständige Webadresse ein, z. B. https://example.com/hooks/deedbox.',
  'validation.webhook_url_scheme': 'Webhook-Adressen müssen mit https:// beginnen.',
  'validation.webhook_url_credentials':
    'Adressen mit Benutzername oder Passwort werden nicht angenommen. Prüfen Sie Zustellungen stattdessen mit dem Signaturschlüssel.',
  'validation.webhook_url_private':
    'Diese Adresse zeigt in ein privates Netz (oder auf diesen Server). Webhooks können nur an öffentliche Adressen gehen.',
  'problem.conflict.webhook_delivery_sending':
    'Diese Zustellung wird gerade gesendet. Versuchen Sie es gleich noch einmal.',

  'imports.reason.required_in_account': 'In diesem Konto erforderlich.',
  'imports.reason.not_found': 'In diesem Konto gibt es keine(n) {what} mit diesem Namen.',
  'imports.reason.what.business_unit': 'Geschäftsbereich',
  'imports.reason.what.org_unit': 'Organisationseinheit',
  'imports.reason.what.member': 'Mitglied mit dieser E-Mail-Adresse',
  'imports.reason.what.partner': 'Geschäftspartner',
  'imports.reason.what.category': 'Kategorie',
  'imports.reason.date_auto': 'Kein Datum (JJJJ-MM-TT oder TT.MM.JJJJ).',
  'imports.reason.date_format': 'Kein Datum im Format {format}.',
  'imports.reason.year_range': 'Das Jahr muss zwischen 0001 und 9999 liegen.',
  'imports.reason.no_month': 'Einen Monat {month} gibt es nicht.',
  'imports.reason.no_day': 'Diesen Tag gibt es nicht: {month} hat keinen Tag {day}.',
  'imports.reason.period': 'Kein Zeitraum wie P3M, „3 Monate“ oder „1 Jahr“.',
  'imports.reason.one_of': 'Muss einer dieser Werte sein: {choices}.',
  'imports.reason.not_an_option': '„{value}“ ist keine der Optionen.',
  'imports.reason.number': 'Keine Zahl.',
  'imports.reason.whole_number': 'Keine ganze Zahl.',
  'imports.reason.amount': 'Kein Betrag wie 1200.50 EUR.',
  'imports.reason.yes_no': 'Muss ja oder nein sein.',
  'imports.reason.member': 'Nicht die E-Mail-Adresse eines Mitglieds dieses Kontos.',
  'imports.reason.country': 'Muss ein zweistelliger Ländercode wie DE sein.',
  'imports.reason.role': 'Ihre Rolle erlaubt keine Verträge in diesem Geschäftsbereich.',
  'imports.reason.number_taken': 'Diese Vertragsnummer wird bereits von einem anderen Vertrag verwendet.',
  'imports.reason.number_twice': 'Diese Vertragsnummer steht zweimal in der Datei (zuerst in Zeile {row}).',
  'imports.reason.after_start': 'Muss am oder nach dem Beginn {date} liegen.',
  'imports.reason.required_for_type': 'Für diese Vertragsart erforderlich.',
  'imports.reason.auto_renewal_only': 'Nur sich automatisch verlängernde Verträge haben das.',
  'imports.reason.attachment_required':
    'Muss „Entwurf“ sein: In diesem Konto braucht ein Vertrag eine Datei oder einen Link, bevor er den Entwurfsstatus verlässt. Fügen Sie sie nach dem Import hinzu.',
  'problem.account_read_only.cancelled':
    'Das Abonnement wurde gekündigt: Seit {since} kann nichts mehr geändert werden. Die Daten werden bis {until} aufbewahrt; ein Administrator kann das Abonnement unter Einstellungen → Abonnement reaktivieren.',
  'problem.seat_limit_reached.seats_taken':
    'Alle {limit} Plätze des Tarifs sind belegt (Mitglieder und offene Einladungen). Entfernen Sie zuerst jemanden oder ändern Sie den Tarif.',
  'problem.conflict.subscription_cancelled': 'Das Abonnement ist bereits gekündigt.',
  'problem.conflict.deletion_already_requested': 'Die Löschung dieses Kontos ist bereits beantragt.',
  'problem.conflict.no_deletion_requested':
    'Für dieses Konto ist keine Löschung beantragt (vielleicht wurde sie abgebrochen).',
  'problem.conflict.legal_hold':
    'Für dieses Konto gilt eine Löschsperre (Legal Hold): Es kann jetzt nicht gelöscht werden.',
  'problem.conflict.subscription_not_cancelled': 'Das Abonnement ist nicht gekündigt; es gibt nichts zu reaktivieren.',
  'problem.conflict.approval_running': 'Für diesen Vertrag läuft bereits eine Freigabe. Brechen Sie sie zuerst ab.',
  'problem.conflict.approval_not_open': 'Diese Freigabe wartet nicht mehr auf diese Antwort. Laden Sie die Seite neu.',
  'problem.conflict.approval_not_rejected': 'Nur eine abgelehnte Freigabe kann erneut eingereicht werden.',
  'problem.conflict.template_archived': 'Diese Freigabevorlage ist archiviert und kann nicht mehr geändert werden.',
  'problem.forbidden.person_required': 'Das kann nur eine angemeldete Person tun, kein API-Schlüssel.',
  'validation.approver_cannot_see': 'Diese Person kann den Geschäftsbereich des Vertrags nicht sehen.',
  'validation.unit_has_no_editors': 'Dieser Geschäftsbereich hat keinen aktiven Bearbeiter, der freigeben könnte.',
  'validation.self_approval': 'Sie können Ihre eigene Anfrage nicht freigeben. Wählen Sie eine andere Person.',
  'validation.unknown_business_unit': 'Dieser Geschäftsbereich existiert nicht (mehr).',
  'validation.unknown_template': 'Diese Freigabevorlage existiert nicht (mehr).',
  'validation.required_to_reject': 'Bitte begründen Sie die Ablehnung.',
};
