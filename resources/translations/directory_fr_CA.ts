<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ContactReferrals</name>
    <message>
        <source>Follow up on:</source>
        <translation>Faire un suivi le :</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Referrals of this contact:</source>
        <translation>Références de ce contact :</translation>
    </message>
    <message>
        <source>%1 · to save</source>
        <translation>%1 · à enregistrer</translation>
    </message>
</context>
<context>
    <name>DirectoryHours</name>
    <message>
        <source>Monday</source>
        <translation>Lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dimanche</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1 h %2</translation>
    </message>
    <message>
        <source>%1:00</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>open 24 hours</source>
        <translation>ouvert 24 h sur 24</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 (next day)</source>
        <translation>%1 (le lendemain)</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>%1 to %2 (days)</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Some days of the month: %1</source>
        <translation>Certains jours du mois : %1</translation>
    </message>
    <message>
        <source>From %1 to %2 only</source>
        <translation>Seulement du %1 au %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>À partir du %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Jusqu'au %1</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Fermé le %1</translation>
    </message>
    <message>
        <source>Closed from %1 to %2</source>
        <translation>Fermé du %1 au %2</translation>
    </message>
    <message>
        <source>Closed on public holidays</source>
        <translation>Fermé les jours fériés</translation>
    </message>
    <message>
        <source>Hours not given: call before going.</source>
        <translation>Heures non indiquées : appeler avant d'y aller.</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Ouvert maintenant</translation>
    </message>
    <message>
        <source>Closed now</source>
        <translation>Fermé maintenant</translation>
    </message>
    <message>
        <source>Open 24 hours</source>
        <translation>Ouvert 24 h</translation>
    </message>
    <message>
        <source>Closes at %1</source>
        <translation>Ferme à %1</translation>
    </message>
    <message>
        <source>Opens at %1</source>
        <translation>Ouvre à %1</translation>
    </message>
    <message>
        <source>Closes tomorrow at %1</source>
        <translation>Ferme demain à %1</translation>
    </message>
    <message>
        <source>Opens tomorrow at %1</source>
        <translation>Ouvre demain à %1</translation>
    </message>
    <message>
        <source>Closes %2 at %1</source>
        <translation>Ferme %2 à %1</translation>
    </message>
    <message>
        <source>Opens %2 at %1</source>
        <translation>Ouvre %2 à %1</translation>
    </message>
    <message>
        <source>Closes on %2 at %1</source>
        <translation>Ferme le %2 à %1</translation>
    </message>
    <message>
        <source>Opens on %2 at %1</source>
        <translation>Ouvre le %2 à %1</translation>
    </message>
</context>
<context>
    <name>HoursRow</name>
    <message>
        <source>Opens at</source>
        <translation>Ouvre à</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Ferme à</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
<context>
    <name>ReferDialog</name>
    <message>
        <source>Refer to %1</source>
        <translation>Référer à %1</translation>
    </message>
    <message>
        <source>Refer to &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Référer à &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Follow up on:</source>
        <translation>Faire un &amp;suivi le :</translation>
    </message>
    <message>
        <source>I &amp;contact the service on the person's behalf (needs their consent)</source>
        <translation>Je &amp;joins le service au nom de la personne (avec son consentement)</translation>
    </message>
    <message>
        <source>e.g. accompanied there on Tuesday</source>
        <translation>p. ex. accompagné sur place mardi</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Qui :</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>Sta&amp;tut :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>&amp;Save the referral</source>
        <translation>&amp;Enregistrer la référence</translation>
    </message>
    <message>
        <source>Choose who is referred, or count the unidentified persons.</source>
        <translation>Choisissez la personne référée, ou comptez les personnes non identifiées.</translation>
    </message>
    <message>
        <source>The person has not consented to being referred on their behalf: record the consent on their page (Consents and file), or refer without contacting the service for them.</source>
        <translation>La personne n'a pas consenti à ce qu'on joigne le service en son nom : notez son consentement sur sa fiche (Consentements et dossier), ou référez sans joindre le service pour elle.</translation>
    </message>
    <message>
        <source>The referral could not be saved: %1</source>
        <translation>La référence n'a pas pu être enregistrée : %1</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Referral to %1</source>
        <translation>Référence vers %1</translation>
    </message>
    <message>
        <source>Follow up on:</source>
        <translation>Faire un suivi le :</translation>
    </message>
    <message>
        <source>Follow-up &amp;done</source>
        <translation>Suivi &amp;fait</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>Sta&amp;tut :</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
