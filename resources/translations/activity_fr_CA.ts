<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ActivityEntriesPage</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>It will no longer count in the report.</source>
        <translation>Il ne comptera plus dans le bilan.</translation>
    </message>
</context>
<context>
    <name>ActivityEntryForm</name>
    <message>
        <source>&amp;Clear</source>
        <translation>Eff&amp;acer</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>&amp;Enregistrer (Ctrl+Entrée)</translation>
    </message>
</context>
<context>
    <name>BadRowsDialog</name>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Lignes impossibles à importer</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) cannot be imported; nothing was imported.</source>
        <translation>
            <numerusform>%n ligne ne peut pas être importée; rien n&apos;a été importé.</numerusform>
            <numerusform>%n lignes ne peuvent pas être importées; rien n&apos;a été importé.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import the &amp;good rows</source>
        <translation>Importer les &amp;bonnes lignes</translation>
    </message>
</context>
<context>
    <name>BaselineImport</name>
    <message>
        <source>The library&apos;s incident reports from before the pilot (CSV: date, intensity, time, zone, parties, emergency)</source>
        <translation>Les rapports d&apos;incidents de la bibliothèque d&apos;avant le projet (CSV : date, intensity, time, zone, parties, emergency)</translation>
    </message>
    <message>
        <source>Past incidents</source>
        <translation>Incidents passés</translation>
    </message>
    <message>
        <source>Import past i&amp;ncidents…</source>
        <translation>Importer des i&amp;ncidents passés…</translation>
    </message>
    <message>
        <source>Imported: %1 incident(s), %2 to %3 (kept apart from your conflicts)</source>
        <translation>Importés : %1 incident(s), du %2 au %3 (à part de vos conflits)</translation>
    </message>
    <message>
        <source>Past incidents (CSV)</source>
        <translation>Incidents passés (CSV)</translation>
    </message>
    <message>
        <source>Does the file use the library&apos;s own categories instead of intensities 1 to 5? (You then choose the category map.)</source>
        <translation>Le fichier utilise-t-il les catégories de la bibliothèque plutôt que les intensités 1 à 5? (Vous choisirez alors la correspondance des catégories.)</translation>
    </message>
    <message>
        <source>Category map (category,intensity)</source>
        <translation>Correspondance des catégories (category,intensity)</translation>
    </message>
    <message>
        <source>%1 incident(s) imported, %2 already there, %3 row(s) skipped.</source>
        <translation>%1 incident(s) importé(s), %2 déjà présent(s), %3 ligne(s) ignorée(s).</translation>
    </message>
