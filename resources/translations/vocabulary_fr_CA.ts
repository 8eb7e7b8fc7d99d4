<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ConflictIntensity</name>
    <message>
        <source>Incivility</source>
        <translation>Incivilité</translation>
    </message>
    <message>
        <source>Verbal tension</source>
        <translation>Tension verbale</translation>
    </message>
    <message>
        <source>Verbal altercation, threats</source>
        <translation>Altercation verbale, menaces</translation>
    </message>
    <message>
        <source>Physical aggressiveness, no injury</source>
        <translation>Agressivité physique sans blessure</translation>
    </message>
    <message>
        <source>Physical violence or police/ambulance called</source>
        <translation>Violence physique ou appel police/ambulance</translation>
    </message>
</context>
<context>
    <name>ConflictIntensityHint</name>
    <message>
        <source>rudeness, noise, a rule not followed</source>
        <translation>impolitesse, bruit, règle non respectée</translation>
    </message>
    <message>
        <source>raised voices, disparaging remarks</source>
        <translation>ton qui monte, propos désobligeants</translation>
    </message>
    <message>
        <source>insults, threats, intimidation</source>
        <translation>insultes, menaces, intimidation</translation>
    </message>
    <message>
        <source>pushing, thrown object, damage, no one hurt</source>
        <translation>bousculade, objet lancé, bris, sans blessure</translation>
    </message>
    <message>
        <source>someone hurt, or police or ambulance called</source>
        <translation>personne blessée, ou appel à la police ou à l'ambulance</translation>
    </message>
</context>
<context>
    <name>ConflictOutcome</name>
    <message>
        <source>Settled on the spot</source>
        <translation>Réglé sur place</translation>
    </message>
    <message>
        <source>Calmed down</source>
        <translation>Apaisé</translation>
    </message>
    <message>
        <source>The person left on their own</source>
        <translation>La personne est partie d'elle-même</translation>
    </message>
    <message>
        <source>Asked to leave the premises</source>
        <translation>Demande de quitter les lieux</translation>
    </message>
    <message>
        <source>Emergency services came</source>
        <translation>Services d'urgence sur place</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>Non réglé</translation>
    </message>
</context>
<context>
    <name>ConflictParties</name>
    <message>
        <source>Between patrons</source>
        <translation>Entre usager·ères</translation>
    </message>
    <message>
        <source>A patron and staff</source>
        <translation>Usager·ère et personnel</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
</context>
<context>
    <name>ConflictResponder</name>
    <message>
        <source>Outreach worker</source>
        <translation>Intervenant·e</translation>
    </message>
    <message>
        <source>Library staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Police</translation>
    </message>
</context>
<context>
    <name>ReferralOutcome</name>
    <message>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Attained</source>
        <translation>Atteint</translation>
    </message>
    <message>
        <source>Not attained</source>
        <translation>Non atteint</translation>
    </message>
</context>
<context>
    <name>ReferralStatus</name>
    <message>
        <source>Proposed</source>
        <translation>Proposée</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Accompanied</source>
        <translation>Accompagnée</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Complétée</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refusée</translation>
    </message>
</context>
<context>
    <name>StaffSupportKind</name>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Sensibilisation</translation>
    </message>
    <message>
        <source>Accompaniment</source>
        <translation>Accompagnement</translation>
    </message>
    <message>
        <source>Debrief after an incident</source>
        <translation>Retour après un incident</translation>
    </message>
    <message>
        <source>Group training</source>
        <translation>Formation de groupe</translation>
    </message>
</context>
</TS>