</context>
<context>
    <name>ReferralSlip</name>
    <message>
        <source>Referral slip</source>
        <translation>Fiche de référence</translation>
    </message>
    <message>
        <source>Important:</source>
        <translation>Important :</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>poste %1</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures d'ouverture</translation>
    </message>
    <message>
        <source>Walk-in: no appointment needed.</source>
        <translation>Sans rendez-vous : on peut s'y présenter directement.</translation>
    </message>
    <message>
        <source>Free.</source>
        <translation>Gratuit.</translation>
    </message>
    <message>
        <source>Languages: %1</source>
        <translation>Langues : %1</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Bon à savoir</translation>
    </message>
    <message>
        <source>Information verified on %1.</source>
        <translation>Informations vérifiées le %1.</translation>
    </message>
</context>
<context>
    <name>RepertoirePage</name>
    <message>
        <source>&amp;Add a service…</source>
        <translation>&amp;Ajouter un service…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Import a directory file (Open Referral HSDS: JSON or CSV folder)</source>
        <translation>Importer un fichier de répertoire (Open Referral HSDS : JSON ou dossier CSV)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Export the whole directory in Open Referral HSDS form</source>
        <translation>Exporter tout le répertoire au format Open Referral HSDS</translation>
    </message>
    <message>
        <source>HSDS &amp;JSON (one file)…</source>
        <translation>HSDS &amp;JSON (un fichier)…</translation>
    </message>
    <message>
        <source>HSDS &amp;CSV (tables in a folder)…</source>
        <translation>HSDS &amp;CSV (tableaux dans un dossier)…</translation>
    </message>
    <message>
        <source>&amp;Refer…</source>
        <translation>&amp;Référer…</translation>
    </message>
    <message>
        <source>&amp;Print the slip…</source>
        <translation>Im&amp;primer la fiche…</translation>
    </message>
    <message>
        <source>Slip as P&amp;DF…</source>
        <translation>Fiche en P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Verified today</source>
        <translation>&amp;Vérifié aujourd'hui</translation>
    </message>
    <message>
        <source>You checked these details today (by phone or on site)</source>
        <translation>Vous avez vérifié ces informations aujourd'hui (par téléphone ou sur place)</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Répertoire</translation>
    </message>
    <message numerus="yes">
        <source>%n referral(s) saved. Print the slip for the person?</source>
        <translation>
            <numerusform>%n référence enregistrée. Imprimer la fiche pour la personne?</numerusform>
            <numerusform>%n références enregistrées. Imprimer la fiche pour la personne?</numerusform>
        </translation>
    </message>
    <message>
        <source>Slip - %1</source>
        <translation>Fiche - %1</translation>
    </message>
    <message>
        <source>Save the slip</source>
        <translation>Enregistrer la fiche</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Slip not saved</source>
        <translation>Fiche non enregistrée</translation>
    </message>
    <message>
        <source>Slip saved: %1</source>
        <translation>Fiche enregistrée : %1</translation>
    </message>
    <message>
        <source>Marked as verified today.</source>
        <translation>Marqué comme vérifié aujourd'hui.</translation>
    </message>
    <message>
        <source>Import a directory</source>
        <translation>Importer un répertoire</translation>
    </message>
    <message>
        <source>Directory files (*.json *.csv *.zip *.milieu-directory)</source>
        <translation>Fichiers de répertoire (*.json *.csv *.zip *.milieu-directory)</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) imported</source>
        <translation>
            <numerusform>%n service importé</numerusform>
            <numerusform>%n services importés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n bad row(s) skipped)</source>
        <translation>
            <numerusform>(%n ligne invalide ignorée)</numerusform>
            <numerusform>(%n lignes invalides ignorées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of this file are not valid; nothing was imported. Import the valid rows anyway?</source>
        <translation>
            <numerusform>%n ligne de ce fichier n'est pas valide; rien n'a été importé. Importer quand même les lignes valides?</numerusform>
            <numerusform>%n lignes de ce fichier ne sont pas valides; rien n'a été importé. Importer quand même les lignes valides?</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message numerus="yes">
        <source>Nothing imported: %n row(s) are not valid.</source>
        <translation>
            <numerusform>Rien n'a été importé : %n ligne n'est pas valide.</numerusform>
            <numerusform>Rien n'a été importé : %n lignes ne sont pas valides.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>L'importation a échoué : %1</translation>
    </message>
    <message>
        <source>Importing the directory…</source>
        <translation>Importation du répertoire…</translation>
    </message>
    <message>
        <source>This directory file was already applied: nothing changed.</source>
        <translation>Ce fichier de répertoire a déjà été appliqué : rien n’a changé.</translation>
    </message>
    <message>
        <source>La Piaule's directory applied: %1 new, %2 changed, %3 withdrawn.</source>
        <translation>Répertoire de La Piaule appliqué : %1 nouveaux, %2 modifiés, %3 retirés.</translation>
    </message>
    <message>
        <source>Directory file refused: %1</source>
        <translation>Fichier de répertoire refusé : %1</translation>
    </message>
    <message>
        <source>Applying La Piaule's directory…</source>
        <translation>Application du répertoire de La Piaule…</translation>
    </message>
    <message>
        <source>Export the directory (HSDS JSON)</source>
        <translation>Exporter le répertoire (HSDS JSON)</translation>
    </message>
    <message>
        <source>directory.json</source>
        <translation>repertoire.json</translation>
    </message>
    <message>
        <source>Export the directory (HSDS CSV): choose a folder</source>
        <translation>Exporter le répertoire (HSDS CSV) : choisissez un dossier</translation>
    </message>
    <message>
        <source>Export the directory</source>
        <translation>Exporter le répertoire</translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name.</source>
        <translation>%1 est un dossier ; choisissez un nom de fichier.</translation>
    </message>
    <message>
        <source>This folder already holds directory tables. Replace them?</source>
        <translation>Ce dossier contient déjà des tableaux de répertoire. Les remplacer ?</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) exported to %1.</source>
        <translation>
            <numerusform>%n service exporté vers %1.</numerusform>
            <numerusform>%n services exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L'exportation a échoué : %1</translation>
    </message>
    <message>
        <source>Exporting the directory…</source>
        <translation>Exportation du répertoire…</translation>
    </message>