</context>
<context>
    <name>BilanPage</name>
    <message>
        <source>&amp;Hours of presence…</source>
        <translation>&amp;Heures de présence…</translation>
    </message>
    <message>
        <source>Pilot project</source>
        <translation>Projet pilote</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisée</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>Précédent (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>Suivant (Alt+Droite)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Export E&amp;xcel…</source>
        <translation>Exporter en E&amp;xcel…</translation>
    </message>
    <message>
        <source>Export &amp;Word…</source>
        <translation>Exporter en &amp;Word…</translation>
    </message>
    <message>
        <source>Exact small counts (internal use only)</source>
        <translation>Petits nombres exacts (usage interne seulement)</translation>
    </message>
    <message>
        <source>Unchecked, counts of 1 to 4 people read &quot;&lt; 5&quot; in exports, so that nobody can be recognised.</source>
        <translation>Décoché, les nombres de 1 à 4 personnes s&apos;affichent « &lt; 5 » dans les exports, pour que personne ne puisse être reconnu.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Tous les intervenant·es</translation>
    </message>
    <message>
        <source>The pilot project&apos;s dates are kept for the next time</source>
        <translation>Les dates du projet pilote sont gardées pour la prochaine fois</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>Le premier jour est après le dernier.</translation>
    </message>
    <message>
        <source>This period has not begun yet.</source>
        <translation>Cette période n&apos;a pas encore commencé.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Exporter le bilan</translation>
    </message>
    <message>
        <source>Exporting the report…</source>
        <translation>Exportation du bilan…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l&apos;export</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Le fichier n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <source>Export failed.</source>
        <translation>Échec de l&apos;export.</translation>
    </message>
    <message>
        <source>Pe&amp;riod</source>
        <translation>Pé&amp;riode</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>Exporter en C&amp;SV…</translation>
    </message>
    <message>
        <source>Exported: %1</source>
        <translation>Exporté : %1</translation>
    </message>
</context>
<context>
    <name>ConflictForm</name>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <source>W&amp;here</source>
        <translation>&amp;Où</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>&amp;Intensity</source>
        <translation>&amp;Intensité</translation>
    </message>
    <message>
        <source>e.g. talked apart with each person, offered a coffee</source>
        <translation>p. ex. discussion à l&apos;écart avec chaque personne, café offert</translation>
    </message>
    <message>
        <source>What was &amp;done</source>
        <translation>Ce qui a été &amp;fait</translation>
    </message>
    <message>
        <source>By whom</source>
        <translation>Par qui</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>Iss&amp;ue</translation>
    </message>
    <message>
        <source>Optional: type an alias, then Enter</source>
        <translation>Facultatif : tapez un pseudonyme, puis Entrée</translation>
    </message>
    <message>
        <source>&amp;People involved</source>
        <translation>&amp;Personnes impliquées</translation>
    </message>
    <message>
        <source>Optional: the contact during which it happened</source>
        <translation>Facultatif : le contact pendant lequel c&apos;est arrivé</translation>
    </message>
    <message>
        <source>None (optional)</source>
        <translation>Aucun (facultatif)</translation>
    </message>
    <message>
        <source>Delete removes the selected person</source>
        <translation>Suppr retire la personne choisie</translation>
    </message>
    <message>
        <source>Lin&amp;ked contact</source>
        <translation>Contact &amp;lié</translation>
    </message>
    <message>
        <source>No person with this alias. Record them in Personnes first.</source>
        <translation>Aucune personne avec ce pseudonyme. Ajoutez-la d&apos;abord dans Personnes.</translation>
    </message>
    <message>
        <source>Choose an intensity from 1 to 5 (Alt+1 to Alt+5).</source>
        <translation>Choisissez une intensité de 1 à 5 (Alt+1 à Alt+5).</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>Intensité</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>Personnes impliquées</translation>
    </message>
    <message>
        <source>Linked contact</source>
        <translation>Contact lié</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>New conflict</source>
        <translation>Nouveau conflit</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 derniers jours</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Int.</source>
        <translation>Int.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), mean intensity %1</source>
        <translation>
            <numerusform>%n conflit, intensité moyenne %1</numerusform>
            <numerusform>%n conflits, intensité moyenne %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflict in the last 90 days.</source>
        <translation>Aucun conflit dans les 90 derniers jours.</translation>
    </message>
    <message>
        <source>Delete this conflict?</source>
        <translation>Supprimer ce conflit?</translation>
    </message>
</context>
<context>
    <name>EvaluationBar</name>
    <message>
        <source>&amp;Compare with</source>
        <translation>&amp;Comparer avec</translation>
    </message>
    <message>
        <source>A period before the pilot project: conflicts per month and per 1,000 visits, intensity, emergency calls, side by side</source>
        <translation>Une période avant le projet pilote : conflits par mois et par 1 000 visites, intensité, appels d&apos;urgence, côte à côte</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Visits…</source>
        <translation>&amp;Visites…</translation>
    </message>
    <message>
        <source>Hi&amp;ghlights…</source>
        <translation>&amp;Faits saillants…</translation>
    </message>
    <message>
        <source>Staff &amp;questionnaire…</source>
        <translation>&amp;Questionnaire au personnel…</translation>
    </message>
    <message>
        <source>&amp;Lists…</source>
        <translation>&amp;Listes…</translation>
    </message>
</context>
<context>
    <name>EvaluationListsDialog</name>
    <message>
        <source>Lists of the evaluation</source>
        <translation>Listes de l&apos;évaluation</translation>
    </message>
    <message>
        <source>Needs left unmet</source>
        <translation>Besoins non comblés</translation>
    </message>
    <message>
        <source>Staff questionnaire items</source>
        <translation>Énoncés du questionnaire au personnel</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Re&amp;tire / bring back</source>
        <translation>Re&amp;tirer / rétablir</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(retiré)</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Nouvel élément</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
</context>
<context>
    <name>HighlightsDialog</name>
    <message>
        <source>Highlights for council</source>
        <translation>Faits saillants pour le conseil</translation>
    </message>
    <message>
        <source>A few lines on the pilot&apos;s results, in your words. They open the report for council: name nobody.</source>
        <translation>Quelques lignes sur les résultats du projet, dans vos mots. Elles ouvrent le bilan remis au conseil : n&apos;y nommez personne.</translation>
    </message>
    <message>
        <source>Saved, but these words name a person of the vault: %1. Remove them before the report leaves.</source>
        <translation>Enregistré, mais ce texte nomme une personne du coffre : %1. Retirez-le avant que le bilan ne sorte.</translation>
    </message>
