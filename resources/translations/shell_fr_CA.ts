<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>The notes stay as they are: only the key that opens them is protected anew. From now on, the old passphrase no longer opens the vault.</source>
        <translation>Les notes restent telles quelles&#xa0;: seule la clé qui les ouvre est protégée de nouveau. Dès maintenant, l’ancienne phrase de passe n’ouvre plus le coffre.</translation>
    </message>
    <message>
        <source>&amp;Current passphrase:</source>
        <translation>Phrase de passe &amp;actuelle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la&#xa0;:</translation>
    </message>
    <message>
        <source>Type your current passphrase.</source>
        <translation>Tapez votre phrase de passe actuelle.</translation>
    </message>
    <message>
        <source>This is not the current passphrase. Check Caps Lock and the keyboard layout. Nothing was changed.</source>
        <translation>Ce n’est pas la phrase de passe actuelle. Vérifiez la touche Verr. Maj et la disposition du clavier. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The new passphrase cannot be empty.</source>
        <translation>La nouvelle phrase de passe ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The passphrase could not be changed: %1</source>
        <translation>La phrase de passe n’a pas pu être changée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>%2 %1, %3</source>
        <comment>day, month, year</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%2 %1</source>
        <comment>day, month</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>date, time</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>week of %1 to %2</source>
        <comment>ISO week: from Monday to Sunday</comment>
        <translation>semaine du %1 au %2</translation>
    </message>
    <message>
        <source>weeks of %1 to %2</source>
        <comment>several ISO weeks: first Monday, last Sunday</comment>
        <translation>semaines du %1 au %2</translation>
    </message>
