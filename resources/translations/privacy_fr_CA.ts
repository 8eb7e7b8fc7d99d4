<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AuditTab</name>
    <message>
        <source>Unlocked</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>Coffre créé</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase de passe changée</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>Clé créée</translation>
    </message>
    <message>
        <source>La Piaule&apos;s key set</source>
        <translation>Clé de La Piaule enregistrée</translation>
    </message>
    <message>
        <source>Worker trusted</source>
        <translation>Intervenant·e reconnu·e</translation>
    </message>
    <message>
        <source>Bundle written</source>
        <translation>Envoi écrit</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Envoi importé</translation>
    </message>
    <message>
        <source>Retention applied</source>
        <translation>Règles de conservation appliquées</translation>
    </message>
    <message>
        <source>A person&apos;s file exported</source>
        <translation>Dossier d&apos;une personne exporté</translation>
    </message>
    <message>
        <source>Old backups deleted</source>
        <translation>Anciennes sauvegardes supprimées</translation>
    </message>
    <message>
        <source>Incident register exported</source>
        <translation>Registre des incidents exporté</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>The last %1 events. The journal records what happened, never about whom.</source>
        <translation>Les %1 derniers événements. Le journal note ce qui s&apos;est passé, jamais à propos de qui.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Confidentiality incident</source>
        <translation>Incident de confidentialité</translation>
    </message>
    <message>
        <source>&amp;Information involved (or why it cannot be described):</source>
        <translation>&amp;Renseignements visés (ou pourquoi on ne peut pas les décrire) :</translation>
    </message>
    <message>
        <source>&amp;Circumstances:</source>
        <translation>&amp;Circonstances :</translation>
    </message>
    <message>
        <source>Date, or start of the period:</source>
        <translation>Date, ou début de la période :</translation>
    </message>
    <message>
        <source>End of the period:</source>
        <translation>Fin de la période :</translation>
    </message>
    <message>
        <source>Date it became &amp;known:</source>
        <translation>&amp;Date de prise de connaissance :</translation>
    </message>
    <message>
        <source>&amp;Number of people concerned:</source>
        <translation>&amp;Nombre de personnes concernées :</translation>
    </message>
    <message>
        <source>&amp;Risk of serious injury (sensitivity, likely misuse, consequences):</source>
        <translation>Risque de &amp;préjudice sérieux (sensibilité, utilisation malveillante probable, conséquences) :</translation>
    </message>
    <message>
        <source>Notice to the Commission:</source>
        <translation>Avis à la Commission :</translation>
    </message>
    <message>
        <source>Notice to the people:</source>
        <translation>Avis aux personnes :</translation>
    </message>
    <message>
        <source>Public notice:</source>
        <translation>Avis public :</translation>
    </message>
    <message>
        <source>Why a public notice:</source>
        <translation>Raison de l&apos;avis public :</translation>
    </message>
    <message>
        <source>&amp;Measures taken:</source>
        <translation>&amp;Mesures prises :</translation>
    </message>
    <message>
        <source>The risk of serious injury is rea&amp;l</source>
        <translation>Le risque de préjudice sérieux est ré&amp;el</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <source>No.</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Known on</source>
        <translation>Connu le</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Serious risk</source>
        <translation>Risque sérieux</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Renseignements</translation>
    </message>
    <message>
        <source>&amp;New incident...</source>
        <translation>&amp;Nouvel incident…</translation>
    </message>
    <message>
        <source>E&amp;xport the register...</source>
        <translation>E&amp;xporter le registre…</translation>
    </message>
    <message>
        <source>Kept at least 5 years: retention never erases this register.</source>
        <translation>Conservé au moins 5 ans : les règles de conservation n&apos;effacent jamais ce registre.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Export the incident register (PDF or CSV)</source>
        <translation>Exporter le registre des incidents (PDF ou CSV)</translation>
    </message>
    <message>
        <source>Register exported</source>
        <translation>Registre exporté</translation>
    </message>
