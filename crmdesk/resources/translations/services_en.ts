<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>importing</name>
    <message numerus="yes">
        <source>import of {source}, {count} customer(s)</source>
        <translation>
            <numerusform>import of {source}, {count} customer</numerusform>
            <numerusform>import of {source}, {count} customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>line(s) {lines} not UTF-8: read as Windows-1252 (check their accents)</source>
        <translation>
            <numerusform>line {lines} not UTF-8: read as Windows-1252 (check their accents)</numerusform>
            <numerusform>lines {lines} not UTF-8: read as Windows-1252 (check their accents)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) of notes before the header row skipped</source>
        <translation>
            <numerusform>%n line of notes before the header row skipped</numerusform>
            <numerusform>%n lines of notes before the header row skipped</numerusform>
        </translation>
    </message>
</context>
</TS>