</context>
<context>
    <name>LockCountdown</name>
    <message>
        <source>Locks in %1:%2</source>
        <translation>Verrouillage dans %1:%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>A vault already exists in %1; it was left untouched. Restart Milieu to open it.</source>
        <translation>Un coffre existe déjà dans %1&#xa0;; il n’a pas été modifié. Redémarrez Milieu pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Check Caps Lock and the keyboard layout, then try again.</source>
        <translation>Phrase de passe incorrecte. Vérifiez la touche Verr. Maj et la disposition du clavier, puis réessayez.</translation>
    </message>
    <message>
        <source>This vault was saved by a newer version of Milieu. Install that version (or a newer one) to open it. Nothing was changed.</source>
        <translation>Ce coffre a été enregistré par une version plus récente de Milieu. Installez cette version (ou une plus récente) pour l’ouvrir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The key file %1 is damaged. Nothing was changed. Contact La Piaule&apos;s coordination.</source>
        <translation>Le fichier de clé %1 est endommagé. Rien n’a été modifié. Communiquez avec la coordination de La Piaule.</translation>
    </message>
    <message>
        <source>The database file %1 is missing. Nothing was changed. Contact La Piaule&apos;s coordination.</source>
        <translation>Le fichier de la base de données %1 est introuvable. Rien n’a été modifié. Communiquez avec la coordination de La Piaule.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged (it failed its integrity check) and no backup was found in %1. Delete nothing and contact La Piaule&apos;s coordination.</source>
        <translation>La base de données du coffre est endommagée (la vérification d’intégrité a échoué) et aucune sauvegarde n’a été trouvée dans %1. Ne supprimez rien et communiquez avec la coordination de La Piaule.</translation>
    </message>
    <message>
        <source>The vault&apos;s database is damaged (it failed its integrity check). The latest backup is %1. To restore it, click &quot;Restore this backup&quot; (the damaged file is kept in the backups folder), or run in a terminal: milieu restore &quot;%2&quot;</source>
        <translation>La base de données du coffre est endommagée (la vérification d’intégrité a échoué). La sauvegarde la plus récente est %1. Pour la restaurer, cliquez sur «&#xa0;Restaurer cette sauvegarde&#xa0;» (le fichier endommagé est conservé dans le dossier des sauvegardes) ou exécutez dans un terminal&#xa0;: milieu restore &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Erreur inattendue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Type the passphrase first, then click &quot;Restore this backup&quot;.</source>
        <translation>Tapez d’abord la phrase de passe, puis cliquez sur «&#xa0;Restaurer cette sauvegarde&#xa0;».</translation>
    </message>
    <message>
        <source>Replace the damaged database with the backup %1? Changes made after that backup will be missing. The damaged file is kept in the backups folder.</source>
        <translation>Remplacer la base de données endommagée par la sauvegarde %1? Les modifications faites après cette sauvegarde seront absentes. Le fichier endommagé est conservé dans le dossier des sauvegardes.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The backup %1 was restored. The damaged file was kept as %2.</source>
        <translation>La sauvegarde %1 a été restaurée. Le fichier endommagé a été conservé sous %2.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>Au moins %n caractère.</numerusform>
            <numerusform>Au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Strength: very weak</source>
        <translation>Solidité&#xa0;: très faible</translation>
    </message>
    <message>
        <source>Strength: weak</source>
        <translation>Solidité&#xa0;: faible</translation>
    </message>
    <message>
        <source>Strength: fair</source>
        <translation>Solidité&#xa0;: moyenne</translation>
    </message>
    <message>
        <source>Strength: good</source>
        <translation>Solidité&#xa0;: bonne</translation>
    </message>
    <message>
        <source>Strength: excellent</source>
        <translation>Solidité&#xa0;: excellente</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>La phrase de passe doit compter au moins %n caractère.</numerusform>
            <numerusform>La phrase de passe doit compter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is too easy to guess; use several unrelated words.</source>
        <translation>La phrase de passe est trop facile à deviner; utilisez plusieurs mots sans lien entre eux.</translation>
    </message>
    <message>
        <source>The two passphrases are different.</source>
        <translation>Les deux phrases de passe sont différentes.</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <source>One moment...</source>
        <translation>Un instant…</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Erreur inattendue : %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Votre nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Lock after idle for:</source>
        <translation>Verrouiller après une &amp;inactivité de&#xa0;:</translation>
    </message>
    <message>
        <source>Site &amp;name:</source>
        <translation>Nom du &amp;site&#xa0;:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language applies the next time Milieu starts.</source>
        <translation>Le changement de langue s’applique au prochain démarrage de Milieu.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Change it if someone else may know it. Give the new one to colleagues who use this computer.</source>
        <translation>Changez-la si quelqu’un d’autre pourrait la connaître. Donnez la nouvelle aux collègues qui utilisent cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase...</source>
        <translation>&amp;Changer la phrase de passe…</translation>
    </message>
    <message>
        <source>Milieu version %1</source>
        <translation>Milieu, version %1</translation>
    </message>
    <message>
        <source>Unsaved changes were brought back. Save them or undo them.</source>
        <translation>Des modifications non enregistrées ont été récupérées. Enregistrez-les ou annulez-les.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The site name and your name cannot be empty.</source>
        <translation>Le nom du site et votre nom ne peuvent pas être vides.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Changes undone.</source>
        <translation>Modifications annulées.</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase de passe changée</translation>
    </message>
    <message>
        <source>The passphrase was changed. From now on, unlock Milieu with the new one.</source>
        <translation>La phrase de passe a été changée. Dorénavant, déverrouillez Milieu avec la nouvelle.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Welcome to Milieu</source>
        <translation>Bienvenue dans Milieu</translation>
    </message>
    <message>
        <source>Your notes are kept in an encrypted vault on this computer. Choose a passphrase: several words are easier to remember and harder to guess. Without it, the notes cannot be opened.</source>
        <translation>Vos notes sont conservées dans un coffre chiffré sur cet ordinateur. Choisissez une phrase de passe&#xa0;: plusieurs mots sont plus faciles à retenir et plus difficiles à deviner. Sans elle, les notes ne peuvent pas être ouvertes.</translation>
    </message>
    <message>
        <source>e.g. Drummondville public library</source>
        <translation>p. ex. Bibliothèque publique de Drummondville</translation>
    </message>
    <message>
        <source>The name your colleagues know you by</source>
        <translation>Le nom connu de vos collègues</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Répétez-la&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Site name:</source>
        <translation>Nom du &amp;site&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Votre nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Create the vault</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <source>Enter the site name.</source>
        <translation>Entrez le nom du site.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Entrez votre nom.</translation>
    </message>
    <message>
        <source>Creating the encrypted vault...</source>
        <translation>Création du coffre chiffré…</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Restore this backup...</source>
        <translation>&amp;Restaurer cette sauvegarde…</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>Réessayez dans %n seconde.</numerusform>
            <numerusform>Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Verrouiller (Ctrl+L)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
</TS>