</context>
<context>
    <name>PersonPrivacyDialog</name>
    <message>
        <source>Consents and file: %1</source>
        <translation>Consentements et dossier : %1</translation>
    </message>
    <message>
        <source>Sharing with supervision at La Piaule</source>
        <translation>Partage avec la supervision à La Piaule</translation>
    </message>
    <message>
        <source>Contacting a service on the person&apos;s behalf</source>
        <translation>Joindre un service au nom de la personne</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Donné le</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Retiré le</translation>
    </message>
    <message>
        <source>By a guardian</source>
        <translation>Par un tuteur</translation>
    </message>
    <message>
        <source>Under &amp;14</source>
        <translation>Moins de &amp;14 ans</translation>
    </message>
    <message>
        <source>Given by a &amp;guardian</source>
        <translation>Donné par un &amp;tuteur ou un parent</translation>
    </message>
    <message>
        <source>Record the &amp;consent</source>
        <translation>Noter le &amp;consentement</translation>
    </message>
    <message>
        <source>&amp;Withdraw the chosen consent</source>
        <translation>&amp;Retirer le consentement choisi</translation>
    </message>
    <message>
        <source>&amp;Export the person&apos;s file...</source>
        <translation>&amp;Exporter le dossier de la personne…</translation>
    </message>
    <message>
        <source>The file holds everything Milieu keeps about this person (JSON, CSV and a PDF to read); other people appear as « autre personne ».</source>
        <translation>Le dossier contient tout ce que Milieu conserve sur cette personne (JSON, CSV et un PDF à lire) ; les autres personnes y figurent comme « autre personne ».</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Choose a consent still in force in the list.</source>
        <translation>Choisissez dans la liste un consentement encore en vigueur.</translation>
    </message>
    <message>
        <source>Folder for the person&apos;s file</source>
        <translation>Dossier où écrire le dossier de la personne</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written</source>
        <translation>
            <numerusform>%n fichier écrit</numerusform>
            <numerusform>%n fichiers écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the person&apos;s file...</source>
        <translation>Écriture du dossier de la personne…</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
        <source>The incident cannot be known before it happened.</source>
        <translation>L&apos;incident ne peut pas être connu avant d&apos;avoir eu lieu.</translation>
    </message>
    <message>
        <source>A request cannot be answered before it was received.</source>
        <translation>Une demande ne peut pas recevoir de réponse avant d&apos;être reçue.</translation>
    </message>
    <message>
        <source>A person under 14 needs a guardian&apos;s consent.</source>
        <translation>Une personne de moins de 14 ans a besoin du consentement d&apos;un tuteur ou d&apos;un parent.</translation>
    </message>
    <message>
        <source>The person has not consented to this: record the consent first.</source>
        <translation>La personne n&apos;y a pas consenti : notez d&apos;abord son consentement.</translation>
    </message>
    <message>
        <source>Only an open request to a public body can be extended, once.</source>
        <translation>Seule une demande ouverte à un organisme public peut être prolongée, une fois.</translation>
    </message>
    <message>
        <source>Check this value.</source>
        <translation>Vérifiez cette valeur.</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>&amp;Retention</source>
        <translation>C&amp;onservation</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>&amp;Demandes</translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <source>Print the notice for peop&amp;le...</source>
        <translation>Imprimer l&apos;a&amp;vis aux personnes…</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Save the notice (PDF)</source>
        <translation>Enregistrer l&apos;avis (PDF)</translation>
    </message>
    <message>
        <source>Notice saved</source>
        <translation>Avis enregistré</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Portability</source>
        <translation>Portabilité</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Prolongée</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondue</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Who asked, how to answer (no health details)</source>
        <translation>Qui a demandé, comment répondre (aucun détail de santé)</translation>
    </message>
    <message>
        <source>A&amp;dd the request</source>
        <translation>Ajou&amp;ter la demande</translation>
    </message>
    <message>
        <source>Mark &amp;answered</source>
        <translation>Marquer comme &amp;répondue</translation>
    </message>
    <message>
        <source>Each request is answered within %1 days of its receipt.</source>
        <translation>Chaque demande reçoit une réponse dans les %1 jours de sa réception.</translation>
    </message>
    <message>
        <source> (late)</source>
        <translation> (en retard)</translation>
    </message>
    <message>
        <source>Choose a request in the list.</source>
        <translation>Choisissez une demande dans la liste.</translation>
    </message>
</context>
<context>
    <name>RetentionTab</name>
    <message>
        <source>Anonymise a &amp;person after no contact for:</source>
        <translation>Rendre anonyme une &amp;personne sans contact depuis :</translation>
    </message>
    <message>
        <source>Erase contact &amp;notes after:</source>
        <translation>Effacer les &amp;notes des contacts après :</translation>
    </message>
    <message>
        <source>Erase &amp;conflict notes after:</source>
        <translation>Effacer les notes des &amp;conflits après :</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>&amp;Save the rules</source>
        <translation>&amp;Enregistrer les règles</translation>
    </message>
    <message>
        <source>&amp;Apply the rules now...</source>
        <translation>&amp;Appliquer les règles maintenant…</translation>
    </message>
    <message>
        <source>Québec&apos;s law asks to destroy or anonymise what is no longer needed. Anonymised people keep what the reports count (age group, gender, groups, contact types, themes and dates): past reports keep their figures.</source>
        <translation>La loi québécoise demande de détruire ou de rendre anonyme ce qui n&apos;est plus nécessaire. Les personnes rendues anonymes gardent ce que les bilans comptent (tranche d&apos;âge, genre, groupes, types, thèmes et dates des contacts) : les bilans passés gardent leurs chiffres.</translation>
    </message>
    <message>
        <source>Now, the rules would anonymise %1 people and erase the notes of %2 contacts, %3 referrals and %4 conflicts.</source>
        <translation>Aujourd&apos;hui, les règles rendraient anonymes %1 personnes et effaceraient les notes de %2 contacts, %3 références et %4 conflits.</translation>
    </message>
    <message>
        <source>Nothing to anonymise or erase today.</source>
        <translation>Rien à rendre anonyme ni à effacer aujourd&apos;hui.</translation>
    </message>
    <message>
        <source>Apply the retention rules</source>
        <translation>Appliquer les règles de conservation</translation>
    </message>
    <message>
        <source>This cannot be undone. Apply now?</source>
        <translation>C&apos;est irréversible. Appliquer maintenant ?</translation>
    </message>
    <message>
        <source>Applying the retention rules...</source>
        <translation>Application des règles de conservation…</translation>
    </message>
    <message>
        <source>Done: %1 people anonymised, notes of %2 contacts erased.</source>
        <translation>Fait : %1 personnes rendues anonymes, notes de %2 contacts effacées.</translation>
    </message>
</context>
</TS>
