<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditDialog</name>
    <message numerus="yes">
        <source>The trail is intact: {count} entry(ies), none changed or removed.</source>
        <translation>
            <numerusform>The trail is intact: {count} entry, none changed or removed.</numerusform>
            <numerusform>The trail is intact: {count} entries, none changed or removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every device&apos;s trail is intact: {count} device(s), {entries} entries in all.</source>
        <translation>
            <numerusform>Every device&apos;s trail is intact: {count} device, {entries} entries in all.</numerusform>
            <numerusform>Every device&apos;s trail is intact: {count} devices, {entries} entries in all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchStatementsDialog</name>
    <message numerus="yes">
        <source>Customers in the current &amp;list ({count})</source>
        <translation>
            <numerusform>Customers in the current &amp;list ({count})</numerusform>
            <numerusform>Customers in the current &amp;list ({count})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of {count} statement(s)</source>
        <translation>
            <numerusform>{done} of {count} statement</numerusform>
            <numerusform>{done} of {count} statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} statement(s) written to {path}.</source>
        <translation>
            <numerusform>{count} statement written to {path}.</numerusform>
            <numerusform>{count} statements written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposerDialog</name>
    <message numerus="yes">
        <source>{included} of {count} client(s) ({left_out} left out)</source>
        <translation>
            <numerusform>{included} of {count} client ({left_out} left out)</numerusform>
            <numerusform>{included} of {count} clients ({left_out} left out)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To {phone} · {characters} character(s) · {parts} ({encoding})</source>
        <translation>
            <numerusform>To {phone} · {characters} character · {parts} ({encoding})</numerusform>
            <numerusform>To {phone} · {characters} characters · {parts} ({encoding})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} message(s)</source>
        <translation>
            <numerusform>{count} message</numerusform>
            <numerusform>{count} messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Write {count} Message(s)…</source>
        <translation>
            <numerusform>&amp;Write {count} Message…</numerusform>
            <numerusform>&amp;Write {count} Messages…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>{count} probable duplicate pair(s) ({shown} most likely shown)</source>
        <translation>
            <numerusform>{count} probable duplicate pair ({shown} most likely shown)</numerusform>
            <numerusform>{count} probable duplicate pairs ({shown} most likely shown)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} probable duplicate pair(s)</source>
        <translation>
            <numerusform>{count} probable duplicate pair</numerusform>
            <numerusform>{count} probable duplicate pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>{file}: vCard file, {count} card(s)</source>
        <translation>
            <numerusform>{file}: vCard file, {count} card</numerusform>
            <numerusform>{file}: vCard file, {count} cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file}: CSV file, {count} row(s)</source>
        <translation>
            <numerusform>{file}: CSV file, {count} row</numerusform>
            <numerusform>{file}: CSV file, {count} rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} new</source>
        <translation>
            <numerusform>{count} new</numerusform>
            <numerusform>{count} new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} update(s) a customer</source>
        <translation>
            <numerusform>{count} updates a customer</numerusform>
            <numerusform>{count} update a customer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} probable duplicate(s)</source>
        <translation>
            <numerusform>{count} probable duplicate</numerusform>
            <numerusform>{count} probable duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} rejected</numerusform>
            <numerusform>{count} rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoyaltyProgrammeDialog</name>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> month</numerusform>
            <numerusform> months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MakeOfficeDialog</name>
    <message numerus="yes">
        <source>{book} is now an office book: {count} record(s) uploaded; it syncs as {login}.</source>
        <translation>
            <numerusform>{book} is now an office book: {count} record uploaded; it syncs as {login}.</numerusform>
            <numerusform>{book} is now an office book: {count} records uploaded; it syncs as {login}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message numerus="yes">
        <source>Balance: {count} point(s)</source>
        <translation>
            <numerusform>Balance: {count} point</numerusform>
            <numerusform>Balance: {count} points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New balance: {count} point(s).</source>
        <translation>
            <numerusform>New balance: {count} point.</numerusform>
            <numerusform>New balance: {count} points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchaseDialog</name>
    <message numerus="yes">
        <source>Earns {count} point(s) per {currency} spent.</source>
        <translation>
            <numerusform>Earns {count} point per {currency} spent.</numerusform>
            <numerusform>Earns {count} points per {currency} spent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{amount} earns {count} point(s).</source>
        <translation>
            <numerusform>{amount} earns {count} point.</numerusform>
            <numerusform>{amount} earns {count} points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message numerus="yes">
        <source>{reward} — {count} point(s)</source>
        <translation>
            <numerusform>{reward} — {count} point</numerusform>
            <numerusform>{reward} — {count} points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{reward} — {count} point(s)  (not enough points)</source>
        <translation>
            <numerusform>{reward} — {count} point  (not enough points)</numerusform>
            <numerusform>{reward} — {count} points  (not enough points)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Balance: {count} point(s)</source>
        <translation>
            <numerusform>Balance: {count} point</numerusform>
            <numerusform>Balance: {count} points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} point(s) short: the balance is {balance}.</source>
        <translation>
            <numerusform>{count} point short: the balance is {balance}.</numerusform>
            <numerusform>{count} points short: the balance is {balance}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} point(s) will be left.</source>
        <translation>
            <numerusform>{count} point will be left.</numerusform>
            <numerusform>{count} points will be left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message numerus="yes">
        <source>Takes back the {count} point(s) it earned (as far as they are unspent). The purchase stays in the history.</source>
        <translation>
            <numerusform>Takes back the {count} point it earned (as far as they are unspent). The purchase stays in the history.</numerusform>
            <numerusform>Takes back the {count} points it earned (as far as they are unspent). The purchase stays in the history.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_JobDialog</name>
    <message numerus="yes">
        <source>{stage}… {count} record(s)</source>
        <translation>
            <numerusform>{stage}… {count} record</numerusform>
            <numerusform>{stage}… {count} records</numerusform>
        </translation>
    </message>
</context>
</TS>