</context>
<context>
    <name>ServiceDetailPane</name>
    <message>
        <source>Choose a service to see its details.</source>
        <translation>Choisissez un service pour en voir les détails.</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Sans rendez-vous</translation>
    </message>
    <message>
        <source>New in La Piaule's directory</source>
        <translation>Nouveau dans le répertoire de La Piaule</translation>
    </message>
    <message>
        <source>Changed by La Piaule</source>
        <translation>Modifié par La Piaule</translation>
    </message>
    <message>
        <source>Withdrawn by La Piaule</source>
        <translation>Retiré par La Piaule</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Important:</source>
        <translation>Important :</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>ext. %1</source>
        <translation>poste %1</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures d'ouverture</translation>
    </message>
    <message>
        <source>Who can go</source>
        <translation>Pour qui</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>How to get the service</source>
        <translation>Comment obtenir le service</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Interprétation</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Local notes</source>
        <translation>Notes locales</translation>
    </message>
    <message>
        <source>Web and email</source>
        <translation>Site Web et courriel</translation>
    </message>
    <message>
        <source>Last verified on %1.</source>
        <translation>Dernière vérification le %1.</translation>
    </message>
    <message>
        <source>Never verified.</source>
        <translation>Jamais vérifié.</translation>
    </message>
    <message>
        <source>More than 12 months ago: call to check before referring.</source>
        <translation>Il y a plus de 12 mois : appeler pour vérifier avant de référer.</translation>
    </message>
    <message>
        <source>Ages %1 to %2</source>
        <translation>De %1 à %2 ans</translation>
    </message>
    <message>
        <source>Ages %1 and over</source>
        <translation>%1 ans et plus</translation>
    </message>
    <message>
        <source>Up to age %1</source>
        <translation>Jusqu'à %1 ans</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactif</translation>
    </message>
    <message>
        <source>Closed for good</source>
        <translation>Fermé définitivement</translation>
    </message>
    <message>
        <source>Temporarily closed</source>
        <translation>Fermé temporairement</translation>
    </message>
