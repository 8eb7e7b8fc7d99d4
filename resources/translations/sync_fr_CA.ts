<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>CoordinationPanel</name>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des envois…</translation>
    </message>
    <message>
        <source>&amp;Trust a worker&apos;s key…</source>
        <translation>Faire &amp;confiance à la clé d&apos;un·e intervenant·e…</translation>
    </message>
    <message>
        <source>Save &amp;my public key…</source>
        <translation>Enregistrer &amp;ma clé publique…</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Missing bundles</source>
        <translation>Envois manquants</translation>
    </message>
    <message>
        <source>Coordination vault. Your fingerprint, to read to workers by phone: %1</source>
        <translation>Coffre de coordination. Votre empreinte, à lire aux intervenant·es par téléphone&#xa0;: %1</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No %1</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>A worker&apos;s public-key file</source>
        <translation>Fichier de clé publique d&apos;un·e intervenant·e</translation>
    </message>
    <message>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, en retard</translation>
    </message>
    <message>
        <source>Key of %1.

Fingerprint:
%2

Does it match, group by group, the fingerprint the worker read to you by phone?</source>
        <translation>Clé de %1.

Empreinte&#xa0;:
%2

Correspond-elle, groupe par groupe, à l&apos;empreinte que l&apos;intervenant·e vous a lue au téléphone&#xa0;?</translation>
    </message>
    <message>
        <source>Bundles to import</source>
        <translation>Envois à importer</translation>
    </message>
    <message>
        <source>Milieu bundles (*.bundle);;All files (*)</source>
        <translation>Envois Milieu (*.bundle);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n bundle(s)…</source>
        <translation>
            <numerusform>Importation de %n envoi…</numerusform>
            <numerusform>Importation de %n envois…</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing bundle %1 of %2…</source>
        <translation>Importation de l&apos;envoi %1 sur %2…</translation>
    </message>
    <message>
        <source>Importing the bundles…</source>
        <translation>Importation des envois…</translation>
    </message>
    <message>
        <source>%1: refused. %2</source>
        <translation>%1&#xa0;: refusé. %2</translation>
    </message>
    <message>
        <source>%1: cannot be read.</source>
        <translation>%1&#xa0;: illisible.</translation>
    </message>
    <message>
        <source>%1: already imported, nothing changed.</source>
        <translation>%1&#xa0;: déjà importé, rien n&apos;a changé.</translation>
    </message>
    <message>
        <source>%1: bundle no. %2 imported.</source>
        <translation>%1&#xa0;: envoi no %2 importé.</translation>
    </message>
    <message>
        <source>Missing bundles from this worker: %1.</source>
        <translation>Envois manquants de cet·te intervenant·e&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Save my public key</source>
        <translation>Enregistrer ma clé publique</translation>
    </message>
</context>
<context>
    <name>EnvoisPage</name>
    <message>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Envois</translation>
    </message>