</context>
<context>
    <name>MapConfirmation</name>
    <message>
        <source>Categories of the library</source>
        <translation>Catégories de la bibliothèque</translation>
    </message>
    <message>
        <source>Each category of the file becomes this intensity (1 to 5):</source>
        <translation>Chaque catégorie du fichier devient cette intensité (1 à 5) :</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Intensity</source>
        <translation>Intensité</translation>
    </message>
</context>
<context>
    <name>PresenceDialog</name>
    <message>
        <source>Hours of presence</source>
        <translation>Heures de présence</translation>
    </message>
    <message>
        <source>Planned schedule, per week</source>
        <translation>Horaire prévu, par semaine</translation>
    </message>
    <message>
        <source>Library floor</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Street work and team</source>
        <translation>Travail de rue et équipe</translation>
    </message>
    <message>
        <source>Save the &amp;schedule</source>
        <translation>Enregistrer l&apos;&amp;horaire</translation>
    </message>
    <message>
        <source>A day or a week that differed</source>
        <translation>Une journée ou une semaine différente</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <source>D&amp;ay</source>
        <translation>&amp;Journée</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <source>Da&amp;te (any day of the week)</source>
        <translation>Da&amp;te (n&apos;importe quel jour de la semaine)</translation>
    </message>
    <message>
        <source>&amp;Library floor</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>St&amp;reet work and team</source>
        <translation>T&amp;ravail de rue et équipe</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Sa&amp;ve these hours</source>
        <translation>&amp;Enregistrer ces heures</translation>
    </message>
    <message>
        <source>Back to the s&amp;chedule</source>
        <translation>Revenir à l&apos;horaire &amp;prévu</translation>
    </message>
    <message>
        <source>Entered in the last six months</source>
        <translation>Saisies des six derniers mois</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Street and team</source>
        <translation>Rue et équipe</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Support to library staff</source>
        <translation>Soutien au personnel de la bibliothèque</translation>
    </message>
    <message>
        <source>Last six months</source>
        <translation>Six derniers mois</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Staff count</source>
        <translation>Pers.</translation>
    </message>
    <message numerus="yes">
        <source>%n support(s), %1 h in all</source>
        <translation>
            <numerusform>%n soutien, %1 h en tout</numerusform>
            <numerusform>%n soutiens, %1 h en tout</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>Supprimer cette entrée?</translation>
    </message>
</context>
<context>
    <name>StaffSupportForm</name>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>e.g. how to approach a person who sleeps in the reading room</source>
        <translation>p. ex. comment aborder une personne qui dort dans la salle de lecture</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>S&amp;ujet</translation>
    </message>
    <message>
        <source>&amp;Number of staff</source>
        <translation>Membres du &amp;personnel</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Durée</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Number of staff</source>
        <translation>Membres du personnel</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Staff questionnaire</source>
        <translation>Questionnaire au personnel</translation>
    </message>
    <message>
        <source>Answers of one round are compared with those of the first round</source>
        <translation>Les réponses d&apos;une tournée sont comparées à celles de la première tournée</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Équipe</translation>
    </message>
    <message>
        <source>&amp;Round</source>
        <translation>&amp;Tournée</translation>
    </message>
    <message>
        <source>&amp;Save this form</source>
        <translation>&amp;Enregistrer ce formulaire</translation>
    </message>
    <message>
        <source>Open the &amp;kiosk…</source>
        <translation>Ouvrir le &amp;kiosque…</translation>
    </message>
    <message>
        <source>Saved. Next form?</source>
        <translation>Enregistré. Formulaire suivant?</translation>
    </message>
</context>
<context>
    <name>SurveyKiosk</name>
    <message>
        <source>Questionnaire</source>
        <translation>Questionnaire</translation>
    </message>
    <message>
        <source>Staff questionnaire: anonymous, 1 = not at all, 5 = completely</source>
        <translation>Questionnaire au personnel : anonyme, 1 = pas du tout, 5 = tout à fait</translation>
    </message>
    <message>
        <source>Your team (optional)</source>
        <translation>Votre équipe (facultatif)</translation>
    </message>
    <message>
        <source>&amp;Send my answers</source>
        <translation>&amp;Envoyer mes réponses</translation>
    </message>
    <message>
        <source>Close the kiosk (locks Milieu)</source>
        <translation>Fermer le kiosque (verrouille Milieu)</translation>
    </message>
    <message>
        <source>Choose at least one answer.</source>
        <translation>Choisissez au moins une réponse.</translation>
    </message>
    <message>
        <source>Thank you! Your answers are saved.</source>
        <translation>Merci! Vos réponses sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>VisitsDialog</name>
    <message>
        <source>Visits to the library</source>
        <translation>Visites à la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <source>&amp;Visits</source>
        <translation>&amp;Visites</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
</TS>
