<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AddPersonDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Ajouter une personne</translation>
    </message>
    <message>
        <source>&amp;Alias (a nickname, never a legal name):</source>
        <translation>&amp;Pseudonyme (un surnom, jamais le nom légal) :</translation>
    </message>
    <message>
        <source>Type an alias: a nickname that lets you find this person again.</source>
        <translation>Tapez un pseudonyme : un surnom qui permet de retrouver cette personne.</translation>
    </message>
</context>
<context>
    <name>ContactErrors</name>
    <message>
        <source>Choose a person, or count the unidentified persons.</source>
        <translation>Choisissez une personne ou indiquez le nombre de personnes non identifiées.</translation>
    </message>
    <message>
        <source>Choose the type of contact: press its number.</source>
        <translation>Choisissez le type de contact : appuyez sur son numéro.</translation>
    </message>
    <message>
        <source>This date is after today. A contact is recorded once it happened.</source>
        <translation>Cette date est après aujourd'hui. Un contact s'inscrit une fois qu'il a eu lieu.</translation>
    </message>
    <message>
        <source>A quantity given cannot be less than zero.</source>
        <translation>Une quantité donnée ne peut pas être inférieure à zéro.</translation>
    </message>
    <message>
        <source>%1: %2 given, %3 in stock</source>
        <translation>%1 : %2 donné(s), %3 en stock</translation>
    </message>
    <message>
        <source>There is less in stock than what you are giving:</source>
        <translation>Il y a moins en stock que ce que vous remettez :</translation>
    </message>
    <message>
        <source>Save anyway? (The stock will show below zero until it is counted again.)</source>
        <translation>Enregistrer quand même? (Le stock sera sous zéro jusqu'au prochain décompte.)</translation>
    </message>
</context>
<context>
    <name>ContactLayout</name>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close; what was typed is kept for next time</source>
        <translation>Fermer; la saisie est gardée pour la prochaine fois</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Qui</translation>
    </message>
    <message>
        <source>Type of contact (keys 1 to %1)</source>
        <translation>Type de contact (touches 1 à %1)</translation>
    </message>
    <message>
        <source>Themes (key shown on each)</source>
        <translation>Thèmes (touche indiquée sur chacun)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(non précisé)</translation>
    </message>
    <message>
        <source>Wh&amp;en</source>
        <translation>Qu&amp;and</translation>
    </message>
    <message>
        <source>Durat&amp;ion</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>Initiated &amp;by</source>
        <translation>Initié &amp;par</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>St&amp;art over</source>
        <translation>Re&amp;commencer</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>No supply items yet (see Supplies).</source>
        <translation>Aucun article pour l'instant (voir Dépannage).</translation>
    </message>
    <message>
        <source>What matters for next time (no legal names)</source>
        <translation>Ce qui compte pour la prochaine fois (aucun nom légal)</translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation>&amp;Suivi le</translation>
    </message>
    <message>
        <source>do&amp;ne</source>
        <translation>fai&amp;t</translation>
    </message>
    <message>
        <source>&amp;Share with supervision</source>
        <translation>Parta&amp;ger avec la supervision</translation>
    </message>
    <message>
        <source>Supplies given</source>
        <translation>Dépannage remis</translation>
    </message>
    <message>
        <source>Refer &amp;to a service</source>
        <translation>Référer &amp;vers un service</translation>
    </message>
    <message>
        <source>C&amp;hoose this service</source>
        <translation>C&amp;hoisir ce service</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>R&amp;etirer</translation>
    </message>
    <message>
        <source>Fo&amp;llow up on:</source>
        <translation>&amp;Faire un suivi le :</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Repeat last contact</source>
        <translation>&amp;Répéter le dernier contact</translation>
    </message>
    <message>
        <source>Same types, themes, place and duration as this person's last contact</source>
        <translation>Mêmes types, thèmes, lieu et durée que le dernier contact de cette personne</translation>
    </message>
</context>
<context>
    <name>ContactPanel</name>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>Draft brought back</source>
        <translation>Brouillon repris</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Changes to another contact were not saved. Drop them and open this one?</source>
        <translation>Des modifications d'un autre contact n'ont pas été enregistrées. Les abandonner et ouvrir celui-ci?</translation>
    </message>
    <message>
        <source>Unsaved changes brought back</source>
        <translation>Modifications non enregistrées reprises</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>Clear this form? What was typed will be lost.</source>
        <translation>Vider ce formulaire? Ce qui a été saisi sera perdu.</translation>
    </message>
    <message>
        <source>No earlier contact with this person.</source>
        <translation>Aucun contact précédent avec cette personne.</translation>
    </message>
    <message>
        <source>Filled in like the last contact</source>
        <translation>Rempli comme le dernier contact</translation>
    </message>
    <message>
        <source>Press Enter to choose the person, or pick one in the list.</source>
        <translation>Appuyez sur Entrée pour choisir la personne, ou choisissez-la dans la liste.</translation>
    </message>
    <message>
        <source>Not enough in stock</source>
        <translation>Stock insuffisant</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>Disque plein</translation>
    </message>
    <message>
        <source>The disk is full: the contact was not saved. What you typed stays here; free some space, then save again.</source>
        <translation>Le disque est plein : le contact n’a pas été enregistré. Ce que vous avez saisi reste ici; libérez de l’espace, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <source>Contact updated</source>
        <translation>Contact modifié</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contact enregistré</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>From… to…</source>
        <translation>Du… au…</translation>
    </message>
    <message>
        <source>Person (alias), then Enter</source>
        <translation>Personne (pseudonyme), puis Entrée</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Période</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Pe&amp;rson</source>
        <translation>Pe&amp;rsonne</translation>
    </message>
    <message>
        <source>Hi&amp;story</source>
        <translation>Historiq&amp;ue</translation>
    </message>
    <message>
        <source>&amp;Open (Enter)</source>
        <translation>&amp;Ouvrir (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Delete (Del)</source>
        <translation>&amp;Supprimer (Suppr)</translation>
    </message>
    <message>
        <source>&amp;New contact (Ctrl+N)</source>
        <translation>&amp;Nouveau contact (Ctrl+N)</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>Tous les thèmes</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Tous les lieux</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation>personne de nommé</translation>
    </message>
    <message>
        <source>Delete the contact of %1 with %2? It disappears from lists and counts; its history is kept.</source>
        <translation>Supprimer le contact du %1 avec %2? Il disparaît des listes et des totaux; son historique est conservé.</translation>
    </message>
    <message>
        <source>Delete a contact</source>
        <translation>Supprimer un contact</translation>
    </message>
    <message>
        <source>Contact deleted (kept in history)</source>
        <translation>Contact supprimé (conservé dans l'historique)</translation>
    </message>
    <message>
        <source>Contact of %1</source>
        <translation>Contact du %1</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <source>This is required.</source>
        <translation>Ce champ est obligatoire.</translation>
    </message>
    <message>
        <source>This date is after today. Check the day.</source>
        <translation>Cette date est après aujourd'hui. Vérifiez le jour.</translation>
    </message>
    <message>
        <source>This cannot be less than zero.</source>
        <translation>Cette valeur ne peut pas être inférieure à zéro.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>C'est trop long.</translation>
    </message>
    <message>
        <source>This choice is no longer offered. Pick another one.</source>
        <translation>Ce choix n'est plus offert. Choisissez-en un autre.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Cette fiche n'existe plus.</translation>
    </message>
    <message>
        <source>This value is out of range.</source>
        <translation>Cette valeur est hors des limites.</translation>
    </message>
    <message>
        <source>Check this value.</source>
        <translation>Vérifiez cette valeur.</translation>
    </message>
</context>
<context>
    <name>FloorModels</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 (done)</source>
        <translation>%1 (fait)</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Not seen for 90 days</source>
        <translation>Pas vue depuis 90 jours</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
<message numerus="yes">
        <source>%n unidentified</source>
        <translation>
            <numerusform>%n non identifiée</numerusform>
            <numerusform>%n non identifiées</numerusform>
        </translation>
    </message>
    </context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation>Quand (heure locale)</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Changements</translation>
    </message>
    <message>
        <source>when</source>
        <translation>date</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <source>place</source>
        <translation>lieu</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>personnes</translation>
    </message>
    <message>
        <source>unidentified persons</source>
        <translation>personnes non identifiées</translation>
    </message>
    <message>
        <source>initiated by</source>
        <translation>initié par</translation>
    </message>
    <message>
        <source>types</source>
        <translation>types</translation>
    </message>
    <message>
        <source>themes</source>
        <translation>thèmes</translation>
    </message>
    <message>
        <source>needs left unmet</source>
        <translation>besoins non comblés</translation>
    </message>
    <message>
        <source>supplies given</source>
        <translation>dépannage remis</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>follow-up done</source>
        <translation>suivi fait</translation>
    </message>
    <message>
        <source>shared with supervision</source>
        <translation>partage avec la supervision</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>pseudonyme</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>age bracket</source>
        <translation>tranche d'âge</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>genre</translation>
    </message>
    <message>
        <source>gender in their words</source>
        <translation>genre dans ses mots</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>langues</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>groupes</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>consent date</source>
        <translation>date du consentement</translation>
    </message>
    <message>
        <source>consent notes</source>
        <translation>notes sur le consentement</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archivage</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusion</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a duplicate</source>
        <translation>Fusionner un doublon</translation>
    </message>
    <message>
        <source>Find the other record of %1. Its contacts move here; it stays archived, pointing to this one.</source>
        <translation>Trouvez l'autre fiche de %1. Ses contacts seront rattachés ici; elle restera archivée et renverra à celle-ci.</translation>
    </message>
    <message>
        <source>Alias of the duplicate…</source>
        <translation>Pseudonyme du doublon…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Search an alias or a first name (Ctrl+F)</source>
        <translation>Chercher un pseudonyme ou un prénom (Ctrl+F)</translation>
    </message>
    <message>
        <source>Not archived</source>
        <translation>Non archivées</translation>
    </message>
    <message>
        <source>Seen in the last 90 days</source>
        <translation>Vues dans les 90 derniers jours</translation>
    </message>
    <message>
        <source>Not seen for 90 days</source>
        <translation>Pas vue depuis 90 jours</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Ajouter une personne…</translation>
    </message>
    <message>
        <source>&amp;Open (Enter)</source>
        <translation>&amp;Ouvrir (Entrée)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n personne</numerusform>
            <numerusform>%n personnes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDetail</name>
    <message>
        <source>← &amp;People</source>
        <translation>← &amp;Personnes</translation>
    </message>
    <message>
        <source>New &amp;contact with this person</source>
        <translation>Nouveau &amp;contact avec cette personne</translation>
    </message>
    <message>
        <source>&amp;Repeat last contact</source>
        <translation>Répéter le &amp;dernier contact</translation>
    </message>
    <message>
        <source>In their own words (optional)</source>
        <translation>Dans ses mots (facultatif)</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>donné le</translation>
    </message>
    <message>
        <source>Archived (hidden from search; contacts kept)</source>
        <translation>Archivée (absente de la recherche; contacts conservés)</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>P&amp;seudonyme :</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>Pré&amp;nom :</translation>
    </message>
    <message>
        <source>A&amp;ge:</source>
        <translation>Â&amp;ge :</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>Gen&amp;re :</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Langues :</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Groupes :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>C&amp;onsent to share:</source>
        <translation>Consen&amp;tement au partage :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Merge a duplicate…</source>
        <translation>&amp;Fusionner un doublon…</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Consents and &amp;file…</source>
        <translation>Consentements et &amp;dossier…</translation>
    </message>
    <message>
        <source>Enter or double click: follow up this referral</source>
        <translation>Entrée ou double-clic : faire le suivi de cette référence</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(non précisé)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>seen %1</source>
        <translation>vue le %1</translation>
    </message>
    <message>
        <source>unsaved changes brought back</source>
        <translation>modifications non enregistrées reprises</translation>
    </message>
    <message>
        <source>follow-up %1</source>
        <translation>suivi le %1</translation>
    </message>
    <message>
        <source>Referrals (%1)</source>
        <translation>Références (%1)</translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>Contacts (%1)</translation>
    </message>
    <message>
        <source>The consent date is after today.</source>
        <translation>La date du consentement est après aujourd'hui.</translation>
    </message>
    <message>
        <source>Person saved</source>
        <translation>Fiche enregistrée</translation>
    </message>
    <message>
        <source>Merge « %1 » into « %2 »? Every contact of « %1 » moves to « %2 »; « %1 » stays archived.</source>
        <translation>Fusionner « %1 » dans « %2 »? Tous les contacts de « %1 » seront rattachés à « %2 »; « %1 » restera archivée.</translation>
    </message>
    <message>
        <source>Merge two records</source>
        <translation>Fusionner deux fiches</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) moved</source>
        <translation>
            <numerusform>%n contact rattaché</numerusform>
            <numerusform>%n contacts rattachés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonField</name>
    <message>
        <source>Type a few letters of the alias…</source>
        <translation>Tapez quelques lettres du pseudonyme…</translation>
    </message>
    <message>
        <source>+ &amp;unidentified:</source>
        <translation>+ non &amp;identifiées :</translation>
    </message>
    <message>
        <source>seen %1</source>
        <translation>vue le %1</translation>
    </message>
    <message>
        <source>+ new person « %1 »</source>
        <translation>+ nouvelle personne « %1 »</translation>
    </message>
    <message>
        <source>+ 1 unidentified person</source>
        <translation>+ 1 personne non identifiée</translation>
    </message>
    <message>
        <source>%1  ✕</source>
        <translation>%1  ✕</translation>
    </message>
    <message>
        <source>Remove %1 from this contact</source>
        <translation>Retirer %1 de ce contact</translation>
    </message>
    <message>
        <source>%1 (new)  ✕</source>
        <translation>%1 (nouvelle)  ✕</translation>
    </message>
    <message>
        <source>Created when the contact is saved; click to remove</source>
        <translation>Créée à l'enregistrement du contact; cliquez pour retirer</translation>
    </message>
</context>
<context>
    <name>SuppliesPage</name>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>Seuil bas</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Recevoir</translation>
    </message>
    <message>
        <source>Set to &amp;count</source>
        <translation>Corriger selon le &amp;décompte</translation>
    </message>
    <message>
        <source>What is on the shelf now; the difference is recorded as an adjustment</source>
        <translation>Ce qu'il y a sur la tablette maintenant; l'écart est inscrit comme un ajustement</translation>
    </message>
    <message>
        <source>Change &amp;low level</source>
        <translation>Changer le &amp;seuil bas</translation>
    </message>
    <message>
        <source>Selected item</source>
        <translation>Article choisi</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Reçu :</translation>
    </message>
    <message>
        <source>Counted on the shelf:</source>
        <translation>Compté sur la tablette :</translation>
    </message>
    <message>
        <source>Low at:</source>
        <translation>Seuil bas :</translation>
    </message>
    <message>
        <source>e.g. Socks</source>
        <translation>ex. : Bas</translation>
    </message>
    <message>
        <source>e.g. pair</source>
        <translation>ex. : paire</translation>
    </message>
    <message>
        <source>&amp;Add the item</source>
        <translation>&amp;Ajouter l'article</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nouvel article</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unité :</translation>
    </message>
    <message>
        <source>&amp;Stock now:</source>
        <translation>S&amp;tock actuel :</translation>
    </message>
    <message>
        <source>Lo&amp;w at:</source>
        <translation>Seuil &amp;bas :</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Dépannage</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Épuisé</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bas</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Suffisant</translation>
    </message>
    <message>
        <source>Choose an item in the list.</source>
        <translation>Choisissez un article dans la liste.</translation>
    </message>
    <message>
        <source>%1: %2 in stock</source>
        <translation>%1 : %2 en stock</translation>
    </message>
    <message>
        <source>Stock received</source>
        <translation>Réception enregistrée</translation>
    </message>
    <message>
        <source>Stock counted</source>
        <translation>Décompte enregistré</translation>
    </message>
    <message>
        <source>Low level changed</source>
        <translation>Seuil bas modifié</translation>
    </message>
    <message>
        <source>Give the item a name.</source>
        <translation>Donnez un nom à l'article.</translation>
    </message>
    <message>
        <source>Item added</source>
        <translation>Article ajouté</translation>
    </message>
</context>
<context>
    <name>SupplyStepper</name>
    <message>
        <source>%1 in stock</source>
        <translation>%1 en stock</translation>
    </message>
    <message>
        <source>One less %1</source>
        <translation>Un de moins : %1</translation>
    </message>
    <message>
        <source>One more %1</source>
        <translation>Un de plus : %1</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>New contact  (Ctrl+N)</source>
        <translation>Nouveau contact  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Today is the day to send the weekly bundle to La Piaule.</source>
        <translation>C'est aujourd'hui le jour de l'envoi hebdomadaire à La Piaule.</translation>
    </message>
    <message>
        <source>&amp;Go to Bundles</source>
        <translation>Aller aux &amp;envois</translation>
    </message>
    <message>
        <source>Today's contacts</source>
        <translation>Contacts d'aujourd'hui</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Suivis à faire</translation>
    </message>
    <message>
        <source>Follow-up &amp;done</source>
        <translation>S&amp;uivi fait</translation>
    </message>
    <message>
        <source>Open &amp;contact</source>
        <translation>&amp;Ouvrir le contact</translation>
    </message>
    <message>
        <source>Low stock</source>
        <translation>Stock bas</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) about a person's information are overdue (see Privacy).</source>
        <translation>
            <numerusform>%n demande concernant les renseignements d'une personne est en retard (voir Confidentialité).</numerusform>
            <numerusform>%n demandes concernant les renseignements d'une personne sont en retard (voir Confidentialité).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) about a person's information are due within 7 days.</source>
        <translation>
            <numerusform>%n demande concernant les renseignements d'une personne arrive à échéance d'ici 7 jours.</numerusform>
            <numerusform>%n demandes concernant les renseignements d'une personne arrivent à échéance d'ici 7 jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>The retention rules have not been applied for a month (see Privacy).</source>
        <translation>Les règles de conservation n'ont pas été appliquées depuis un mois (voir Confidentialité).</translation>
    </message>
    <message numerus="yes">
        <source>La Piaule has not confirmed receiving %n bundle(s) sent more than 14 days ago (see Envois).</source>
        <translation>
            <numerusform>La Piaule n’a pas confirmé avoir reçu %n envoi envoyé il y a plus de 14 jours (voir Envois).</numerusform>
            <numerusform>La Piaule n’a pas confirmé avoir reçu %n envois envoyés il y a plus de 14 jours (voir Envois).</numerusform>
        </translation>
    </message>
    <message>
        <source>Today's contacts (%1)</source>
        <translation>Contacts d'aujourd'hui (%1)</translation>
    </message>
    <message>
        <source>No contact yet today.</source>
        <translation>Aucun contact pour l'instant aujourd'hui.</translation>
    </message>
    <message>
        <source>Overdue since %1</source>
        <translation>En retard depuis le %1</translation>
    </message>
    <message>
        <source>%1 · Referral to %2</source>
        <translation>%1 · Référence vers %2</translation>
    </message>
    <message>
        <source>Follow-ups due (%1)</source>
        <translation>Suivis à faire (%1)</translation>
    </message>
    <message>
        <source>Nothing to follow up today.</source>
        <translation>Aucun suivi à faire aujourd'hui.</translation>
    </message>
    <message>
        <source>%1: %2 left (low at %3)</source>
        <translation>%1 : il en reste %2 (bas à %3)</translation>
    </message>
    <message>
        <source>Stock is fine.</source>
        <translation>Le stock est suffisant.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) met</source>
        <translation>
            <numerusform>%n personne rencontrée</numerusform>
            <numerusform>%n personnes rencontrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the contact  (Ctrl+N)</source>
        <translation>Reprendre le contact  (Ctrl+N)</translation>
    </message>
    <message numerus="yes">
        <source>%n unidentified</source>
        <translation>
            <numerusform>%n non identifiée</numerusform>
            <numerusform>%n non identifiées</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation>personne de nommé</translation>
    </message>
</context>
<context>
    <name>UnmetNeedsField</name>
    <message>
        <source>Asked for, could not be obtained</source>
        <translation>Demandé, non obtenu</translation>
    </message>
</context>
</TS>
