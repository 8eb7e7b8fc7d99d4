<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>BackupSection</name>
    <message>
        <source>An encrypted copy of all the data; it opens only with this vault&apos;s passphrase.</source>
        <translation>Une copie chiffrée de toutes les données; elle ne s’ouvre qu’avec la phrase de passe de ce coffre.</translation>
    </message>
    <message>
        <source>&amp;Back up now...</source>
        <translation>Sauve&amp;garder maintenant…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup...</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Folder of the backup</source>
        <translation>Dossier de la sauvegarde</translation>
    </message>
    <message>
        <source>Milieu backups (*%1)</source>
        <translation>Sauvegardes de Milieu (*%1)</translation>
    </message>
    <message>
        <source>Backup to restore</source>
        <translation>Sauvegarde à restaurer</translation>
    </message>
    <message>
        <source>Backing up...</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Backup saved: %1.</source>
        <translation>Sauvegarde enregistrée&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) deleted: they still held data that retention has since erased (Law 25).</source>
        <translation>
            <numerusform>%n ancienne sauvegarde supprimée&#xa0;: elle contenait encore des données effacées depuis selon les délais de conservation (Loi 25).</numerusform>
            <numerusform>%n anciennes sauvegardes supprimées&#xa0;: elles contenaient encore des données effacées depuis selon les délais de conservation (Loi 25).</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup was not made: the disk is full; free some space, then try again.</source>
        <translation>La sauvegarde n’a pas été faite&#xa0;: le disque est plein; libérez de l’espace, puis réessayez.</translation>
    </message>
    <message>
        <source>The backup was not made: this folder cannot be written to; choose another one.</source>
        <translation>La sauvegarde n’a pas été faite&#xa0;: ce dossier n’accepte pas d’écriture; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>Sauvegarde non faite</translation>
    </message>
</context>
<context>
    <name>IntegrityWatch</name>
    <message>
        <source>Damaged database: nothing can be saved</source>
        <translation>Base de données endommagée&#xa0;: rien ne peut être enregistré</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <source>The vault&apos;s database failed its integrity check, so nothing is saved any more, and no backup was found. Delete nothing and contact La Piaule&apos;s coordination.</source>
        <translation>La base de données du coffre a échoué à la vérification d’intégrité&#xa0;: plus rien n’est enregistré, et aucune sauvegarde n’a été trouvée. Ne supprimez rien et communiquez avec la coordination de La Piaule.</translation>
    </message>
    <message>
        <source>The vault&apos;s database failed its integrity check, so nothing is saved any more. Restore the latest backup, %1, in Settings: Restore a backup...</source>
        <translation>La base de données du coffre a échoué à la vérification d’intégrité&#xa0;: plus rien n’est enregistré. Restaurez la dernière sauvegarde, %1, dans Paramètres&#xa0;: Restaurer une sauvegarde…</translation>
    </message>
</context>
<context>
    <name>PaperSection</name>
    <message>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Lettre (8,5 × 11 po)</translation>
    </message>
    <message>
        <source>A4 (21 × 29.7 cm)</source>
        <translation>A4 (21 × 29,7 cm)</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier&#xa0;:</translation>
    </message>
    <message>
        <source>For the Bilan, the slips and the Law 25 documents, here and from the command line.</source>
        <translation>Pour le bilan, les fiches de référence et les documents de la Loi 25, ici comme en ligne de commande.</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>RestoreFlow</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Wrong passphrase: nothing was restored.</source>
        <translation>Phrase de passe incorrecte&#xa0;: rien n’a été restauré.</translation>
    </message>
    <message>
        <source>This file is not a backup of this vault (empty, damaged or made with another key): nothing was changed.</source>
        <translation>Ce fichier n’est pas une sauvegarde de ce coffre (vide, endommagé ou fait avec une autre clé)&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>This backup is damaged (it failed its integrity check): nothing was changed.</source>
        <translation>Cette sauvegarde est endommagée (elle échoue à la vérification d’intégrité)&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>This file holds no Milieu data: nothing was changed.</source>
        <translation>Ce fichier ne contient aucune donnée de Milieu&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>This backup is another vault&apos;s (its signing key differs): nothing was changed.</source>
        <translation>Cette sauvegarde vient d’un autre coffre (sa clé de signature diffère)&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>This backup was refused: nothing was changed.</source>
        <translation>Cette sauvegarde a été refusée&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Milieu; install it to restore this backup: nothing was changed.</source>
        <translation>Cette sauvegarde a été faite par une version plus récente de Milieu; installez-la pour restaurer cette sauvegarde&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>Milieu has this vault open in another window or process; close it, then restore.</source>
        <translation>Milieu a ce coffre ouvert dans une autre fenêtre ou un autre processus; fermez-le, puis restaurez.</translation>
    </message>
    <message>
        <source>The disk is full; free some space, then try again: nothing was changed.</source>
        <translation>Le disque est plein; libérez de l’espace, puis réessayez&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: nothing was changed.</source>
        <translation>Le fichier %1 ne peut pas être lu&#xa0;: rien n’a été changé.</translation>
    </message>
    <message>
        <source>Checking the passphrase...</source>
        <translation>Vérification de la phrase de passe…</translation>
    </message>
    <message>
        <source>Restoring the backup...</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The backup %1 was restored; the data it replaced is kept as %2.</source>
        <translation>La sauvegarde %1 a été restaurée; les données qu’elle a remplacées sont gardées dans %2.</translation>
    </message>
    <message>
        <source>Replace ALL the current data with the backup %1? What was entered after that backup will be lost. The current data is first kept in the backups folder; Milieu then locks and opens again.</source>
        <translation>Remplacer TOUTES les données actuelles par la sauvegarde %1? Ce qui a été saisi après cette sauvegarde sera perdu. Les données actuelles sont d’abord gardées dans le dossier des sauvegardes; Milieu se verrouille ensuite et se rouvre.</translation>
    </message>
    <message>
        <source>This vault&apos;s passphrase, to confirm:</source>
        <translation>Phrase de passe de ce coffre, pour confirmer&#xa0;:</translation>
    </message>
</context>
</TS>
