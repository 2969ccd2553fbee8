<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.ui" line="14"/>
        <source>About MSSClient</source>
        <translation>À propos de MSSClient</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="41"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="59"/>
        <source>Secure health messaging (MSSanté), tele-expertise and the hospital call directory, over one encrypted local store.</source>
        <translation>Messagerie sécurisée de santé (MSSanté), télé-expertise et annuaire du numéro unique de l&apos;hôpital, dans une seule base locale chiffrée.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.ui" line="69"/>
        <source>Your data stays on this computer, encrypted. The application locks itself when you are away.</source>
        <translation>Vos données restent sur cet ordinateur, chiffrées. L&apos;application se verrouille d&apos;elle-même en votre absence.</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="97"/>
        <source>Mail account</source>
        <translation>Compte de messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="103"/>
        <source>first.last@domain.mssante.fr</source>
        <translation>prenom.nom@domaine.mssante.fr</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="106"/>
        <source>Dr Jeanne Martin</source>
        <translation>Dr Jeanne Martin</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="108"/>
        <source>Personal mailbox</source>
        <translation>Boîte aux lettres personnelle</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="109"/>
        <source>Organisational mailbox</source>
        <translation>Boîte aux lettres organisationnelle</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="115"/>
        <source>Automatic detection</source>
        <translation>Détection automatique</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="119"/>
        <source>Incoming mail (IMAP)</source>
        <translation>Courrier entrant (IMAP)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="120"/>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="125"/>
        <source>IGC-Santé roots (MSSanté operators)</source>
        <translation>Racines IGC-Santé (opérateurs MSSanté)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="127"/>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="146"/>
        <source>System certificate store</source>
        <translation>Magasin de certificats du système</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="128"/>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="147"/>
        <source>A CA certificate file</source>
        <translation>Un fichier de certificat d&apos;autorité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="131"/>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="150"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="135"/>
        <source>End-to-end security (S/MIME)</source>
        <translation>Sécurité de bout en bout (S/MIME)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="136"/>
        <source>Sign my messages when I have a certificate</source>
        <translation>Signer mes messages quand j&apos;ai un certificat</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="140"/>
        <source>Require encryption: refuse to send to recipients without a certificate</source>
        <translation>Exiger le chiffrement&#xa0;: refuser l&apos;envoi à des destinataires sans certificat</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="145"/>
        <source>IGC-Santé roots</source>
        <translation>Racines IGC-Santé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="159"/>
        <source>Authorities for signatures:</source>
        <translation>Autorités pour les signatures&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="170"/>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="171"/>
        <source>Display name:</source>
        <translation>Nom affiché&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="172"/>
        <source>Mailbox type:</source>
        <translation>Type de boîte aux lettres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="173"/>
        <source>Login:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="174"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="179"/>
        <source>Trusted certificates:</source>
        <translation>Certificats de confiance&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="160"/>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="180"/>
        <source>CA file:</source>
        <translation>Fichier d&apos;autorité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="188"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="189"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="232"/>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="241"/>
        <source>CA certificate file</source>
        <translation>Fichier de certificat d&apos;autorité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="234"/>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Certificats (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="241"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificats (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="250"/>
        <source>Type a valid mail address first.</source>
        <translation>Saisissez d&apos;abord une adresse de messagerie valide.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="253"/>
        <source>Looking for the settings of %1…</source>
        <translation>Recherche des paramètres de %1…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="265"/>
        <source>Settings found (%1). Check them, then type your password.</source>
        <translation>Paramètres trouvés (%1). Vérifiez-les, puis saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="273"/>
        <source>No automatic settings were found for this address. Fill them in by hand.</source>
        <translation>Aucun paramètre automatique n&apos;a été trouvé pour cette adresse. Renseignez-les à la main.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="280"/>
        <source>The address is not valid.</source>
        <translation>L&apos;adresse n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="282"/>
        <source>A display name is required (MSSanté rule).</source>
        <translation>Un nom affiché est obligatoire (règle MSSanté).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="286"/>
        <source>A server name is missing.</source>
        <translation>Il manque un nom de serveur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="288"/>
        <source>Unencrypted connections are only allowed to this computer.</source>
        <translation>Les connexions non chiffrées ne sont autorisées que vers cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="290"/>
        <source>Choose the CA certificate file.</source>
        <translation>Choisissez le fichier de certificat d&apos;autorité.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="295"/>
        <source>Choose the CA file for signatures.</source>
        <translation>Choisissez le fichier d&apos;autorités pour les signatures.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="297"/>
        <source>The password is required.</source>
        <translation>Le mot de passe est obligatoire.</translation>
    </message>
</context>
<context>
    <name>AnnuaireView</name>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="87"/>
        <source>Specialty, keyword or symptom (wound, stroke…)</source>
        <translation>Spécialité, mot-clé ou symptôme (plaie, AVC…)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="89"/>
        <source>Open now</source>
        <translation>Ouvert maintenant</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="91"/>
        <source>On call today</source>
        <translation>De garde aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="93"/>
        <source>Favorites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="128"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="220"/>
        <source>%1 — single number %2</source>
        <translation>%1 — numéro unique %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="225"/>
        <source>Hospital directory</source>
        <translation>Annuaire de l&apos;hôpital</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="228"/>
        <source>Last updated: %1</source>
        <translation>Dernière mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="230"/>
        <source>last refresh failed: %1</source>
        <translation>échec de la dernière actualisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="232"/>
        <source>Last updated: never</source>
        <translation>Dernière mise à jour&#xa0;: jamais</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="236"/>
        <source>No directory address is configured for your hospital</source>
        <translation>Aucune adresse d&apos;annuaire n&apos;est configurée pour votre hôpital</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="266"/>
        <source>(key %1)</source>
        <translation>(touche %1)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="283"/>
        <source>No directory yet: click Refresh to download your hospital&apos;s directory.</source>
        <translation>Pas encore d&apos;annuaire&#xa0;: cliquez sur Actualiser pour télécharger l&apos;annuaire de votre hôpital.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="286"/>
        <source>No specialty matches this search.</source>
        <translation>Aucune spécialité ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="320"/>
        <source>Number copied: %1 — press %2 when the voice menu answers.</source>
        <translation>Numéro copié&#xa0;: %1 — tapez %2 quand le serveur vocal répond.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="325"/>
        <source>Number copied: %1</source>
        <translation>Numéro copié&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="358"/>
        <source>Note saved.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="391"/>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="42"/>
        <source>Answer the request</source>
        <translation>Répondre à la demande</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="53"/>
        <source>e.g. within 8 days</source>
        <translation>par exemple sous 8 jours</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="58"/>
        <source>Opinion</source>
        <translation>Avis</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="59"/>
        <source>Recommendations</source>
        <translation>Recommandations</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="60"/>
        <source>Consultation or admission</source>
        <translation>Consultation ou hospitalisation</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="61"/>
        <source>How soon</source>
        <translation>Dans quel délai</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="62"/>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="66"/>
        <source>Send the answer</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="86"/>
        <source>Type your opinion.</source>
        <translation>Rédigez votre avis.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../mssclient/gui/app.py" line="123"/>
        <source>The profile name may only contain letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Le nom du profil ne peut contenir que des lettres, des chiffres, « - » et « _ ».</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="39"/>
        <source>Mail</source>
        <translation>Messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="40"/>
        <source>Tele-expertise</source>
        <translation>Télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="41"/>
        <source>Directory</source>
        <translation>Annuaire</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/areas.py" line="99"/>
        <source>Import the national MSSanté directory…</source>
        <translation>Importer l&apos;annuaire national MSSanté…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/areas.py" line="125"/>
        <source>National MSSanté directory extraction</source>
        <translation>Extraction de l&apos;annuaire national MSSanté</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/areas.py" line="127"/>
        <source>Extraction (*.zip *.txt *.csv);;All files (*)</source>
        <translation>Extraction (*.zip *.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="34"/>
        <source>Profile created</source>
        <translation>Profil créé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="35"/>
        <source>Unlocked</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="36"/>
        <source>Locked</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="37"/>
        <source>Setting changed</source>
        <translation>Paramètre modifié</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="115"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="115"/>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="115"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/audit_model.py" line="115"/>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
</context>
<context>
    <name>CallLogPanel</name>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="35"/>
        <source>Call log</source>
        <translation>Journal des appels</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="47"/>
        <source>Patient (optional): name, date of birth</source>
        <translation>Patient (facultatif)&#xa0;: nom, date de naissance</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="51"/>
        <source>Advice received on the phone…</source>
        <translation>Avis reçu par téléphone…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="52"/>
        <source>Save the note</source>
        <translation>Enregistrer la note</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="54"/>
        <source>Confirm to the department by secure mail</source>
        <translation>Confirmer au service par messagerie sécurisée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="108"/>
        <source>Calls started from the directory are listed here.</source>
        <translation>Les appels passés depuis l&apos;annuaire sont listés ici.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="113"/>
        <source>Call to %1: note the advice you received.</source>
        <translation>Appel à %1&#xa0;: notez l&apos;avis reçu.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="117"/>
        <source>Advice noted for %1.</source>
        <translation>Avis noté pour %1.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/call_log_panel.py" line="134"/>
        <source>Sending will be available with secure mail in a later version</source>
        <translation>L&apos;envoi sera disponible avec la messagerie sécurisée dans une prochaine version</translation>
    </message>
</context>
<context>
    <name>CertificatesView</name>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="62"/>
        <location filename="../../mssclient/gui/certificates_view.py" line="74"/>
        <source>Name</source>
        <extracomment>Days ahead of an expiry that the view starts warning.</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="62"/>
        <location filename="../../mssclient/gui/certificates_view.py" line="74"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="62"/>
        <location filename="../../mssclient/gui/certificates_view.py" line="74"/>
        <source>Valid until</source>
        <translation>Valable jusqu&apos;au</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="64"/>
        <source>Import my certificate (.p12, .pfx)…</source>
        <translation>Importer mon certificat (.p12, .pfx)…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="67"/>
        <location filename="../../mssclient/gui/certificates_view.py" line="81"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="74"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="77"/>
        <source>Import a correspondent&apos;s certificate (.pem, .cer, .der)…</source>
        <translation>Importer le certificat d&apos;un correspondant (.pem, .cer, .der)…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="96"/>
        <source>My certificates (sign and decrypt)</source>
        <translation>Mes certificats (signer et déchiffrer)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="104"/>
        <source>Correspondents&apos; certificates (encrypt to them)</source>
        <translation>Certificats de mes correspondants (pour leur écrire chiffré)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="143"/>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="143"/>
        <source>from a signed message</source>
        <translation>d&apos;un message signé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="161"/>
        <source>SHA-256 fingerprint: %1</source>
        <translation>Empreinte SHA-256&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="170"/>
        <source>The certificate of %1 expired on %2.</source>
        <translation>Le certificat de %1 a expiré le %2.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="176"/>
        <source>The certificate of %1 expires on %2: renew it soon.</source>
        <translation>Le certificat de %1 expire le %2&#xa0;: pensez à le renouveler.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="187"/>
        <source>My certificate</source>
        <translation>Mon certificat</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="189"/>
        <source>Certificate with private key (*.p12 *.pfx)</source>
        <translation>Certificat avec clé privée (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="195"/>
        <source>Certificate password</source>
        <translation>Mot de passe du certificat</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="196"/>
        <source>Password of %1:</source>
        <translation>Mot de passe de %1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="210"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="220"/>
        <source>Certificate of %1 imported. Its private key is kept in the encrypted store.</source>
        <translation>Certificat de %1 importé. Sa clé privée est conservée dans la base chiffrée.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="230"/>
        <source>Correspondent&apos;s certificate</source>
        <translation>Certificat d&apos;un correspondant</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="232"/>
        <source>Certificates (*.pem *.cer *.crt *.der *.p7b)</source>
        <translation>Certificats (*.pem *.cer *.crt *.der *.p7b)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/certificates_view.py" line="245"/>
        <source>This file holds only certification authorities, no person&apos;s certificate.</source>
        <translation>Ce fichier ne contient que des autorités de certification, aucun certificat de personne.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/certificates_view.py" line="254"/>
        <source>%n certificate(s) added.</source>
        <translation>
            <numerusform>%n certificat ajouté.</numerusform>
            <numerusform>%n certificats ajoutés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClinicalPage</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="165"/>
        <source>Question and clinical context</source>
        <translation>Question et contexte clinique</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="172"/>
        <source>Your question to the specialist</source>
        <translation>Votre question au spécialiste</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="183"/>
        <source>Add photos or PDFs…</source>
        <translation>Ajouter des photos ou des PDF…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="186"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="189"/>
        <source>Reduce photos to %1 pixels</source>
        <translation>Réduire les photos à %1 pixels</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="194"/>
        <source>Photo metadata (EXIF, GPS position, camera) is removed before sending.</source>
        <translation>Les métadonnées des photos (EXIF, position GPS, appareil) sont retirées avant l&apos;envoi.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="206"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="210"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="246"/>
        <source>Photos or PDF documents</source>
        <translation>Photos ou documents PDF</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="248"/>
        <source>Photos and PDFs (*.jpg *.jpeg *.png *.webp *.pdf)</source>
        <translation>Photos et PDF (*.jpg *.jpeg *.png *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="270"/>
        <source>KB</source>
        <translation>Ko</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="277"/>
        <source>The file could not be read.</source>
        <translation>Le fichier n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="291"/>
        <source>Type your question.</source>
        <translation>Rédigez votre question.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="294"/>
        <source>Attachments are still being prepared; try again.</source>
        <translation>Les pièces jointes sont encore en préparation&#xa0;; réessayez.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="305"/>
        <source>Fill in: %1.</source>
        <translation>Renseignez&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>ComposerDialog</name>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="93"/>
        <source>New message</source>
        <extracomment>(sending account, every recipient address) -&gt; how the message would leave.</extracomment>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="117"/>
        <source>name@domain.mssante.fr, …</source>
        <translation>nom@domaine.mssante.fr, …</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="137"/>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="139"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="144"/>
        <source>Ask for a read receipt</source>
        <translation>Demander un accusé de lecture</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="146"/>
        <source>Ask for a delivery report</source>
        <translation>Demander un avis de remise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="176"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="180"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="183"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="185"/>
        <source>Close and delete the saved draft</source>
        <translation>Fermer et supprimer le brouillon enregistré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="187"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="191"/>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="192"/>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="193"/>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="194"/>
        <source>Bcc:</source>
        <translation>Cci&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="195"/>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="279"/>
        <location filename="../../mssclient/gui/mail/composer.py" line="297"/>
        <source>“%1” (%2) cannot be attached: attachments are limited to %3 per message.</source>
        <translation>« %1 » (%2) ne peut pas être joint&#xa0;: les pièces jointes sont limitées à %3 par message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="307"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="322"/>
        <source>Attachments: %1 of %2 at most</source>
        <translation>Pièces jointes&#xa0;: %1 sur %2 au maximum</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="339"/>
        <location filename="../../mssclient/gui/mail/composer.py" line="418"/>
        <source>Set up a mail account first.</source>
        <translation>Configurez d&apos;abord un compte de messagerie.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="407"/>
        <source>This account requires encryption: the message cannot be sent while these recipients have no certificate: %1.</source>
        <translation>Ce compte exige le chiffrement&#xa0;: le message ne peut pas partir tant que ces destinataires n&apos;ont pas de certificat&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="337"/>
        <source>Consent and requester</source>
        <translation>Consentement et demandeur</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="339"/>
        <source>The patient was informed and consents to this teleexpertise</source>
        <translation>Le patient a été informé et consent à cette télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="358"/>
        <source>11 digits</source>
        <translation>11 chiffres</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="361"/>
        <source>9 digits, if no RPPS</source>
        <translation>9 chiffres, à défaut de RPPS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="371"/>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="374"/>
        <source>Send from</source>
        <translation>Envoyer depuis</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="375"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="376"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="377"/>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="378"/>
        <source>ADELI</source>
        <translation>ADELI</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="428"/>
        <source>The patient&apos;s consent is mandatory.</source>
        <translation>Le consentement du patient est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="430"/>
        <source>Add your personal mail account first.</source>
        <translation>Ajoutez d&apos;abord votre compte de messagerie personnel.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="433"/>
        <source>Type your name.</source>
        <translation>Saisissez votre nom.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="435"/>
        <source>The RPPS number has 11 digits.</source>
        <translation>Le numéro RPPS compte 11 chiffres.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="437"/>
        <source>The ADELI number has 9 digits.</source>
        <translation>Le numéro ADELI compte 9 chiffres.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="439"/>
        <source>Type your RPPS or ADELI number.</source>
        <translation>Saisissez votre numéro RPPS ou ADELI.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="62"/>
        <source>PDF report…</source>
        <extracomment>Actions offered as buttons (sending is the wizard&apos;s; acknowledging is not offered).</extracomment>
        <translation>Compte rendu PDF…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="83"/>
        <source>Select a request to see it here.</source>
        <translation>Sélectionnez une demande pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="95"/>
        <source>The structured part of a mail of this request had problems: read the mails in the mail area.</source>
        <translation>La partie structurée d&apos;un message de cette demande présentait des anomalies&#xa0;: lisez les messages dans la messagerie.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="98"/>
        <source>Status changes arrived out of order.</source>
        <translation>Des changements de statut sont arrivés dans le désordre.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="100"/>
        <source>The patient&apos;s identity is not qualified: no INS was sent.</source>
        <translation>L&apos;identité du patient n&apos;est pas qualifiée&#xa0;: aucun INS n&apos;a été transmis.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="102"/>
        <source>Part of this request could not be read back.</source>
        <translation>Une partie de cette demande n&apos;a pas pu être relue.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="104"/>
        <source>Unreadable (encrypted for another key): a mail of this request cannot be decrypted here. Import the matching certificate and key (Settings, Certificates): it is read again at the next refresh.</source>
        <translation>Illisible (chiffré pour une autre clé)&#xa0;: un message de cette demande ne peut pas être déchiffré sur ce poste. Importez le certificat et la clé correspondants (Paramètres, Certificats)&#xa0;: il sera relu à la prochaine actualisation.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/detail_panel.py" line="108"/>
        <source>A mail about this request came from an unexpected sender.</source>
        <translation>Un message sur cette demande venait d&apos;un expéditeur inattendu.</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <location filename="../../mssclient/gui/error_dialogs.py" line="26"/>
        <source>MSSClient</source>
        <translation>MSSClient</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="39"/>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="42"/>
        <source>Protect your data</source>
        <translation>Protéger vos données</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="55"/>
        <source>Your messages and your patients&apos; data are kept in an encrypted database on this computer. Choose a passphrase of at least %1 characters: it unlocks the application.</source>
        <translation>Vos messages et les données de vos patients sont conservés dans une base chiffrée sur cet ordinateur. Choisissez une phrase de passe d&apos;au moins %1 caractères&#xa0;: elle déverrouille l&apos;application.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="62"/>
        <source>Keep it safe: without it, the data cannot be recovered.</source>
        <translation>Conservez-la précieusement&#xa0;: sans elle, les données ne peuvent pas être récupérées.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="70"/>
        <source>Passphrase:</source>
        <translation>Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="71"/>
        <source>Confirm the passphrase:</source>
        <translation>Confirmez la phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="73"/>
        <source>Also keep the key in the system keyring</source>
        <translation>Conserver aussi la clé dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="80"/>
        <source>Your session&apos;s keyring then keeps the key too: in the settings you may choose to unlock with your session instead of the passphrase.</source>
        <translation>Le trousseau de votre session conserve alors aussi la clé&#xa0;: dans les paramètres, vous pourrez choisir de déverrouiller avec votre session plutôt qu&apos;avec la phrase de passe.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="89"/>
        <source>No system keyring is available on this computer: the passphrase is mandatory and will be asked at each start.</source>
        <translation>Aucun trousseau système n&apos;est disponible sur ce poste&#xa0;: la phrase de passe est obligatoire et sera demandée à chaque démarrage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="101"/>
        <source>Create the profile</source>
        <translation>Créer le profil</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="104"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="127"/>
        <source>The passphrase must have at least %1 characters.</source>
        <translation>La phrase de passe doit comporter au moins %1 caractères.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/first_run_dialog.py" line="131"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe sont différentes.</translation>
    </message>
</context>
<context>
    <name>FolderTree</name>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="27"/>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="28"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="29"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="30"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="31"/>
        <source>Junk</source>
        <translation>Indésirables</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="32"/>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="148"/>
        <source>Mail folders</source>
        <translation>Dossiers de messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="153"/>
        <source>Account settings…</source>
        <translation>Paramètres du compte…</translation>
    </message>
</context>
<context>
    <name>FolderTreeModel</name>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="113"/>
        <source>Read-only folder on the server</source>
        <translation>Dossier en lecture seule sur le serveur</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="182"/>
        <source>My professional identity</source>
        <translation>Mon identité professionnelle</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="193"/>
        <source>Mailbox</source>
        <translation>Messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="194"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="195"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="196"/>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="197"/>
        <source>ADELI</source>
        <translation>ADELI</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../mssclient/gui/lock_page.py" line="19"/>
        <source>MSSClient is locked</source>
        <translation>MSSClient est verrouillé</translation>
    </message>
</context>
<context>
    <name>MailArea</name>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="163"/>
        <source>Messages</source>
        <extracomment>What re-opening an S/MIME message gave: record, re-parsed fields, certificates to keep. (done, total) of the running sync; (0, 0) when it is over. Domain of the user&apos;s hospital: its organisational mailboxes are suggested first.</extracomment>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="190"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="193"/>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="196"/>
        <source>Reply all</source>
        <translation>Répondre à tous</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="199"/>
        <source>Forward</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="202"/>
        <source>Check mail</source>
        <translation>Relever le courrier</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="205"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="207"/>
        <source>Drafts saved on this computer</source>
        <translation>Brouillons enregistrés sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="211"/>
        <source>Add account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="305"/>
        <source>No mail account yet. Use “Add account…” to set up your mailbox.</source>
        <translation>Aucun compte de messagerie pour l&apos;instant. Utilisez « Ajouter un compte… » pour configurer votre boîte aux lettres.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="343"/>
        <source>This folder is empty.</source>
        <translation>Ce dossier est vide.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/mail/mail_area.py" line="362"/>
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n message trouvé.</numerusform>
            <numerusform>%n messages trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="368"/>
        <source>No message matches this search.</source>
        <translation>Aucun message ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="405"/>
        <source>The message could not be opened.</source>
        <translation>Le message n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="464"/>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="478"/>
        <source>Attachment saved: %1</source>
        <translation>Pièce jointe enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="496"/>
        <source>The operation failed: %1</source>
        <translation>L&apos;opération a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="587"/>
        <source>%1 Suggestions come from the local directory only.</source>
        <translation>%1 Les suggestions viennent de l&apos;annuaire local seulement.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="628"/>
        <source>Message placed in the outbox: it leaves as soon as the server answers.</source>
        <translation>Message placé dans la boîte d&apos;envoi&#xa0;: il partira dès que le serveur répondra.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="637"/>
        <source>The message could not be prepared.</source>
        <translation>Le message n&apos;a pas pu être préparé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="656"/>
        <source>Draft saved (encrypted, on this computer).</source>
        <translation>Brouillon enregistré (chiffré, sur cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="663"/>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="667"/>
        <source>Draft deleted.</source>
        <translation>Brouillon supprimé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="677"/>
        <source>No saved draft</source>
        <translation>Aucun brouillon enregistré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="680"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="704"/>
        <source>The server&apos;s Drafts folder is read-only: this draft is saved on this computer only.</source>
        <translation>Le dossier Brouillons du serveur est en lecture seule&#xa0;: ce brouillon est enregistré sur cet ordinateur seulement.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="711"/>
        <source>These attachments could not be restored: %1. Attach them again.</source>
        <translation>Ces pièces jointes n&apos;ont pas pu être restaurées&#xa0;: %1. Joignez-les de nouveau.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="719"/>
        <source>This draft was encrypted: it is saved on this computer only, not on the server.</source>
        <translation>Ce brouillon était chiffré&#xa0;: il est enregistré sur cet ordinateur seulement, pas sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="748"/>
        <source>This copy is being replaced or deleted on the server by a draft of this computer: open that draft from “Drafts”.</source>
        <translation>Cette copie est en cours de remplacement ou de suppression sur le serveur par un brouillon de cet ordinateur&#xa0;: ouvrez ce brouillon depuis « Brouillons ».</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="776"/>
        <source>Draft taken from the server&apos;s Drafts folder.</source>
        <translation>Brouillon repris du dossier Brouillons du serveur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="780"/>
        <source>Its formatting is not kept: only its text is edited here.</source>
        <translation>Sa mise en forme n&apos;est pas conservée&#xa0;: seul son texte est modifié ici.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="782"/>
        <source>The images shown in its text are attached to it.</source>
        <translation>Les images insérées dans son texte y sont jointes en pièces jointes.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="790"/>
        <source>This draft could not be opened for editing. It stays unchanged.</source>
        <translation>Ce brouillon n&apos;a pas pu être ouvert pour modification. Il reste inchangé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="817"/>
        <source>Edit draft</source>
        <translation>Modifier le brouillon</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="819"/>
        <source>Mark as unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="821"/>
        <source>Flag for follow-up</source>
        <translation>Marquer pour suivi</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="825"/>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="827"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="900"/>
        <source>Message deleted.</source>
        <translation>Message supprimé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="916"/>
        <source>Archiving…</source>
        <translation>Archivage…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="919"/>
        <source>This account has no Archive folder yet.</source>
        <translation>Ce compte n&apos;a pas encore de dossier Archives.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="921"/>
        <source>Message archived.</source>
        <translation>Message archivé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="927"/>
        <source>The folder “%1” is read-only on the server: its messages can be neither moved nor deleted. Nothing was changed.</source>
        <translation>Le dossier « %1 » est en lecture seule sur le serveur&#xa0;: ses messages ne peuvent être ni déplacés ni supprimés. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="958"/>
        <source>Account %1 saved.</source>
        <translation>Compte %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="971"/>
        <source>Synchronisation is not available in this session.</source>
        <translation>La synchronisation n&apos;est pas disponible dans cette session.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="974"/>
        <source>Checking mail…</source>
        <translation>Relève du courrier…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="977"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="984"/>
        <source>Synchronising %1: %2 of %3</source>
        <translation>Synchronisation de %1&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="993"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="993"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="998"/>
        <source>Message sent.</source>
        <translation>Message envoyé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="1000"/>
        <source>Sending failed: %1</source>
        <translation>Échec de l&apos;envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="1003"/>
        <source>Draft also saved on the server.</source>
        <translation>Brouillon enregistré aussi sur le serveur.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/mail/mail_area.py" line="1076"/>
        <source>%1: %n new message(s).</source>
        <translation>
            <numerusform>%1&#xa0;: %n nouveau message.</numerusform>
            <numerusform>%1&#xa0;: %n nouveaux messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="62"/>
        <source>Areas</source>
        <translation>Espaces</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="85"/>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="143"/>
        <source>New activity. Unlock to see it.</source>
        <translation>Nouvelle activité. Déverrouillez pour la consulter.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="147"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="156"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="160"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="166"/>
        <source>&amp;About MSSClient</source>
        <translation>À &amp;propos de MSSClient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="172"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="177"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="188"/>
        <source>Show MSSClient</source>
        <translation>Afficher MSSClient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="206"/>
        <source>MSSClient (locked)</source>
        <translation>MSSClient (verrouillé)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/main_window.py" line="209"/>
        <source>%1 — MSSClient</source>
        <translation>%1 — MSSClient</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="114"/>
        <source>Suggested specialty (optional)</source>
        <translation>Spécialité suggérée (facultatif)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="118"/>
        <source>Add photos or PDFs…</source>
        <translation>Ajouter des photos ou des PDF…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="126"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="143"/>
        <source>Photos or PDF documents</source>
        <translation>Photos ou documents PDF</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="168"/>
        <source>Type a message.</source>
        <translation>Rédigez un message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/action_dialogs.py" line="171"/>
        <source>Attachments are still being prepared; try again.</source>
        <translation>Les pièces jointes sont encore en préparation&#xa0;; réessayez.</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="80"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="81"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="82"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="83"/>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="218"/>
        <source>Attachment</source>
        <translation>Pièce jointe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="84"/>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="212"/>
        <source>This message is damaged: it is shown as received.</source>
        <translation>Ce message est endommagé&#xa0;: il est affiché tel qu&apos;il a été reçu.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/message_list_model.py" line="252"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>MessageReader</name>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="86"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="340"/>
        <source>Show source</source>
        <extracomment>Characters of raw source shown; the rest stays in the store (export gives it all).</extracomment>
        <translation>Afficher la source</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="95"/>
        <source>Edit draft</source>
        <translation>Modifier le brouillon</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="106"/>
        <source>Send read receipt</source>
        <translation>Envoyer l&apos;accusé de lecture</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="109"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="114"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="325"/>
        <source>Show formatted version</source>
        <translation>Afficher la version mise en forme</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="133"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="135"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="138"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="156"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="162"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="213"/>
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="218"/>
        <source>Opening the message…</source>
        <translation>Ouverture du message…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="225"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="228"/>
        <source>From: %1</source>
        <translation>De&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="230"/>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="232"/>
        <source>Cc: %1</source>
        <translation>Cc&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="235"/>
        <source>Date: %1</source>
        <translation>Date&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="247"/>
        <source>This message is damaged. It is shown as well as possible.</source>
        <translation>Ce message est endommagé. Il est affiché du mieux possible.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="249"/>
        <source>The original is kept unchanged.</source>
        <translation>L&apos;original est conservé sans modification.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="254"/>
        <source>The sender asks for a read receipt (to %1).</source>
        <translation>L&apos;expéditeur demande un accusé de lecture (à %1).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="302"/>
        <source>Conversation (%1 messages)</source>
        <translation>Conversation (%1 messages)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="325"/>
        <source>Show plain text</source>
        <translation>Afficher le texte brut</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="333"/>
        <source>[… source cut for display]</source>
        <translation>[… source tronquée pour l&apos;affichage]</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="336"/>
        <source>Hide source</source>
        <translation>Masquer la source</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="373"/>
        <source>This message is a draft: you can edit it and send it.</source>
        <translation>Ce message est un brouillon&#xa0;: vous pouvez le modifier et l&apos;envoyer.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="391"/>
        <source>Read receipt queued for sending.</source>
        <translation>Accusé de lecture en attente d&apos;envoi.</translation>
    </message>
</context>
<context>
    <name>NationalImportDialog</name>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="92"/>
        <source>Import the national MSSanté directory</source>
        <translation>Importer l&apos;annuaire national MSSanté</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="96"/>
        <source>Importing %1…</source>
        <translation>Import de %1…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="120"/>
        <source>Cancelling… the previous directory is kept.</source>
        <translation>Annulation… l&apos;annuaire précédent est conservé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="137"/>
        <source>%1 addresses read</source>
        <translation>%1 adresses lues</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="140"/>
        <source>Preparing the search index…</source>
        <translation>Préparation de l&apos;index de recherche…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="151"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="155"/>
        <source>(first %n problems shown)</source>
        <translation>
            <numerusform>(%n problème affiché)</numerusform>
            <numerusform>(les %n premiers problèmes affichés)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="37"/>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="39"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="42"/>
        <source>Cancel sending</source>
        <translation>Annuler l&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="61"/>
        <source>Sending failed.</source>
        <translation>L&apos;envoi a échoué.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="63"/>
        <source>Server: “%1”</source>
        <translation>Serveur&#xa0;: « %1 »</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="64"/>
        <source>Not sent, to %1. %2</source>
        <translation>Non envoyé, à %1. %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="66"/>
        <source>Sending to %1…</source>
        <translation>Envoi à %1…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="67"/>
        <source>Waiting, to %1</source>
        <translation>En attente, à %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="69"/>
        <source>(attempt %1; %2)</source>
        <translation>(tentative %1&#xa0;; %2)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/outbox_panel.py" line="84"/>
        <source>Outbox (%1)</source>
        <translation>Boîte d&apos;envoi (%1)</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="52"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="53"/>
        <source>One patient per request. Pick a patient on file or add one.</source>
        <translation>Un patient par demande. Choisissez un patient connu ou ajoutez-en un.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="55"/>
        <source>A patient on file</source>
        <translation>Un patient déjà enregistré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="56"/>
        <source>A new patient</source>
        <translation>Un nouveau patient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="60"/>
        <source>Birth name or first name</source>
        <translation>Nom de naissance ou prénom</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="78"/>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="78"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="80"/>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="83"/>
        <source>INSEE code, e.g. 62041</source>
        <translation>Code INSEE, par exemple 62041</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="86"/>
        <source>15 characters, empty if unknown</source>
        <translation>15 caractères, vide si inconnu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="90"/>
        <source>INS-NIR</source>
        <translation>INS-NIR</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="91"/>
        <source>INS-NIA</source>
        <translation>INS-NIA</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="92"/>
        <source>INS-NIR (test)</source>
        <translation>INS-NIR (test)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="93"/>
        <source>INS-NIR (demonstration)</source>
        <translation>INS-NIR (démonstration)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="99"/>
        <source>Provisional</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="100"/>
        <source>Retrieved (INSi)</source>
        <translation>Récupérée (INSi)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="101"/>
        <source>Validated</source>
        <translation>Validée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="102"/>
        <source>Qualified (INS sent)</source>
        <translation>Qualifiée (INS transmis)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="107"/>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="108"/>
        <source>Birth first names</source>
        <translation>Prénoms de naissance</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="109"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="110"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="111"/>
        <source>Birth place</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="112"/>
        <source>INS matricule</source>
        <translation>Matricule INS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="113"/>
        <source>INS type</source>
        <translation>Type d&apos;INS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="114"/>
        <source>Identity status</source>
        <translation>Statut de l&apos;identité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="146"/>
        <source>qualified INS %1</source>
        <translation>INS qualifié %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="175"/>
        <source>A qualified identity needs its INS: type the matricule.</source>
        <translation>Une identité qualifiée a forcément un INS&#xa0;: saisissez le matricule.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="185"/>
        <source>Pick a patient in the list, or add a new one.</source>
        <translation>Choisissez un patient dans la liste, ou ajoutez-en un.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/patient_page.py" line="196"/>
        <source>Check the identity, then click Next again to confirm.</source>
        <translation>Vérifiez l&apos;identité, puis cliquez de nouveau sur Suivant pour confirmer.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../mssclient/gui/placeholder_page.py" line="22"/>
        <source>This area arrives in a coming version of MSSClient.</source>
        <translation>Cet espace arrive dans une prochaine version de MSSClient.</translation>
    </message>
</context>
<context>
    <name>ProtectionNotice</name>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="49"/>
        <source>no certificate known</source>
        <translation>aucun certificat connu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="50"/>
        <source>certificate expired</source>
        <translation>certificat expiré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="51"/>
        <source>certificate not usable for encryption</source>
        <translation>certificat inutilisable pour le chiffrement</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="57"/>
        <source>Add recipients to see how this message will be protected.</source>
        <translation>Ajoutez des destinataires pour voir comment ce message sera protégé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="67"/>
        <source>Signed and encrypted end to end</source>
        <translation>Signé et chiffré de bout en bout</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="70"/>
        <source>Only the recipients and you can read it, and the signature proves it comes from you and was not altered.</source>
        <translation>Seuls vos destinataires et vous pourrez le lire, et la signature prouve qu&apos;il vient de vous et n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="76"/>
        <source>Encrypted end to end, not signed</source>
        <translation>Chiffré de bout en bout, non signé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="77"/>
        <source>Only the recipients and you can read it.</source>
        <translation>Seuls vos destinataires et vous pourrez le lire.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="81"/>
        <source>Sending refused: this account requires encryption</source>
        <translation>Envoi refusé&#xa0;: ce compte exige le chiffrement</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="84"/>
        <source>Import the missing certificates (Settings, Certificates) or remove them.</source>
        <translation>Importez les certificats manquants (Paramètres, Certificats) ou retirez ces destinataires.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="89"/>
        <source>Signed, not encrypted</source>
        <translation>Signé, non chiffré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="91"/>
        <source>Protected in transit only</source>
        <translation>Protégé pendant le transport seulement</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="95"/>
        <source>Its content is protected only while it travels between MSSanté servers.</source>
        <translation>Son contenu n&apos;est protégé que pendant son transport entre serveurs MSSanté.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="102"/>
        <source>Signing is turned off for this account.</source>
        <translation>La signature est désactivée pour ce compte.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="105"/>
        <source>You have no valid certificate for %1: import yours (.p12 or .pfx file) in Settings, Certificates.</source>
        <translation>Vous n&apos;avez pas de certificat valide pour %1&#xa0;: importez le vôtre (fichier .p12 ou .pfx) dans Paramètres, Certificats.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="113"/>
        <source>Not encrypted because some recipients have no certificate: %1.</source>
        <translation>Non chiffré car certains destinataires n&apos;ont pas de certificat&#xa0;: %1.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="116"/>
        <source>Not encrypted because you have no certificate of your own.</source>
        <translation>Non chiffré car vous n&apos;avez pas de certificat personnel.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/protection_notice.py" line="117"/>
        <source>Not encrypted because your certificate cannot be used for encryption.</source>
        <translation>Non chiffré car votre certificat ne permet pas le chiffrement.</translation>
    </message>
</context>
<context>
    <name>RecipientCompleter</name>
    <message>
        <location filename="../../mssclient/gui/mail/recipient_completer.py" line="143"/>
        <source>%1 (online directory)</source>
        <translation>%1 (Annuaire Santé en ligne)</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="90"/>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="91"/>
        <source>New</source>
        <translation>Nouvelles</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="92"/>
        <source>Taken</source>
        <translation>Prises en charge</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="93"/>
        <source>Waiting for information</source>
        <translation>En attente de complément</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="94"/>
        <source>Answered</source>
        <translation>Répondues</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="95"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="109"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="91"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="92"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="93"/>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="94"/>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="95"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="96"/>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="97"/>
        <source>Overdue</source>
        <translation>Retard</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="127"/>
        <source>Unreadable (encrypted for another key).</source>
        <translation>Illisible (chiffré pour une autre clé).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="129"/>
        <source>Check this request: its structured part had problems.</source>
        <translation>Vérifiez cette demande&#xa0;: sa partie structurée présentait des anomalies.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_model.py" line="148"/>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
</context>
<context>
    <name>RequestWizard</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="75"/>
        <source>Urgent? Do not use teleexpertise — call the single number %1</source>
        <extracomment>Longest side of a downscaled photo, in pixels (enough to judge a wound, a fifth the size).</extracomment>
        <translation>Urgent&#xa0;? N&apos;utilisez pas la télé-expertise — appelez le numéro unique %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="77"/>
        <source>of the hospital</source>
        <translation>de l&apos;hôpital</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="80"/>
        <source>, key %1 (%2)</source>
        <translation>, touche %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="312"/>
        <source>Wound / dermatology</source>
        <translation>Plaie / dermatologie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="313"/>
        <source>Clinical context</source>
        <translation>Contexte clinique</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="318"/>
        <source>Location</source>
        <translation>Localisation</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="319"/>
        <source>Size (cm)</source>
        <translation>Taille (cm)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="320"/>
        <source>Since when</source>
        <translation>Ancienneté</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="321"/>
        <source>Appearance (bed, edges, exudate)</source>
        <translation>Aspect (fond, bords, exsudat)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="324"/>
        <source>Current care</source>
        <translation>Soins en cours</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="325"/>
        <source>Relevant history</source>
        <translation>Antécédents utiles</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="326"/>
        <source>Current treatments</source>
        <translation>Traitements en cours</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="327"/>
        <source>Examination, results</source>
        <translation>Examen clinique, résultats</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="473"/>
        <source>New teleexpertise request</source>
        <translation>Nouvelle demande de télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="494"/>
        <source>Send the request</source>
        <translation>Envoyer la demande</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="530"/>
        <source>Billing: %1 (%2) for you.</source>
        <translation>Facturation&#xa0;: %1 (%2) pour vous.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="535"/>
        <source>Teleexpertise number %1 for this patient in %2 (at most %3).</source>
        <translation>Télé-expertise n°&#xa0;%1 pour ce patient en %2 (%3 au plus).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="540"/>
        <source>Past this limit the act is not reimbursed.</source>
        <translation>Au-delà de cette limite, l&apos;acte n&apos;est pas remboursé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="569"/>
        <source>The request is incomplete.</source>
        <translation>La demande est incomplète.</translation>
    </message>
</context>
<context>
    <name>SafeTextBrowser</name>
    <message>
        <location filename="../../mssclient/gui/mail/safe_browser.py" line="78"/>
        <source>Open link</source>
        <extracomment>Link schemes the user may open after confirming; others are refused outright. Every URL the document asked for (cid or not), in order. The ones that were refused. Asks the user; replaced in tests. Returns True to open the link. Opens a confirmed link; replaced in tests.</extracomment>
        <translation>Ouvrir le lien</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/safe_browser.py" line="80"/>
        <source>This link leads outside the secure messaging:

%1

Open it in your web browser?</source>
        <translation>Ce lien mène hors de la messagerie sécurisée&#xa0;:

%1

L&apos;ouvrir dans votre navigateur web&#xa0;?</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../mssclient/gui/mail/search_box.py" line="19"/>
        <source>Search: words, from:, to:, subject:, after:2026-01-01, has:attachment</source>
        <translation>Rechercher&#xa0;: mots, from:, to:, subject:, after:2026-01-01, has:attachment</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/search_box.py" line="23"/>
        <source>Words are searched everywhere. Narrow with from:name, to:name, subject:word, after:date, before:date, date:2026-03, has:attachment, is:unread. &quot;Quoted words&quot; search a phrase.</source>
        <translation>Les mots sont cherchés partout. Précisez avec from:nom, to:nom, subject:mot, after:date, before:date, date:2026-03, has:attachment, is:unread. Des « mots entre guillemets » cherchent une expression.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/search_box.py" line="28"/>
        <source>Search mail</source>
        <translation>Rechercher dans la messagerie</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="54"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="57"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="58"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="59"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="61"/>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="81"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="91"/>
        <source>The language applies at the next start.</source>
        <translation>La langue s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="94"/>
        <source>Lock after inactivity:</source>
        <translation>Verrouiller après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="95"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="102"/>
        <source>System certificates</source>
        <translation>Certificats du système</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="105"/>
        <source>Address given by your hospital. Empty: the demonstration directory while no mail account is set up. Applies at the next start.</source>
        <translation>Adresse fournie par votre hôpital. Vide : l&apos;annuaire de démonstration tant qu&apos;aucun compte de messagerie n&apos;est configuré. Prise en compte au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="111"/>
        <source>Hospital directory:</source>
        <translation>Annuaire de l&apos;hôpital :</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="112"/>
        <source>Its CA file:</source>
        <translation>Son certificat d&apos;autorité :</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="122"/>
        <source>Also search the online Annuaire Santé when addressing mail</source>
        <translation>Chercher aussi dans l&apos;Annuaire Santé en ligne pour adresser un message</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="131"/>
        <source>A key is saved (type a new one to replace it)</source>
        <translation>Une clé est enregistrée (saisissez-en une autre pour la remplacer)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="133"/>
        <source>Your ESANTE-API-KEY</source>
        <translation>Votre ESANTE-API-KEY</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="136"/>
        <source>The key is kept in the system keyring, never in the settings file.</source>
        <translation>La clé est gardée dans le trousseau du système, jamais dans le fichier de paramètres.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="138"/>
        <source>No system keyring on this computer: the online search is unavailable.</source>
        <translation>Aucun trousseau système sur ce poste&#xa0;: la recherche en ligne n&apos;est pas disponible.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="145"/>
        <source>Annuaire Santé API key:</source>
        <translation>Clé d&apos;accès à l&apos;Annuaire Santé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="155"/>
        <source>This Annuaire Santé API key is not valid: letters, digits and - _ . only.</source>
        <translation>Cette clé d&apos;accès à l&apos;Annuaire Santé n&apos;est pas valide&#xa0;: lettres, chiffres et - _ . seulement.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="162"/>
        <source>Enter your Annuaire Santé API key to turn on the online search.</source>
        <translation>Saisissez votre clé d&apos;accès à l&apos;Annuaire Santé pour activer la recherche en ligne.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="177"/>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="178"/>
        <source>Profile folder:</source>
        <translation>Dossier du profil&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="179"/>
        <source>Data folder:</source>
        <translation>Dossier des données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="182"/>
        <source>Unlock with my session (no passphrase while the keyring is open)</source>
        <translation>Déverrouiller avec ma session (sans phrase de passe tant que le trousseau est ouvert)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="199"/>
        <source>The key of this profile is protected by the passphrase only: it is asked at each unlock.</source>
        <translation>La clé de ce profil est protégée uniquement par la phrase de passe&#xa0;: elle est demandée à chaque déverrouillage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="245"/>
        <source>The hospital directory address must begin with https://</source>
        <translation>L&apos;adresse de l&apos;annuaire de l&apos;hôpital doit commencer par https://</translation>
    </message>
</context>
<context>
    <name>SmimeBanner</name>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="30"/>
        <source>Show original</source>
        <translation>Voir l&apos;original</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="67"/>
        <source>The message was encrypted end to end.</source>
        <translation>Le message était chiffré de bout en bout.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="69"/>
        <source>The original message stays available.</source>
        <translation>Le message d&apos;origine reste disponible.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="77"/>
        <source>an unknown signer</source>
        <translation>un signataire inconnu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="80"/>
        <source>Signed by %1: valid signature, the content has not been changed.</source>
        <translation>Signé par %1&#xa0;: signature valide, le contenu n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="83"/>
        <source>Encrypted message, decrypted with your certificate. It is not signed: the sender&apos;s identity is not guaranteed.</source>
        <translation>Message chiffré, déchiffré avec votre certificat. Il n&apos;est pas signé&#xa0;: l&apos;identité de l&apos;expéditeur n&apos;est pas garantie.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="87"/>
        <source>Invalid signature: the content was changed after it was signed. Do not rely on this message.</source>
        <translation>Signature invalide&#xa0;: le contenu a été modifié après la signature. Ne vous fiez pas à ce message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="91"/>
        <source>Unknown signer: the signing certificate is neither attached nor known, so the signature cannot be checked.</source>
        <translation>Signataire inconnu&#xa0;: le certificat du signataire n&apos;est ni joint ni connu, la signature ne peut pas être vérifiée.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="95"/>
        <source>Signer not approved: the certificate of %1 was not issued by an authority this account trusts (for example IGC-Santé).</source>
        <translation>Signataire non approuvé&#xa0;: le certificat de %1 n&apos;a pas été émis par une autorité reconnue par ce compte (par exemple l&apos;IGC-Santé).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="99"/>
        <source>Warning: signed by %1, but the sender&apos;s address (%2) is not in that certificate. Do not rely on this message.</source>
        <translation>Attention&#xa0;: signé par %1, mais l&apos;adresse de l&apos;expéditeur (%2) ne figure pas dans ce certificat. Ne vous fiez pas à ce message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="103"/>
        <source>The certificate of %1 is not meant for signing mail: the signature cannot be trusted.</source>
        <translation>Le certificat de %1 n&apos;est pas prévu pour signer des courriels&#xa0;: la signature n&apos;est pas fiable.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="107"/>
        <source>The certificate of %1 has expired or is not valid yet: the signature can no longer be trusted.</source>
        <translation>Le certificat de %1 a expiré ou n&apos;est pas encore valide&#xa0;: la signature n&apos;est plus fiable.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="111"/>
        <source>The certificate of %1 has been revoked: do not rely on this message.</source>
        <translation>Le certificat de %1 a été révoqué&#xa0;: ne vous fiez pas à ce message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="114"/>
        <source>Cannot decrypt this message: none of your certificates matches (no matching key). It may have been encrypted for another certificate.</source>
        <translation>Impossible de déchiffrer ce message&#xa0;: aucun de vos certificats ne correspond (aucune clé correspondante). Il a peut-être été chiffré pour un autre certificat.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="118"/>
        <source>This secure message is damaged or malformed and cannot be read.</source>
        <translation>Ce message sécurisé est endommagé ou mal formé et ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="121"/>
        <source>This message uses a security algorithm that is not supported (%1).</source>
        <translation>Ce message utilise un algorithme de sécurité non pris en charge (%1).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/smime_banner.py" line="124"/>
        <source>This secure message is larger than the largest size handled.</source>
        <translation>Ce message sécurisé dépasse la taille maximale traitée.</translation>
    </message>
</context>
<context>
    <name>SpecialtyCard</name>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="56"/>
        <source>Direct line</source>
        <translation>Ligne directe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="57"/>
        <source>Hours</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="58"/>
        <source>On call today</source>
        <translation>De garde aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="59"/>
        <source>Teleexpertise mailbox</source>
        <translation>Boîte de télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="60"/>
        <source>Expected answer</source>
        <translation>Réponse attendue</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="61"/>
        <source>Appointments</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="62"/>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="78"/>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="81"/>
        <source>Request a teleexpertise</source>
        <translation>Demander une télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="83"/>
        <source>Write</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="126"/>
        <source>No specialty selected</source>
        <translation>Aucune spécialité sélectionnée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="127"/>
        <source>Search for a specialty, a keyword or a symptom.</source>
        <translation>Recherchez une spécialité, un mot-clé ou un symptôme.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="141"/>
        <source>Nobody listed</source>
        <translation>Personne d&apos;indiqué</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="145"/>
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>sous %n heure</numerusform>
            <numerusform>sous %n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="167"/>
        <source>Dials through your telephony software and copies the number</source>
        <translation>Compose le numéro avec votre logiciel de téléphonie et le copie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="172"/>
        <source>★ Favorite</source>
        <translation>★ Favori</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="172"/>
        <source>☆ Add to favorites</source>
        <translation>☆ Ajouter aux favoris</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="178"/>
        <source>Teleexpertise requests will be available in a later version</source>
        <translation>Les demandes de télé-expertise seront disponibles dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="181"/>
        <source>This department takes no teleexpertise</source>
        <translation>Ce service ne prend pas de télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="187"/>
        <source>Secure mail will be available in a later version</source>
        <translation>La messagerie sécurisée sera disponible dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="190"/>
        <source>This department has no secure mailbox</source>
        <translation>Ce service n&apos;a pas de boîte aux lettres sécurisée</translation>
    </message>
</context>
<context>
    <name>SpecialtyPage</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="94"/>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="118"/>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="95"/>
        <source>The hospital department you ask. Teleexpertise is not urgent.</source>
        <translation>Le service hospitalier sollicité. La télé-expertise n&apos;est pas urgente.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="105"/>
        <source>Choose a specialty…</source>
        <translation>Choisissez une spécialité…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="119"/>
        <source>Expected answer within</source>
        <translation>Réponse attendue sous</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="120"/>
        <source>Department mailbox</source>
        <translation>Messagerie du service</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/request_wizard.py" line="153"/>
        <source>Choose a specialty.</source>
        <translation>Choisissez une spécialité.</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="20"/>
        <source>Response time: from sending to the department&apos;s answer (or decline). p90: 9 requests out of 10 were answered within this time.</source>
        <translation>Délai de réponse&#xa0;: de l&apos;envoi à la réponse (ou au refus) du service. p90&#xa0;: 9 demandes sur 10 ont été traitées dans ce délai.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="29"/>
        <source>Specialty</source>
        <translation>Spécialité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="30"/>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="31"/>
        <source>Answered</source>
        <translation>Traitées</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="32"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/stats_view.py" line="33"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
</context>
<context>
    <name>Teleexpertise</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="15"/>
        <source>taken by %1</source>
        <translation>prise en charge par %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="17"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="18"/>
        <source>sent</source>
        <translation>envoyée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="19"/>
        <source>received by the department</source>
        <translation>reçue par le service</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="22"/>
        <source>taken</source>
        <translation>prise en charge</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="23"/>
        <source>more information asked</source>
        <translation>complément demandé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="26"/>
        <source>answered</source>
        <translation>répondue</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="27"/>
        <source>declined / redirected</source>
        <translation>refusée / réorientée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="30"/>
        <source>closed</source>
        <translation>clôturée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="36"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="37"/>
        <source>Acknowledge</source>
        <translation>Accuser réception</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="38"/>
        <source>I&apos;ll take it</source>
        <translation>Je la prends</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="39"/>
        <source>Ask for more information…</source>
        <translation>Demander un complément…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="42"/>
        <source>Send the information asked…</source>
        <translation>Envoyer le complément…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="45"/>
        <source>Answer…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="46"/>
        <source>Decline / redirect…</source>
        <translation>Refuser / réorienter…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="47"/>
        <source>Close the request</source>
        <translation>Clore la demande</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="48"/>
        <source>Withdraw the request</source>
        <translation>Retirer la demande</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="54"/>
        <source>Doctor</source>
        <translation>Médecin</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="55"/>
        <source>Nurse</source>
        <translation>Infirmier(ère)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="56"/>
        <source>Midwife</source>
        <translation>Sage-femme</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="57"/>
        <source>Other health professional</source>
        <translation>Autre professionnel de santé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="63"/>
        <source>Neither consultation nor admission</source>
        <translation>Ni consultation ni hospitalisation</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="66"/>
        <source>Consultation needed</source>
        <translation>Consultation à prévoir</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="67"/>
        <source>Admission needed</source>
        <translation>Hospitalisation à prévoir</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="79"/>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="83"/>
        <source>%1 h</source>
        <translation>%1&#xa0;h</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="85"/>
        <source>%1 d</source>
        <translation>%1&#xa0;j</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/labels.py" line="87"/>
        <source>%1 d %2 h</source>
        <translation>%1&#xa0;j %2&#xa0;h</translation>
    </message>
</context>
<context>
    <name>TeleexpertiseArea</name>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="172"/>
        <source>New request…</source>
        <extracomment>(title, message) for a desktop notification. An account whose outbox just got a mail (to send it now). The address the user picked in &quot;Answering as&quot; (None: follow the identities).</extracomment>
        <translation>Nouvelle demande…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="175"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="180"/>
        <source>Who answers the department&apos;s requests</source>
        <translation>Qui répond aux demandes du service</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="184"/>
        <source>My identity…</source>
        <translation>Mon identité…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="209"/>
        <source>My requests</source>
        <translation>Mes demandes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="210"/>
        <source>Department queue</source>
        <translation>File du service</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="211"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="217"/>
        <source>Answering as</source>
        <translation>Répondre en tant que</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="290"/>
        <source>No request yet.</source>
        <translation>Aucune demande pour l&apos;instant.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="297"/>
        <source>%n teleexpertise mail(s) could not be read automatically: open them in the mail area.</source>
        <translation>
            <numerusform>%n message de télé-expertise n&apos;a pas pu être lu automatiquement&#xa0;: ouvrez-le dans la messagerie.</numerusform>
            <numerusform>%n messages de télé-expertise n&apos;ont pas pu être lus automatiquement&#xa0;: ouvrez-les dans la messagerie.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="306"/>
        <source>%n teleexpertise mail(s) unreadable (encrypted for another key): import the matching certificate and key (Settings, Certificates), then refresh.</source>
        <translation>
            <numerusform>%n message de télé-expertise illisible (chiffré pour une autre clé)&#xa0;: importez le certificat et la clé correspondants (Paramètres, Certificats), puis actualisez.</numerusform>
            <numerusform>%n messages de télé-expertise illisibles (chiffrés pour une autre clé)&#xa0;: importez le certificat et la clé correspondants (Paramètres, Certificats), puis actualisez.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="372"/>
        <source>Billing: %1 (%2).</source>
        <translation>Facturation&#xa0;: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="374"/>
        <source>Teleexpertise number %1 for this patient in %2 (at most %3).</source>
        <translation>Télé-expertise n°&#xa0;%1 pour ce patient en %2 (%3 au plus).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="379"/>
        <source>Past this limit the act is not reimbursed.</source>
        <translation>Au-delà de cette limite, l&apos;acte n&apos;est pas remboursé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="392"/>
        <source>Teleexpertise %1</source>
        <translation>Télé-expertise %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="393"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="400"/>
        <source>Teleexpertise</source>
        <translation>Télé-expertise</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="401"/>
        <source>%n new request(s) in the department queue.</source>
        <translation>
            <numerusform>%n nouvelle demande dans la file du service.</numerusform>
            <numerusform>%n nouvelles demandes dans la file du service.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="447"/>
        <source>Request %1 placed in the outbox.</source>
        <translation>Demande %1 placée dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="474"/>
        <source>Ask for more information</source>
        <translation>Demander un complément</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="475"/>
        <source>What do you need to answer? The requester gets your message.</source>
        <translation>De quoi avez-vous besoin pour répondre&#xa0;? Le demandeur reçoit votre message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="478"/>
        <source>Decline or redirect</source>
        <translation>Refuser ou réorienter</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="479"/>
        <source>Why? Suggest another specialty if it fits better.</source>
        <translation>Pourquoi&#xa0;? Suggérez une autre spécialité si elle convient mieux.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="482"/>
        <source>Send the information asked</source>
        <translation>Envoyer le complément demandé</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="483"/>
        <source>Your answer to the specialist&apos;s question, with photos if needed.</source>
        <translation>Votre réponse à la question du spécialiste, avec des photos si besoin.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="531"/>
        <source>Fill in your professional identity (“My identity…”) before acting for the department.</source>
        <translation>Renseignez votre identité professionnelle («&#xa0;Mon identité…&#xa0;») avant d&apos;agir pour le service.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="560"/>
        <source>%1: %2 (placed in the outbox).</source>
        <translation>%1&#xa0;: %2 (placé dans la boîte d&apos;envoi).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="573"/>
        <source>Add your personal mail account first.</source>
        <translation>Ajoutez d&apos;abord votre compte de messagerie personnel.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="605"/>
        <source>Save the PDF report</source>
        <translation>Enregistrer le compte rendu PDF</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="605"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="613"/>
        <source>The report could not be written: %1</source>
        <translation>Le compte rendu n&apos;a pas pu être écrit&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/teleexpertise/area.py" line="616"/>
        <source>Report saved: %1</source>
        <translation>Compte rendu enregistré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../mssclient/gui/unlock_dialog.py" line="30"/>
        <source>Unlock MSSClient</source>
        <translation>Déverrouiller MSSClient</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/unlock_dialog.py" line="41"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../../mssclient/gui/unlock_panel.py" line="33"/>
        <location filename="../../mssclient/gui/unlock_panel.py" line="34"/>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/unlock_panel.py" line="36"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/unlock_panel.py" line="65"/>
        <source>Your session unlocks MSSClient.</source>
        <translation>Votre session déverrouille MSSClient.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/unlock_panel.py" line="67"/>
        <location filename="../../mssclient/gui/unlock_panel.py" line="104"/>
        <source>Enter your passphrase to unlock MSSClient.</source>
        <translation>Saisissez votre phrase de passe pour déverrouiller MSSClient.</translation>
    </message>
</context>
<context>
    <name>_ServerBox</name>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="59"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="60"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="61"/>
        <source>None (local test server only)</source>
        <translation>Aucune (serveur de test local uniquement)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="64"/>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="65"/>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="66"/>
        <source>Security:</source>
        <translation>Sécurité&#xa0;:</translation>
    </message>
</context>
</TS>
