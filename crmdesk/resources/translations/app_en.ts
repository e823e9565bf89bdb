<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>AnalyticsPages</name>
        <message numerus="yes">
            <source>%n customer(s) behind: {label}</source>
            <translation>
                <numerusform>%n customer behind: {label}</numerusform>
                <numerusform>%n customers behind: {label}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BoardView</name>
        <message numerus="yes">
            <source>Suggested for Reactivation: %n customer(s) with no interaction for {days} days</source>
            <translation>
                <numerusform>Suggested for Reactivation: %n customer with no interaction for {days} days</numerusform>
                <numerusform>Suggested for Reactivation: %n customers with no interaction for {days} days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CanvasView</name>
        <message numerus="yes">
            <source>&lt;b&gt;%n&lt;/b&gt; customer(s)</source>
            <translation>
                <numerusform>&lt;b&gt;%n&lt;/b&gt; customer</numerusform>
                <numerusform>&lt;b&gt;%n&lt;/b&gt; customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n rating(s))</source>
            <translation>
                <numerusform>(%n rating)</numerusform>
                <numerusform>(%n ratings)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;{share}&lt;/b&gt; kept on time of %n due</source>
            <translation>
                <numerusform>&lt;b&gt;{share}&lt;/b&gt; kept on time of %n due</numerusform>
                <numerusform>&lt;b&gt;{share}&lt;/b&gt; kept on time of %n due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n late</source>
            <translation>
                <numerusform>%n late</numerusform>
                <numerusform>%n late</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ColumnModel</name>
        <message numerus="yes">
            <source>%n day(s) in stage</source>
            <translation>
                <numerusform>%n day in stage</numerusform>
                <numerusform>%n days in stage</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{tier} tier · %n point(s)</source>
            <translation>
                <numerusform>{tier} tier · %n point</numerusform>
                <numerusform>{tier} tier · %n points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) in {stage}</source>
            <translation>
                <numerusform>%n day in {stage}</numerusform>
                <numerusform>%n days in {stage}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ContactActions</name>
        <message numerus="yes">
            <source>%n follow-up(s) exported to {name}</source>
            <translation>
                <numerusform>%n follow-up exported to {name}</numerusform>
                <numerusform>%n follow-ups exported to {name}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerListView</name>
        <message numerus="yes">
            <source>Showing the %n customer(s) behind: {label}</source>
            <translation>
                <numerusform>Showing the %n customer behind: {label}</numerusform>
                <numerusform>Showing the %n customers behind: {label}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n archived customer(s)</source>
            <translation>
                <numerusform>%n archived customer</numerusform>
                <numerusform>%n archived customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DataActions</name>
        <message numerus="yes">
            <source>Import of {name}, %n customer(s)</source>
            <translation>
                <numerusform>Import of {name}, %n customer</numerusform>
                <numerusform>Import of {name}, %n customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n kept because they were edited since</source>
            <translation>
                <numerusform>%n kept because they were edited since</numerusform>
                <numerusform>%n kept because they were edited since</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with newer records moved to the Trash</source>
            <translation>
                <numerusform>%n with newer records moved to the Trash</numerusform>
                <numerusform>%n with newer records moved to the Trash</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Book imported from {name}: %n customer(s).</source>
            <translation>
                <numerusform>Book imported from {name}: %n customer.</numerusform>
                <numerusform>Book imported from {name}: %n customers.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) exported to {target}</source>
            <translation>
                <numerusform>%n customer exported to {target}</numerusform>
                <numerusform>%n customers exported to {target}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Whole book written to {target}: %n customer(s)</source>
            <translation>
                <numerusform>Whole book written to {target}: %n customer</numerusform>
                <numerusform>Whole book written to {target}: %n customers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Replace the book by {name} (%n customer(s), saved {taken})? The current book is kept beside it, so nothing is lost.</source>
            <translation>
                <numerusform>Replace the book by {name} (%n customer, saved {taken})? The current book is kept beside it, so nothing is lost.</numerusform>
                <numerusform>Replace the book by {name} (%n customers, saved {taken})? The current book is kept beside it, so nothing is lost.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InteractionLogView</name>
        <message numerus="yes">
            <source>%n interaction(s)</source>
            <translation>
                <numerusform>%n interaction</numerusform>
                <numerusform>%n interactions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LifecycleActions</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LoyaltyActions</name>
        <message numerus="yes">
            <source>Purchase recorded for {name}: +%n point(s). Ctrl+Z to undo.</source>
            <translation>
                <numerusform>Purchase recorded for {name}: +%n point. Ctrl+Z to undo.</numerusform>
                <numerusform>Purchase recorded for {name}: +%n points. Ctrl+Z to undo.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n point(s)</source>
            <translation>
                <numerusform>%n point</numerusform>
                <numerusform>%n points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Purchase reversed: %n point(s) taken back.</source>
            <translation>
                <numerusform>Purchase reversed: %n point taken back.</numerusform>
                <numerusform>Purchase reversed: %n points taken back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n statement(s) written to {where}</source>
            <translation>
                <numerusform>%n statement written to {where}</numerusform>
                <numerusform>%n statements written to {where}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Points expired for %n customer(s).</source>
            <translation>
                <numerusform>Points expired for %n customer.</numerusform>
                <numerusform>Points expired for %n customers.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LoyaltyTab</name>
        <message numerus="yes">
            <source>Tier: {tier} · %n point(s) earned in {window} months</source>
            <translation>
                <numerusform>Tier: {tier} · %n point earned in {window} months</numerusform>
                <numerusform>Tier: {tier} · %n points earned in {window} months</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more point(s) to {next_tier} ({qualifying} of {next_threshold})</source>
            <translation>
                <numerusform>%n more point to {next_tier} ({qualifying} of {next_threshold})</numerusform>
                <numerusform>%n more points to {next_tier} ({qualifying} of {next_threshold})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n point(s) expire in the next 90 days (first on {day}).</source>
            <translation>
                <numerusform>%n point expire in the next 90 days (first on {day}).</numerusform>
                <numerusform>%n points expire in the next 90 days (first on {day}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Lifetime value {lifetime} · last 12 months {last} · %n purchase(s)</source>
            <translation>
                <numerusform>Lifetime value {lifetime} · last 12 months {last} · %n purchase</numerusform>
                <numerusform>Lifetime value {lifetime} · last 12 months {last} · %n purchases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n customer</numerusform>
                <numerusform>%n customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MessageActions</name>
        <message numerus="yes">
            <source>%n message(s) written to {where} and logged.</source>
            <translation>
                <numerusform>%n message written to {where} and logged.</numerusform>
                <numerusform>%n messages written to {where} and logged.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Writing %n message(s)…</source>
            <translation>
                <numerusform>Writing %n message…</numerusform>
                <numerusform>Writing %n messages…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n brief(s) saved: {target}</source>
            <translation>
                <numerusform>%n brief saved: {target}</numerusform>
                <numerusform>%n briefs saved: {target}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OfficeSync</name>
        <message numerus="yes">
            <source>%n new conflict(s) to review: click “{button}”.</source>
            <translation>
                <numerusform>%n new conflict to review: click “{button}”.</numerusform>
                <numerusform>%n new conflicts to review: click “{button}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) from the office.</source>
            <translation>
                <numerusform>%n change from the office.</numerusform>
                <numerusform>%n changes from the office.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) from the hub wait here, not stored yet: their customer has not arrived, or this book cannot store them as they are. Each sync tries them again.</source>
            <translation>
                <numerusform>%n record from the hub waits here, not stored yet: its customer has not arrived, or this book cannot store it as it is. Each sync tries it again.</numerusform>
                <numerusform>%n records from the hub wait here, not stored yet: their customer has not arrived, or this book cannot store them as they are. Each sync tries them again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SummaryView</name>
        <message numerus="yes">
            <source>Stage: {stage}, for %n day(s)</source>
            <translation>
                <numerusform>Stage: {stage}, for %n day</numerusform>
                <numerusform>Stage: {stage}, for %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Birthday on {day} (in %n day(s)): turns {age}</source>
            <translation>
                <numerusform>Birthday on {day} (in %n day): turns {age}</numerusform>
                <numerusform>Birthday on {day} (in %n days): turns {age}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{tier}, %n point(s)</source>
            <translation>
                <numerusform>{tier}, %n point</numerusform>
                <numerusform>{tier}, %n points</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more for {tier}</source>
            <translation>
                <numerusform>%n more for {tier}</numerusform>
                <numerusform>%n more for {tier}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{reward} (%n point(s))</source>
            <translation>
                <numerusform>{reward} (%n point)</numerusform>
                <numerusform>{reward} (%n points)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n inbound contact(s) not answered yet</source>
            <translation>
                <numerusform>%n inbound contact not answered yet</numerusform>
                <numerusform>%n inbound contacts not answered yet</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n inbound contact(s) not answered yet</source>
            <translation>
                <numerusform>%n inbound contact not answered yet</numerusform>
                <numerusform>%n inbound contacts not answered yet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>In {stage} for %n day(s)</source>
            <translation>
                <numerusform>In {stage} for %n day</numerusform>
                <numerusform>In {stage} for %n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TodayView</name>
        <message numerus="yes">
            <source>{who}, {day}: %n follow-up(s) due</source>
            <translation>
                <numerusform>{who}, {day}: %n follow-up due</numerusform>
                <numerusform>{who}, {day}: %n follow-ups due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(the first %n shown)</source>
            <translation>
                <numerusform>(the first %n shown)</numerusform>
                <numerusform>(the first %n shown)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n overdue</source>
            <translation>
                <numerusform>, %n overdue</numerusform>
                <numerusform>, %n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n in all; the {n} most overdue are shown</source>
            <translation>
                <numerusform>%n in all; the {n} most overdue are shown</numerusform>
                <numerusform>%n in all; the {n} most overdue are shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n in all</source>
            <translation>
                <numerusform>%n in all</numerusform>
                <numerusform>%n in all</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>When</name>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n week(s) ago</source>
            <translation>
                <numerusform>%n week ago</numerusform>
                <numerusform>%n weeks ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n day</numerusform>
                <numerusform>%n days</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Plurals</name>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n follow-up</numerusform>
                <numerusform>%n follow-ups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Archive %n customer(s)</source>
            <translation>
                <numerusform>Archive %n customer</numerusform>
                <numerusform>Archive %n customers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>_Status</name>
        <message numerus="yes">
            <source>%n waiting</source>
            <translation>
                <numerusform>%n waiting</numerusform>
                <numerusform>%n waiting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n to review</source>
            <translation>
                <numerusform>%n to review</numerusform>
                <numerusform>%n to review</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n held back</source>
            <translation>
                <numerusform>%n held back</numerusform>
                <numerusform>%n held back</numerusform>
            </translation>
        </message>
    </context>
</TS>
