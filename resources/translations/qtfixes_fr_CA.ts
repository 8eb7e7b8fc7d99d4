<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt's qtbase_fr.qm does not translate for this Qt version
     (its source strings gained a mnemonic). Loaded after qtbase_fr with the areas' files.
     Edit by hand, then: pyside6-lrelease qtfixes_fr_CA.ts -qm qtfixes_fr_CA.qm -->
<TS version="2.1" language="fr_CA">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Regarder dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Type de fichiers :</translation>
    </message>
</context>
</TS>
