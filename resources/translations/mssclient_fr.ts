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
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="96"/>
        <source>Mail account</source>
        <translation>Compte de messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="102"/>
        <source>first.last@domain.mssante.fr</source>
        <translation>prenom.nom@domaine.mssante.fr</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="105"/>
        <source>Dr Jeanne Martin</source>
        <translation>Dr Jeanne Martin</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="107"/>
        <source>Personal mailbox</source>
        <translation>Boîte aux lettres personnelle</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="108"/>
        <source>Organisational mailbox</source>
        <translation>Boîte aux lettres organisationnelle</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="114"/>
        <source>Automatic detection</source>
        <translation>Détection automatique</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="118"/>
        <source>Incoming mail (IMAP)</source>
        <translation>Courrier entrant (IMAP)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="119"/>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="124"/>
        <source>IGC-Santé roots (MSSanté operators)</source>
        <translation>Racines IGC-Santé (opérateurs MSSanté)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="126"/>
        <source>System certificate store</source>
        <translation>Magasin de certificats du système</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="127"/>
        <source>A CA certificate file</source>
        <translation>Un fichier de certificat d&apos;autorité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="130"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="142"/>
        <source>Address:</source>
        <translation>Adresse&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="143"/>
        <source>Display name:</source>
        <translation>Nom affiché&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="144"/>
        <source>Mailbox type:</source>
        <translation>Type de boîte aux lettres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="145"/>
        <source>Login:</source>
        <translation>Identifiant&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="146"/>
        <source>Password:</source>
        <translation>Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="151"/>
        <source>Trusted certificates:</source>
        <translation>Certificats de confiance&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="152"/>
        <source>CA file:</source>
        <translation>Fichier d&apos;autorité&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="160"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="161"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="193"/>
        <source>CA certificate file</source>
        <translation>Fichier de certificat d&apos;autorité</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="193"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificats (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="202"/>
        <source>Type a valid mail address first.</source>
        <translation>Saisissez d&apos;abord une adresse de messagerie valide.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="205"/>
        <source>Looking for the settings of %1…</source>
        <translation>Recherche des paramètres de %1…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="217"/>
        <source>Settings found (%1). Check them, then type your password.</source>
        <translation>Paramètres trouvés (%1). Vérifiez-les, puis saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="225"/>
        <source>No automatic settings were found for this address. Fill them in by hand.</source>
        <translation>Aucun paramètre automatique n&apos;a été trouvé pour cette adresse. Renseignez-les à la main.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="232"/>
        <source>The address is not valid.</source>
        <translation>L&apos;adresse n&apos;est pas valide.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="234"/>
        <source>A display name is required (MSSanté rule).</source>
        <translation>Un nom affiché est obligatoire (règle MSSanté).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="238"/>
        <source>A server name is missing.</source>
        <translation>Il manque un nom de serveur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="240"/>
        <source>Unencrypted connections are only allowed to this computer.</source>
        <translation>Les connexions non chiffrées ne sont autorisées que vers cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="242"/>
        <source>Choose the CA certificate file.</source>
        <translation>Choisissez le fichier de certificat d&apos;autorité.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="244"/>
        <source>The password is required.</source>
        <translation>Le mot de passe est obligatoire.</translation>
    </message>
</context>
<context>
    <name>AnnuaireView</name>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="84"/>
        <source>Specialty, keyword or symptom (wound, stroke…)</source>
        <translation>Spécialité, mot-clé ou symptôme (plaie, AVC…)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="86"/>
        <source>Open now</source>
        <translation>Ouvert maintenant</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="88"/>
        <source>On call today</source>
        <translation>De garde aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="90"/>
        <source>Favorites</source>
        <translation>Favoris</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="125"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="217"/>
        <source>%1 — single number %2</source>
        <translation>%1 — numéro unique %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="222"/>
        <source>Hospital directory</source>
        <translation>Annuaire de l&apos;hôpital</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="225"/>
        <source>Last updated: %1</source>
        <translation>Dernière mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="227"/>
        <source>last refresh failed: %1</source>
        <translation>échec de la dernière actualisation&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="229"/>
        <source>Last updated: never</source>
        <translation>Dernière mise à jour&#xa0;: jamais</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="233"/>
        <source>No directory address is configured for your hospital</source>
        <translation>Aucune adresse d&apos;annuaire n&apos;est configurée pour votre hôpital</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="263"/>
        <source>(key %1)</source>
        <translation>(touche %1)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="280"/>
        <source>No directory yet: click Refresh to download your hospital&apos;s directory.</source>
        <translation>Pas encore d&apos;annuaire&#xa0;: cliquez sur Actualiser pour télécharger l&apos;annuaire de votre hôpital.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="283"/>
        <source>No specialty matches this search.</source>
        <translation>Aucune spécialité ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="317"/>
        <source>Number copied: %1 — press %2 when the voice menu answers.</source>
        <translation>Numéro copié&#xa0;: %1 — tapez %2 quand le serveur vocal répond.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="322"/>
        <source>Number copied: %1</source>
        <translation>Numéro copié&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="355"/>
        <source>Note saved.</source>
        <translation>Note enregistrée.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/annuaire_view.py" line="389"/>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
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
        <location filename="../../mssclient/gui/areas.py" line="92"/>
        <source>Import the national MSSanté directory…</source>
        <translation>Importer l&apos;annuaire national MSSanté…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/areas.py" line="117"/>
        <source>National MSSanté directory extraction</source>
        <translation>Extraction de l&apos;annuaire national MSSanté</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/areas.py" line="119"/>
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
    <name>ComposerDialog</name>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="62"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="82"/>
        <source>name@domain.mssante.fr, …</source>
        <translation>nom@domaine.mssante.fr, …</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="97"/>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="99"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="104"/>
        <source>Ask for a read receipt</source>
        <translation>Demander un accusé de lecture</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="106"/>
        <source>Ask for a delivery report</source>
        <translation>Demander un avis de remise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="115"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="119"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="122"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="126"/>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="127"/>
        <source>To:</source>
        <translation>À&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="128"/>
        <source>Cc:</source>
        <translation>Cc&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="129"/>
        <source>Bcc:</source>
        <translation>Cci&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="130"/>
        <source>Subject:</source>
        <translation>Objet&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="205"/>
        <location filename="../../mssclient/gui/mail/composer.py" line="223"/>
        <source>“%1” (%2) cannot be attached: attachments are limited to %3 per message.</source>
        <translation>« %1 » (%2) ne peut pas être joint&#xa0;: les pièces jointes sont limitées à %3 par message.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="233"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="248"/>
        <source>Attachments: %1 of %2 at most</source>
        <translation>Pièces jointes&#xa0;: %1 sur %2 au maximum</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/composer.py" line="265"/>
        <location filename="../../mssclient/gui/mail/composer.py" line="310"/>
        <source>Set up a mail account first.</source>
        <translation>Configurez d&apos;abord un compte de messagerie.</translation>
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
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="22"/>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="23"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="24"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="25"/>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="26"/>
        <source>Junk</source>
        <translation>Indésirables</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="27"/>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="116"/>
        <source>Mail folders</source>
        <translation>Dossiers de messagerie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/folder_tree.py" line="121"/>
        <source>Account settings…</source>
        <translation>Paramètres du compte…</translation>
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
        <location filename="../../mssclient/gui/mail/mail_area.py" line="125"/>
        <source>Messages</source>
        <extracomment>(done, total) of the running sync; (0, 0) when it is over. Domain of the user&apos;s hospital: its organisational mailboxes are suggested first.</extracomment>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="150"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="153"/>
        <source>Reply</source>
        <translation>Répondre</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="156"/>
        <source>Reply all</source>
        <translation>Répondre à tous</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="159"/>
        <source>Forward</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="162"/>
        <source>Check mail</source>
        <translation>Relever le courrier</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="165"/>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="167"/>
        <source>Drafts saved on this computer</source>
        <translation>Brouillons enregistrés sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="171"/>
        <source>Add account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="264"/>
        <source>No mail account yet. Use “Add account…” to set up your mailbox.</source>
        <translation>Aucun compte de messagerie pour l&apos;instant. Utilisez « Ajouter un compte… » pour configurer votre boîte aux lettres.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="302"/>
        <source>This folder is empty.</source>
        <translation>Ce dossier est vide.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/mail/mail_area.py" line="321"/>
        <source>%n message(s) found.</source>
        <translation>
            <numerusform>%n message trouvé.</numerusform>
            <numerusform>%n messages trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="327"/>
        <source>No message matches this search.</source>
        <translation>Aucun message ne correspond à cette recherche.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="354"/>
        <source>The message could not be opened.</source>
        <translation>Le message n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="394"/>
        <source>Save attachment</source>
        <translation>Enregistrer la pièce jointe</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="408"/>
        <source>Attachment saved: %1</source>
        <translation>Pièce jointe enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="426"/>
        <source>The operation failed: %1</source>
        <translation>L&apos;opération a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="511"/>
        <source>Message placed in the outbox: it leaves as soon as the server answers.</source>
        <translation>Message placé dans la boîte d&apos;envoi&#xa0;: il partira dès que le serveur répondra.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="520"/>
        <source>The message could not be prepared.</source>
        <translation>Le message n&apos;a pas pu être préparé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="533"/>
        <source>Draft saved (encrypted, on this computer).</source>
        <translation>Brouillon enregistré (chiffré, sur cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="542"/>
        <source>No saved draft</source>
        <translation>Aucun brouillon enregistré</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="545"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="574"/>
        <source>Mark as unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="576"/>
        <source>Flag for follow-up</source>
        <translation>Marquer pour suivi</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="580"/>
        <source>Archive</source>
        <translation>Archives</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="582"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="649"/>
        <source>Message deleted.</source>
        <translation>Message supprimé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="660"/>
        <source>Archiving…</source>
        <translation>Archivage…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="663"/>
        <source>This account has no Archive folder yet.</source>
        <translation>Ce compte n&apos;a pas encore de dossier Archives.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="665"/>
        <source>Message archived.</source>
        <translation>Message archivé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="693"/>
        <source>Account %1 saved.</source>
        <translation>Compte %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="706"/>
        <source>Synchronisation is not available in this session.</source>
        <translation>La synchronisation n&apos;est pas disponible dans cette session.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="709"/>
        <source>Checking mail…</source>
        <translation>Relève du courrier…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="712"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="719"/>
        <source>Synchronising %1: %2 of %3</source>
        <translation>Synchronisation de %1&#xa0;: %2 sur %3</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="728"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="728"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="733"/>
        <source>Message sent.</source>
        <translation>Message envoyé.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/mail_area.py" line="735"/>
        <source>Sending failed: %1</source>
        <translation>Échec de l&apos;envoi&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/mail/mail_area.py" line="774"/>
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
        <location filename="../../mssclient/gui/mail/reader.py" line="81"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="317"/>
        <source>Show source</source>
        <extracomment>Characters of raw source shown; the rest stays in the store (export gives it all).</extracomment>
        <translation>Afficher la source</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="90"/>
        <source>Send read receipt</source>
        <translation>Envoyer l&apos;accusé de lecture</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="93"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="98"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="302"/>
        <source>Show formatted version</source>
        <translation>Afficher la version mise en forme</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="117"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="119"/>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="122"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="140"/>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="146"/>
        <location filename="../../mssclient/gui/mail/reader.py" line="192"/>
        <source>Select a message to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="197"/>
        <source>Opening the message…</source>
        <translation>Ouverture du message…</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="204"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="207"/>
        <source>From: %1</source>
        <translation>De&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="209"/>
        <source>To: %1</source>
        <translation>À&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="211"/>
        <source>Cc: %1</source>
        <translation>Cc&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="214"/>
        <source>Date: %1</source>
        <translation>Date&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="224"/>
        <source>This message is damaged. It is shown as well as possible.</source>
        <translation>Ce message est endommagé. Il est affiché du mieux possible.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="226"/>
        <source>The original is kept unchanged.</source>
        <translation>L&apos;original est conservé sans modification.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="231"/>
        <source>The sender asks for a read receipt (to %1).</source>
        <translation>L&apos;expéditeur demande un accusé de lecture (à %1).</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="279"/>
        <source>Conversation (%1 messages)</source>
        <translation>Conversation (%1 messages)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="302"/>
        <source>Show plain text</source>
        <translation>Afficher le texte brut</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="310"/>
        <source>[… source cut for display]</source>
        <translation>[… source tronquée pour l&apos;affichage]</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="313"/>
        <source>Hide source</source>
        <translation>Masquer la source</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/reader.py" line="347"/>
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
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="148"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/directory/national_import_dialog.py" line="152"/>
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
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../mssclient/gui/placeholder_page.py" line="22"/>
        <source>This area arrives in a coming version of MSSClient.</source>
        <translation>Cet espace arrive dans une prochaine version de MSSClient.</translation>
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
        <location filename="../../mssclient/gui/settings_dialog.py" line="47"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="50"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="51"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="52"/>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="72"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="82"/>
        <source>The language applies at the next start.</source>
        <translation>La langue s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="85"/>
        <source>Lock after inactivity:</source>
        <translation>Verrouiller après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="86"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="93"/>
        <source>System certificates</source>
        <translation>Certificats du système</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="96"/>
        <source>Address given by your hospital. Empty: the demonstration directory while no mail account is set up. Applies at the next start.</source>
        <translation>Adresse fournie par votre hôpital. Vide : l&apos;annuaire de démonstration tant qu&apos;aucun compte de messagerie n&apos;est configuré. Prise en compte au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="102"/>
        <source>Hospital directory:</source>
        <translation>Annuaire de l&apos;hôpital :</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="103"/>
        <source>Its CA file:</source>
        <translation>Son certificat d&apos;autorité :</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="117"/>
        <source>Profile:</source>
        <translation>Profil&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="118"/>
        <source>Profile folder:</source>
        <translation>Dossier du profil&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="119"/>
        <source>Data folder:</source>
        <translation>Dossier des données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="122"/>
        <source>Unlock with my session (no passphrase while the keyring is open)</source>
        <translation>Déverrouiller avec ma session (sans phrase de passe tant que le trousseau est ouvert)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="139"/>
        <source>The key of this profile is protected by the passphrase only: it is asked at each unlock.</source>
        <translation>La clé de ce profil est protégée uniquement par la phrase de passe&#xa0;: elle est demandée à chaque déverrouillage.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/settings_dialog.py" line="184"/>
        <source>The hospital directory address must begin with https://</source>
        <translation>L&apos;adresse de l&apos;annuaire de l&apos;hôpital doit commencer par https://</translation>
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
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="76"/>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="79"/>
        <source>Request a teleexpertise</source>
        <translation>Demander une télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="81"/>
        <source>Write</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="124"/>
        <source>No specialty selected</source>
        <translation>Aucune spécialité sélectionnée</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="125"/>
        <source>Search for a specialty, a keyword or a symptom.</source>
        <translation>Recherchez une spécialité, un mot-clé ou un symptôme.</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="139"/>
        <source>Nobody listed</source>
        <translation>Personne d&apos;indiqué</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="143"/>
        <source>within %n hour(s)</source>
        <translation>
            <numerusform>sous %n heure</numerusform>
            <numerusform>sous %n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="165"/>
        <source>Dials through your telephony software and copies the number</source>
        <translation>Compose le numéro avec votre logiciel de téléphonie et le copie</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="170"/>
        <source>★ Favorite</source>
        <translation>★ Favori</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="170"/>
        <source>☆ Add to favorites</source>
        <translation>☆ Ajouter aux favoris</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="176"/>
        <source>Teleexpertise requests will be available in a later version</source>
        <translation>Les demandes de télé-expertise seront disponibles dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="179"/>
        <source>This department takes no teleexpertise</source>
        <translation>Ce service ne prend pas de télé-expertise</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="185"/>
        <source>Secure mail will be available in a later version</source>
        <translation>La messagerie sécurisée sera disponible dans une prochaine version</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/directory/specialty_card.py" line="188"/>
        <source>This department has no secure mailbox</source>
        <translation>Ce service n&apos;a pas de boîte aux lettres sécurisée</translation>
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
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="58"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="59"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="60"/>
        <source>None (local test server only)</source>
        <translation>Aucune (serveur de test local uniquement)</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="63"/>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="64"/>
        <source>Port:</source>
        <translation>Port&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mssclient/gui/mail/account_dialog.py" line="65"/>
        <source>Security:</source>
        <translation>Sécurité&#xa0;:</translation>
    </message>
</context>
</TS>
