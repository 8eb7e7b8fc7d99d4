<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>CodeListsDialog</name>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
</context>
<context>
    <name>CodeListsEditor</name>
    <message>
        <source>Items of the list</source>
        <translation>Éléments de la liste</translation>
    </message>
    <message>
        <source>optional: the French label is used</source>
        <translation>facultatif : sinon le libellé français</translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation>&amp;Nouvel élément</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>&amp;Liste&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Items:</source>
        <translation>Élé&amp;ments&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;French label:</source>
        <translation>Libellé &amp;français&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;English label:</source>
        <translation>Libellé &amp;anglais&#xa0;:</translation>
    </message>
    <message>
        <source>Items are never deleted: a retired item is no longer offered for new entries, and the records that use it keep showing it.</source>
        <translation>Rien n’est supprimé&#xa0;: un élément retiré n’est plus proposé pour les nouvelles saisies, et les fiches qui l’utilisent continuent de l’afficher.</translation>
    </message>
    <message>
        <source>Contact types</source>
        <translation>Types de contact</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Thèmes</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Initiated by</source>
        <translation>Initiative du contact</translation>
    </message>
    <message>
        <source>Age brackets</source>
        <translation>Tranches d’âge</translation>
    </message>
    <message>
        <source>Genders</source>
        <translation>Genres</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Groups of interest</source>
        <translation>Groupes d’intérêt</translation>
    </message>
    <message>
        <source>Consent to share</source>
        <translation>Consentement au partage</translation>
    </message>
    <message>
        <source>(retired)</source>
        <translation>(retiré)</translation>
    </message>
    <message>
        <source>New item for « %1 »</source>
        <translation>Nouvel élément de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Editing « %1 »</source>
        <translation>Modification de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>&amp;Remettre</translation>
    </message>
    <message>
        <source>« %1 » added.</source>
        <translation>«&#xa0;%1&#xa0;» ajouté.</translation>
    </message>
    <message>
        <source>« %1 » saved.</source>
        <translation>«&#xa0;%1&#xa0;» enregistré.</translation>
    </message>
    <message>
        <source>« %1 » is offered again.</source>
        <translation>«&#xa0;%1&#xa0;» est de nouveau proposé.</translation>
    </message>
    <message>
        <source>« %1 » is retired: no longer offered for new entries.</source>
        <translation>«&#xa0;%1&#xa0;» est retiré&#xa0;: il n’est plus proposé pour les nouvelles saisies.</translation>
    </message>
    <message>
        <source>This list already has an item with this label.</source>
        <translation>Cette liste a déjà un élément avec ce libellé.</translation>
    </message>
    <message>
        <source>Type the French label.</source>
        <translation>Tapez le libellé français.</translation>
    </message>
    <message>
        <source>A label has at most %1 characters.</source>
        <translation>Un libellé a au plus %1 caractères.</translation>
    </message>
</context>
<context>
    <name>CodeListsSection</name>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>Contact types, themes, places, age brackets...: add, rename, retire or bring back.</source>
        <translation>Types de contact, thèmes, lieux, tranches d’âge…&#xa0;: ajouter, renommer, retirer ou remettre.</translation>
    </message>
    <message>
        <source>Edit the lis&amp;ts...</source>
        <translation>Modifier les lis&amp;tes…</translation>
    </message>
</context>
</TS>