</context>
<context>
    <name>ServiceEditor</name>
    <message>
        <source>Add a service</source>
        <translation>Ajouter un service</translation>
    </message>
    <message>
        <source>Edit the service</source>
        <translation>Modifier le service</translation>
    </message>
    <message>
        <source>e.g. Food, Emergency shelter (commas between)</source>
        <translation>p. ex. Alimentation, Hébergement d'urgence (séparés par des virgules)</translation>
    </message>
    <message>
        <source>language codes, e.g. fr, en, ar</source>
        <translation>codes de langue, p. ex. fr, en, ar</translation>
    </message>
    <message>
        <source>e.g. accepts pets; accepts people who are intoxicated</source>
        <translation>p. ex. accepte les animaux; accepte les personnes intoxiquées</translation>
    </message>
    <message>
        <source>&amp;Free</source>
        <translation>&amp;Gratuit</translation>
    </message>
    <message>
        <source>&amp;Walk-in (no appointment)</source>
        <translation>&amp;Sans rendez-vous</translation>
    </message>
    <message>
        <source>Closed on public &amp;holidays</source>
        <translation>Fermé les jours &amp;fériés</translation>
    </message>
    <message>
        <source>+ Add opening hours</source>
        <translation>+ Ajouter une plage d'ouverture</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisme :</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description :</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Téléphone :</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Heures :</translation>
    </message>
    <message>
        <source>&amp;Categories:</source>
        <translation>&amp;Catégories :</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Langues :</translation>
    </message>
    <message>
        <source>Who can &amp;go:</source>
        <translation>&amp;Pour qui :</translation>
    </message>
    <message>
        <source>F&amp;ees:</source>
        <translation>F&amp;rais :</translation>
    </message>
    <message>
        <source>How to get &amp;it:</source>
        <translation>Comment l'o&amp;btenir :</translation>
    </message>
    <message>
        <source>Local no&amp;tes:</source>
        <translation>Not&amp;es locales :</translation>
    </message>
    <message>
        <source>A service needs a name.</source>
        <translation>Un service doit avoir un nom.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Refer to: type a service or a need…</source>
        <translation>Référer à : tapez un service ou un besoin…</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>Ouvert &amp;maintenant</translation>
    </message>
    <message>
        <source>&amp;Choose this service</source>
        <translation>&amp;Choisir ce service</translation>
    </message>
</context>
<context>
    <name>ServiceResultsModel</name>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Sans rendez-vous</translation>
    </message>
    <message>
        <source>Temporarily closed</source>
        <translation>Fermé temporairement</translation>
    </message>
</context>
<context>
    <name>ServiceSearch</name>
    <message>
        <source>Search a service, an organisation, a need…</source>
        <translation>Chercher un service, un organisme, un besoin…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>&amp;Open now</source>
        <translation>&amp;Ouvert maintenant</translation>
    </message>
    <message>
        <source>&amp;Free</source>
        <translation>&amp;Gratuit</translation>
    </message>
    <message>
        <source>&amp;Walk-in</source>
        <translation>&amp;Sans rendez-vous</translation>
    </message>
    <message>
        <source>Import a directory…</source>
        <translation>Importer un répertoire…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <source>The directory is empty: import La Piaule's directory file or an Open Referral (HSDS) file.</source>
        <translation>Le répertoire est vide : importez le fichier du répertoire de La Piaule ou un fichier Open Referral (HSDS).</translation>
    </message>
    <message>
        <source>The directory is empty: import it in the Directory page.</source>
        <translation>Le répertoire est vide : importez-le dans la page Répertoire.</translation>
    </message>
    <message>
        <source>No service matches.</source>
        <translation>Aucun service ne correspond.</translation>
    </message>
    <message>
        <source>The first %1 services</source>
        <translation>Les %1 premiers services</translation>
    </message>
<message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    </context>
</TS>