</context>
<context>
    <name>LibrariesBox</name>
    <message>
        <source>Libraries side by side</source>
        <translation>Bibliothèques côte à côte</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Intervenant·es</translation>
    </message>
    <message>
        <source>Silent &gt; 8 days</source>
        <translation>Sans envoi &gt; 8&#xa0;jours</translation>
    </message>
    <message>
        <source>Contacts (12 weeks)</source>
        <translation>Contacts (12&#xa0;semaines)</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Newest bundle</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aucun encore</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>il y a %n jour</numerusform>
            <numerusform>il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>(no library)</source>
        <translation>(sans bibliothèque)</translation>
    </message>
</context>
<context>
    <name>PublicKeys</name>
    <message>
        <source>Public keys (*.pub *.txt);;All files (*)</source>
        <translation>Clés publiques (*.pub *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Check the fingerprint</source>
        <translation>Vérifier l&apos;empreinte</translation>
    </message>
    <message>
        <source>Public key saved. Its fingerprint is %1.</source>
        <translation>Clé publique enregistrée. Son empreinte est %1.</translation>
    </message>
</context>
<context>
    <name>SilenceWarning</name>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n jour)</numerusform>
            <numerusform>%1 (%n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (no bundle yet)</source>
        <translation>%1 (aucun envoi encore)</translation>
    </message>
    <message>
        <source>Nothing received for more than %1 days: %2</source>
        <translation>Rien reçu depuis plus de %1&#xa0;jours&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Supply items</source>
        <translation>Articles de dépannage</translation>
    </message>
    <message>
        <source>Stock movements</source>
        <translation>Mouvements de stock</translation>
    </message>
    <message>
        <source>List items</source>
        <translation>Éléments de listes</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Staff support</source>
        <translation>Soutien au personnel</translation>
    </message>
    <message>
        <source>Presence hours</source>
        <translation>Heures de présence</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>dimanche</translation>
    </message>
    <message>
        <source>This file is not a Milieu bundle.</source>
        <translation>Ce fichier n&apos;est pas un envoi Milieu.</translation>
    </message>
    <message>
        <source>This bundle was made by a newer version of Milieu: update Milieu.</source>
        <translation>Cet envoi a été fait par une version plus récente de Milieu&#xa0;: mettez Milieu à jour.</translation>
    </message>
    <message>
        <source>This bundle uses an encryption this version of Milieu does not read.</source>
        <translation>Cet envoi utilise un chiffrement que cette version de Milieu ne lit pas.</translation>
    </message>
    <message>
        <source>The beginning of this bundle is damaged.</source>
        <translation>Le début de cet envoi est endommagé.</translation>
    </message>
    <message>
        <source>This file is too large to be a bundle.</source>
        <translation>Ce fichier est trop gros pour être un envoi.</translation>
    </message>
    <message>
        <source>This bundle is incomplete (the copy was cut short). Ask for the file again.</source>
        <translation>Cet envoi est incomplet (la copie a été interrompue). Redemandez le fichier.</translation>
    </message>
    <message>
        <source>This bundle has extra bytes at its end: it was altered.</source>
        <translation>Cet envoi a des octets en trop à la fin&#xa0;: il a été modifié.</translation>
    </message>
    <message>
        <source>This bundle was encrypted for another coordination key.</source>
        <translation>Cet envoi a été chiffré pour une autre clé de coordination.</translation>
    </message>
    <message>
        <source>This bundle comes from a worker whose key is not trusted yet.</source>
        <translation>Cet envoi vient d&apos;un·e intervenant·e dont la clé n&apos;est pas encore approuvée.</translation>
    </message>
    <message>
        <source>The signature does not match: the file was altered or does not come from this worker.</source>
        <translation>La signature ne correspond pas&#xa0;: le fichier a été modifié ou ne vient pas de cet·te intervenant·e.</translation>
    </message>
    <message>
        <source>This bundle cannot be decrypted with this coordination key.</source>
        <translation>Cet envoi ne peut pas être déchiffré avec cette clé de coordination.</translation>
    </message>
    <message>
        <source>The content of this bundle is damaged.</source>
        <translation>Le contenu de cet envoi est endommagé.</translation>
    </message>
    <message>
        <source>The content of this bundle disagrees with its signed header.</source>
        <translation>Le contenu de cet envoi ne concorde pas avec son en-tête signé.</translation>
    </message>
    <message>
        <source>This is not a valid Milieu public-key file.</source>
        <translation>Ce n&apos;est pas un fichier de clé publique Milieu valide.</translation>
    </message>
    <message>
        <source>A record of this bundle is malformed; nothing of it was imported.</source>
        <translation>Un enregistrement de cet envoi est mal formé; rien de cet envoi n’a été importé.</translation>
    </message>
    <message>
        <source>This file belongs to the vault itself; choose another place.</source>
        <translation>Ce fichier fait partie du coffre lui-même; choisissez un autre emplacement.</translation>
    </message>
    <message>
        <source>This action is not available yet: set the keys first.</source>
        <translation>Cette action n&apos;est pas encore possible&#xa0;: définissez d&apos;abord les clés.</translation>
    </message>
</context>
<context>
    <name>UnsentStatus</name>
    <message numerus="yes">
        <source>%n change(s) not sent</source>
        <translation>
            <numerusform>%n modification non envoyée</numerusform>
            <numerusform>%n modifications non envoyées</numerusform>
        </translation>
    </message>
    <message>
        <source>last bundle no. %1 on %2</source>
        <translation>dernier envoi no %1 le %2</translation>
    </message>
</context>
<context>
    <name>WorkerDetail</name>
    <message>
        <source>Selected worker</source>
        <translation>Intervenant·e choisi·e</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Referral outcome</source>
        <translation>Issue de la référence</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Selected worker: %1</source>
        <translation>Intervenant·e choisi·e&#xa0;: %1</translation>
    </message>
    <message>
        <source>Distinct people</source>
        <translation>Personnes distinctes</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
</context>
<context>
    <name>WorkerPanel</name>
    <message>
        <source>Today is the day to send the weekly bundle to La Piaule.</source>
        <translation>C&apos;est aujourd&apos;hui le jour de l&apos;envoi hebdomadaire à La Piaule.</translation>
    </message>
    <message>
        <source>La Piaule&apos;s key</source>
        <translation>Clé de La Piaule</translation>
    </message>
    <message>
        <source>Set La Piaule&apos;s &amp;key…</source>
        <translation>Définir la &amp;clé de La Piaule…</translation>
    </message>
    <message>
        <source>Save &amp;my public key…</source>
        <translation>Enregistrer &amp;ma clé publique…</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>New or changed</source>
        <translation>Nouveaux ou modifiés</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>&amp;Export the bundle…</source>
        <translation>&amp;Exporter l&apos;envoi…</translation>
    </message>
    <message>
        <source>&amp;Full refresh…</source>
        <translation>Envoi com&amp;plet…</translation>
    </message>
    <message>
        <source>Send everything again, so La Piaule can rebuild its copy.</source>
        <translation>Tout renvoyer, pour que La Piaule puisse reconstruire sa copie.</translation>
    </message>
    <message>
        <source>&amp;Remind me on:</source>
        <translation>Me le rappe&amp;ler le&#xa0;:</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Aucun rappel</translation>
    </message>
    <message>
        <source>Bundles sent</source>
        <translation>Envois faits</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Semaines</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Received by La Piaule</source>
        <translation>Reçu par La Piaule</translation>
    </message>
    <message>
        <source>&amp;Write again…</source>
        <translation>&amp;Réécrire…</translation>
    </message>
    <message>
        <source>Write the selected bundle again, identical, e.g. on a new USB key.</source>
        <translation>Réécrire l&apos;envoi choisi, identique, par exemple sur une nouvelle clé USB.</translation>
    </message>
    <message>
        <source>Bundles are encrypted for %1 (fingerprint %2).</source>
        <translation>Les envois sont chiffrés pour %1 (empreinte %2).</translation>
    </message>
    <message>
        <source>La Piaule&apos;s key is not set yet: ask La Piaule for its public-key file, then check its fingerprint by phone.</source>
        <translation>La clé de La Piaule n&apos;est pas encore définie&#xa0;: demandez à La Piaule son fichier de clé publique, puis vérifiez son empreinte par téléphone.</translation>
    </message>
    <message>
        <source>Your fingerprint: %1</source>
        <translation>Votre empreinte&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing is waiting: the next bundle will only confirm the week.</source>
        <translation>Rien en attente&#xa0;: le prochain envoi confirmera seulement la semaine.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n fiche en attente d&apos;envoi.</numerusform>
            <numerusform>%n fiches en attente d&apos;envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>(full)</source>
        <translation>(complet)</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>Envois</translation>
    </message>
    <message>
        <source>La Piaule&apos;s public-key file</source>
        <translation>Fichier de clé publique de La Piaule</translation>
    </message>
    <message>
        <source>Key of %1.

Fingerprint:
%2

Does it match, group by group, the fingerprint La Piaule read to you by phone?</source>
        <translation>Clé de %1.

Empreinte&#xa0;:
%2

Correspond-elle, groupe par groupe, à l&apos;empreinte que La Piaule vous a lue au téléphone&#xa0;?</translation>
    </message>
    <message>
        <source>Save my public key</source>
        <translation>Enregistrer ma clé publique</translation>
    </message>
    <message>
        <source>Folder to write the bundle to (e.g. the USB key)</source>
        <translation>Dossier où écrire l&apos;envoi (par exemple la clé USB)</translation>
    </message>
    <message>
        <source>Nothing was lost: the changes are still waiting. Try again.</source>
        <translation>Rien n&apos;est perdu&#xa0;: les modifications sont toujours en attente. Réessayez.</translation>
    </message>
    <message>
        <source>Bundle no. %1 written: %2</source>
        <translation>Envoi no %1 écrit&#xa0;: %2</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>Écriture de l&apos;envoi…</translation>
    </message>
    <message>
        <source>Folder to write the bundle to again</source>
        <translation>Dossier où réécrire l&apos;envoi</translation>
    </message>
    <message>
        <source>Written again: %1</source>
        <translation>Réécrit&#xa0;: %1</translation>
    </message>
</context>
</TS>
