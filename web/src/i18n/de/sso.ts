import type { sso as en } from '../en/sso.js';

export const sso: Record<keyof typeof en, string> = {
  'sso.title': 'Single Sign-on',
  'sso.description':
    'Ihre Leute melden sich über Ihren Identitätsanbieter an (Microsoft Entra ID, Okta, Google oder ein anderer Anbieter mit OpenID Connect oder SAML 2.0).',
  'sso.connectionTitle': 'Identitätsanbieter',
  'sso.connectionText':
    'Registrieren Sie Deedbox bei Ihrem Anbieter als Anwendung (OpenID Connect oder SAML 2.0) und tragen Sie hier ein, was er Ihnen anzeigt. Beim Speichern werden die Angaben geprüft.',
  'sso.redirectUri': 'Redirect-URI, die Sie beim Anbieter eintragen',
  'sso.redirectUriHint': 'Auch Antwort-URL oder Anmelde-Redirect-URI genannt.',
  'sso.copy': 'Kopieren',
  'sso.copied': 'Kopiert',
  'sso.issuer': 'Issuer-URL',
  'sso.issuerHint':
    'Entra ID: https://login.microsoftonline.com/<Mandanten-ID>/v2.0 · Okta: https://<org>.okta.com · Google: https://accounts.google.com',
  'sso.protocol': 'Protokoll',
  'sso.protocol.oidc': 'OpenID Connect',
  'sso.protocol.saml': 'SAML 2.0',
  'sso.saml.spText':
    'Legen Sie bei Ihrem Identitätsanbieter eine SAML-Anwendung mit diesen Werten an (oder importieren Sie die Metadaten-URL):',
  'sso.saml.spEntityId': 'Entity-ID (Audience-URI)',
  'sso.saml.acsUrl': 'Assertion Consumer Service (Antwort-URL)',
  'sso.saml.metadataUrl': 'Metadaten-URL von Deedbox',
  'sso.saml.metadataUrlHint': 'Manche Identitätsanbieter lesen die beiden Werte oben von dieser Adresse.',
  'sso.saml.source': 'Wie Sie Ihren Identitätsanbieter beschreiben',
  'sso.saml.source.metadata': 'Metadaten-XML',
  'sso.saml.source.values': 'Werte eingeben',
  'sso.saml.metadataXml': 'Metadaten des Identitätsanbieters (XML)',
  'sso.saml.metadataXmlHint':
    'Entra ID: Verbundmetadaten-XML · Okta: Identity Provider metadata · Google: IdP-Metadaten. Fügen Sie die ganze Datei ein.',
  'sso.saml.idpEntityId': 'Entity-ID des Identitätsanbieters (Aussteller)',
  'sso.saml.ssoUrl': 'Single-Sign-on-URL',
  'sso.saml.ssoUrlHint': 'Wohin Deedbox zur Anmeldung weiterleitet (HTTP-Redirect-Bindung).',
  'sso.saml.certificate': 'Signaturzertifikat',
  'sso.saml.certificateHint': 'Das X.509-Zertifikat, mit dem Ihr Anbieter Assertions signiert (PEM oder Base64).',
  'sso.clientId': 'Client-ID',
  'sso.clientSecret': 'Geheimer Clientschlüssel',
  'sso.secretSet': 'Ein Schlüssel ist (verschlüsselt) gespeichert. Leer lassen, um ihn zu behalten.',
  'sso.secretNotSet': 'Noch kein Schlüssel gespeichert.',
  'sso.enabled': 'Anmeldung über diesen Anbieter ist eingeschaltet',
  'sso.jit': 'Neue Personen Ihrer Domains',
  'sso.jitHint': 'Ob jemand einer bestätigten Domain ohne Mitgliedschaft bei der ersten Anmeldung beitritt.',
  'sso.jit.off': 'Ablehnen (vorher einladen)',
  'sso.jit.viewer': 'Als Betrachter beitreten',
  'sso.jit.editor': 'Als Bearbeiter beitreten',
  'sso.jitUnit': 'Im Geschäftsbereich',
  'sso.save': 'Verbindung speichern',
  'sso.saved': 'Single-Sign-on-Verbindung gespeichert.',
  'sso.remove': 'Verbindung entfernen',
  'sso.removed': 'Single-Sign-on-Verbindung entfernt.',
  'sso.domainsTitle': 'Bestätigte Domains',
  'sso.domainsText':
    'Personen mit einer E-Mail-Adresse einer bestätigten Domain werden zu Ihrem Anbieter geschickt. Legen Sie den angezeigten TXT-Eintrag an; Ihr Deedbox-Betreiber bestätigt dann die Domain.',
  'sso.domain': 'Domain',
  'sso.addDomain': 'Domain hinzufügen',
  'sso.noDomains': 'Noch keine Domains.',
  'sso.txtRecord': 'DNS-TXT-Eintrag',
  'sso.txtName': 'Name',
  'sso.txtValue': 'Wert',
  'sso.verified': 'Bestätigt',
  'sso.pending': 'Wartet auf Bestätigung',
  'sso.removeDomain': '{domain} entfernen',
  'sso.enforceTitle': 'Single Sign-on verlangen',
  'sso.enforceText':
    'Mitglieder können sich dann nicht mehr mit Passwort anmelden oder es zurücksetzen. Notfall-Administratoren behalten ihr Passwort; sie brauchen einen zweiten Faktor.',
  'sso.enforce': 'Single Sign-on für alle Mitglieder verlangen',
  'sso.breakGlass': 'Notfall-Administratoren',
  'sso.breakGlassHint': 'Für den Fall, dass der Identitätsanbieter ausfällt. Jeder braucht einen zweiten Faktor.',
  'sso.saveEnforcement': 'Speichern',
  'sso.enforcementSaved': 'Gespeichert.',

  'ssoError.title': 'Single Sign-on hat nicht geklappt',
  'ssoError.back': 'Zurück zur Anmeldung',
  'ssoError.state_invalid':
    'Diese Anmeldung passt nicht zu der in diesem Browser begonnenen (abgelaufen, schon verwendet oder von anderswo). Bitte neu beginnen.',
  'ssoError.idp_error':
    'Ihr Identitätsanbieter hat Sie nicht angemeldet. Versuchen Sie es erneut oder fragen Sie Ihre IT-Abteilung.',
  'ssoError.token_rejected':
    'Die Antwort Ihres Identitätsanbieters ließ sich nicht prüfen und wurde abgelehnt. Bitten Sie Ihren Administrator, die Single-Sign-on-Einstellungen zu prüfen.',
  'ssoError.email_missing': 'Ihr Identitätsanbieter hat Deedbox Ihre E-Mail-Adresse nicht mitgeteilt.',
  'ssoError.email_unverified': 'Laut Ihrem Identitätsanbieter ist Ihre E-Mail-Adresse nicht bestätigt.',
  'ssoError.domain_not_verified':
    'Ihre E-Mail-Adresse gehört zu keiner Domain, die dieses Konto bestätigt hat. Fragen Sie Ihren Administrator.',
  'ssoError.connection_disabled':
    'Single Sign-on ist für dieses Konto ausgeschaltet. Melden Sie sich mit Ihrem Passwort an.',
  'ssoError.account_locked': 'Ein Administrator hat Ihren Zugang zu diesem Konto gesperrt.',
  'ssoError.no_membership': 'Sie gehören diesem Konto noch nicht an. Bitten Sie einen Administrator, Sie einzuladen.',
  'ssoError.seat_limit_reached':
    'Alle Plätze im Tarif dieses Kontos sind belegt, daher können Sie noch nicht beitreten. Bitten Sie einen Administrator, einen Platz freizugeben oder den Tarif zu ändern.',
  'ssoError.account_read_only':
    'Dieses Konto ist schreibgeschützt (sein Abonnement wurde gekündigt) und nimmt keine neuen Mitglieder auf. Seine Mitglieder können sich weiter anmelden.',
  'ssoError.identity_conflict':
    'Ihr Deedbox-Zugang ist mit einer anderen Person bei Ihrem Identitätsanbieter verknüpft. Fragen Sie Ihren Administrator.',
  'ssoError.unavailable': 'Ihr Identitätsanbieter ist nicht erreichbar. Versuchen Sie es später erneut.',
  'ssoError.saml_malformed':
    'Ihr Identitätsanbieter hat eine Antwort geschickt, die Deedbox nicht lesen kann. Bitte neu beginnen.',
  'ssoError.saml_unsolicited':
    'Ihr Identitätsanbieter hat eine Anmeldung geschickt, die Deedbox nicht angefordert hat. Beginnen Sie auf der Anmeldeseite von Deedbox.',
  'ssoError.saml_replayed': 'Diese Anmeldeantwort wurde schon verwendet oder ist abgelaufen. Bitte neu beginnen.',
  'ssoError.saml_invalid_signature':
    'Die Antwort Ihres Identitätsanbieters ist nicht mit seinem Zertifikat signiert. Bitten Sie Ihren Administrator, das Zertifikat in Deedbox zu prüfen.',
  'ssoError.saml_expired':
    'Die Antwort Ihres Identitätsanbieters ist abgelaufen. Bitte neu beginnen (prüfen Sie die Uhrzeit Ihres Geräts).',
  'ssoError.saml_wrong_audience':
    'Die Antwort Ihres Identitätsanbieters ist für ein anderes Deedbox-Konto bestimmt. Bitten Sie Ihren Administrator, die Entity-ID zu prüfen.',
  'ssoError.saml_wrong_issuer':
    'Die Antwort stammt von einem anderen Identitätsanbieter als dem dieses Kontos. Fragen Sie Ihren Administrator.',
  'ssoError.saml_idp_status': 'Ihr Identitätsanbieter hat die Anmeldung abgelehnt.',
  'ssoError.unknown': 'Single Sign-on hat nicht geklappt. Bitte neu beginnen.',
};
