<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ApprovalContent</name>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Max fee per gas</source>
        <translation>Max. Gebühr je Gas</translation>
    </message>
    <message>
        <source>Priority fee per gas</source>
        <translation>Prioritätsgebühr je Gas</translation>
    </message>
    <message>
        <source>Gas limit</source>
        <translation>Gaslimit</translation>
    </message>
    <message>
        <source>Nonce</source>
        <translation>Nonce</translation>
    </message>
    <message>
        <source>Calldata</source>
        <translation>Calldata</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>ChartCatalog</name>
    <message>
        <source>RPC latency per endpoint</source>
        <translation>RPC-Latenz je Endpunkt</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>RPC error rate per endpoint</source>
        <translation>RPC-Fehlerquote je Endpunkt</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>% der Aufrufe</translation>
    </message>
    <message>
        <source>Gas price per chain</source>
        <translation>Gaspreis je Chain</translation>
    </message>
    <message>
        <source>gwei (log scale)</source>
        <translation>Gwei (log. Skala)</translation>
    </message>
    <message>
        <source>Worker queue depth per pool</source>
        <translation>Warteschlange je Worker-Pool</translation>
    </message>
    <message>
        <source>queued tasks</source>
        <translation>wartende Aufgaben</translation>
    </message>
    <message>
        <source>Pending transactions per chain</source>
        <translation>Ausstehende Transaktionen je Chain</translation>
    </message>
    <message>
        <source>transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>Network latency per host</source>
        <translation>Netzwerklatenz je Host</translation>
    </message>
</context>
<context>
    <name>ConsoleOptions</name>
    <message>
        <source>Vigil operations console: live charts and health of the demo worker fleet.</source>
        <translation>Vigil-Betriebskonsole: Live-Diagramme und Zustand der Demo-Worker-Flotte.</translation>
    </message>
    <message>
        <source>User interface language, e.g. de (default: system locale).</source>
        <translation>Sprache der Oberfläche, z. B. de (Standard: Systemsprache).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Demo fleet scenario: %1 (default: cascade).</source>
        <translation>Szenario der Demo-Flotte: %1 (Standard: cascade).</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Seed of the demo fleet (default: 7).</source>
        <translation>Startwert (Seed) der Demo-Flotte (Standard: 7).</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Simulated seconds per wall-clock second, 1 to 100 (default: 1).</source>
        <translation>Simulierte Sekunden je echter Sekunde, 1 bis 100 (Standard: 1).</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>Length in seconds of one scenario cycle; faults repeat every cycle (default: 900).</source>
        <translation>Länge eines Szenario-Zyklus in Sekunden; die Störungen wiederholen sich jeden Zyklus (Standard: 900).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Database to record into (default: vigil.db in the data location).</source>
        <translation>Datenbank für die Aufzeichnung (Standard: vigil.db im Datenverzeichnis).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Do not record to a database.</source>
        <translation>Nicht in eine Datenbank aufzeichnen.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--scenario: unknown scenario &apos;%1&apos;</source>
        <translation>--scenario: unbekanntes Szenario „%1“</translation>
    </message>
    <message>
        <source>--seed: &apos;%1&apos; is not a non-negative integer</source>
        <translation>--seed: „%1“ ist keine nichtnegative ganze Zahl</translation>
    </message>
    <message>
        <source>--speed: &apos;%1&apos; is not a number from 1 to 100</source>
        <translation>--speed: „%1“ ist keine Zahl von 1 bis 100</translation>
    </message>
    <message>
        <source>--cycle: &apos;%1&apos; is not a whole number of seconds</source>
        <translation>--cycle: „%1“ ist keine ganze Zahl von Sekunden</translation>
    </message>
    <message>
        <source>--db and --no-store exclude each other</source>
        <translation>--db und --no-store schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>Watch the live sources of this configuration instead of the demo fleet.</source>
        <translation>Die Live-Quellen dieser Konfiguration statt der Demo-Flotte überwachen.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>--signoff-tokens serves the database: not with --no-store</source>
        <translation>--signoff-tokens stellt die Datenbank bereit: nicht mit --no-store</translation>
    </message>
    <message>
        <source>--%1 is for the demo fleet, not --config</source>
        <translation>--%1 gilt für die Demo-Flotte, nicht für --config</translation>
    </message>
</context>
<context>
    <name>ConsoleSettings</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 is not readable</source>
        <translation>%1 ist nicht lesbar</translation>
    </message>
    <message>
        <source>Database: %1 is not a file</source>
        <translation>Datenbank: %1 ist keine Datei</translation>
    </message>
    <message>
        <source>Database: the folder %1 does not exist</source>
        <translation>Datenbank: der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Database: the folder %1 is not writable</source>
        <translation>Datenbank: in den Ordner %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Policy file: %1</source>
        <translation>Richtliniendatei: %1</translation>
    </message>
    <message>
        <source>Sign-off service: &apos;%1&apos; is not an http:// or https:// address with a host</source>
        <translation>Freigabedienst: „%1“ ist keine http://- oder https://-Adresse mit Host</translation>
    </message>
    <message>
        <source>Sign-off service: port 0 is not a port</source>
        <translation>Freigabedienst: Port 0 ist kein Port</translation>
    </message>
    <message>
        <source>Token file: required with a sign-off service</source>
        <translation>Token-Datei: mit einem Freigabedienst erforderlich</translation>
    </message>
    <message>
        <source>Token file: %1</source>
        <translation>Token-Datei: %1</translation>
    </message>
    <message>
        <source>Notifications: %1 a minute is not from 1 to 60</source>
        <translation>Benachrichtigungen: %1 pro Minute liegt nicht zwischen 1 und 60</translation>
    </message>
    <message>
        <source>Detector sensitivity: &apos;%1&apos; is not low, normal or high</source>
        <translation>Detektorempfindlichkeit: „%1“ ist weder niedrig, normal noch hoch</translation>
    </message>
</context>
<context>
    <name>Narrative</name>
    <message>
        <source>%1: %2 on %3 since %4 (%5 of signals).</source>
        <translation>%1: %2 auf %3 seit %4 (%5 Signale).</translation>
    </message>
    <message>
        <source>%1: %2 on %3 and %4 more since %5 (%6 of signals).</source>
        <translation>%1: %2 auf %3 und %4 weiteren seit %5 (%6 Signale).</translation>
    </message>
    <message>
        <source>Likely cause: %1.</source>
        <translation>Wahrscheinliche Ursache: %1.</translation>
    </message>
    <message>
        <source>Likely cause: %1 (%2, first seen there).</source>
        <translation>Wahrscheinliche Ursache: %1 (%2, dort zuerst gesehen).</translation>
    </message>
    <message>
        <source>Likely cause: %1, which explains 1 affected target.</source>
        <translation>Wahrscheinliche Ursache: %1, erklärt 1 betroffenes Ziel.</translation>
    </message>
    <message>
        <source>Likely cause: %1, which explains %2 affected targets.</source>
        <translation>Wahrscheinliche Ursache: %1, erklärt %2 betroffene Ziele.</translation>
    </message>
    <message>
        <source>Likely cause: %1 (%2, first seen there), which explains 1 affected target.</source>
        <translation>Wahrscheinliche Ursache: %1 (%2, dort zuerst gesehen), erklärt 1 betroffenes Ziel.</translation>
    </message>
    <message>
        <source>Likely cause: %1 (%2, first seen there), which explains %3 affected targets.</source>
        <translation>Wahrscheinliche Ursache: %1 (%2, dort zuerst gesehen), erklärt %3 betroffene Ziele.</translation>
    </message>
    <message>
        <source>Also upstream: %1 (explains %2).</source>
        <translation>Ebenfalls vorgelagert: %1 (erklärt %2).</translation>
    </message>
    <message>
        <source>Also upstream: %1 (explains %2), %3 (explains %4).</source>
        <translation>Ebenfalls vorgelagert: %1 (erklärt %2), %3 (erklärt %4).</translation>
    </message>
    <message>
        <source>Changed before it: %1 &quot;%2&quot; at %3, %4 before the first signal.</source>
        <translation>Davor geändert: %1 „%2“ um %3, %4 vor dem ersten Signal.</translation>
    </message>
    <message>
        <source>Also changed: %1 &quot;%2&quot; at %3, %4 before the first signal.</source>
        <translation>Ebenfalls geändert: %1 „%2“ um %3, %4 vor dem ersten Signal.</translation>
    </message>
    <message>
        <source>%1 anomalies so far.</source>
        <translation>Bisher %1 Anomalien.</translation>
    </message>
    <message>
        <source>1 anomaly so far.</source>
        <translation>Bisher 1 Anomalie.</translation>
    </message>
    <message>
        <source>%1 anomalies so far, re-opened %2 times.</source>
        <translation>Bisher %1 Anomalien, %2-mal wieder eröffnet.</translation>
    </message>
    <message>
        <source>%1 anomalies so far, re-opened 1 time.</source>
        <translation>Bisher %1 Anomalien, einmal wieder eröffnet.</translation>
    </message>
    <message>
        <source>1 anomaly so far, re-opened %1 times.</source>
        <translation>Bisher 1 Anomalie, %1-mal wieder eröffnet.</translation>
    </message>
    <message>
        <source>1 anomaly so far, re-opened 1 time.</source>
        <translation>Bisher 1 Anomalie, einmal wieder eröffnet.</translation>
    </message>
    <message>
        <source>Mitigated: a remediation succeeded; watching for recurrence.</source>
        <translation>Entschärft: eine Behebung war erfolgreich; wir achten auf Wiederkehr.</translation>
    </message>
    <message>
        <source>Mitigated: no new signal since %1.</source>
        <translation>Entschärft: kein neues Signal seit %1.</translation>
    </message>
    <message>
        <source>Resolved at %1 after %2 without new signals.</source>
        <translation>Behoben um %1 nach %2 ohne neue Signale.</translation>
    </message>
    <message>
        <source>repeated task failures</source>
        <translation>wiederholte Aufgabenfehler</translation>
    </message>
    <message>
        <source>repeated transaction failures</source>
        <translation>wiederholte Transaktionsfehler</translation>
    </message>
    <message>
        <source>stuck transactions</source>
        <translation>hängende Transaktionen</translation>
    </message>
    <message>
        <source>slow confirmations</source>
        <translation>langsame Bestätigungen</translation>
    </message>
    <message>
        <source>a gas price spike</source>
        <translation>eine Gaspreisspitze</translation>
    </message>
    <message>
        <source>a growing work queue</source>
        <translation>eine wachsende Warteschlange</translation>
    </message>
    <message>
        <source>unusual metrics</source>
        <translation>ungewöhnliche Metriken</translation>
    </message>
    <message>
        <source>a new error in the logs</source>
        <translation>ein neuer Fehler in den Logs</translation>
    </message>
    <message>
        <source>a burst of log messages</source>
        <translation>eine Häufung von Log-Meldungen</translation>
    </message>
    <message>
        <source>a limit about to be reached</source>
        <translation>eine bald erreichte Grenze</translation>
    </message>
    <message>
        <source>sustained degradation</source>
        <translation>anhaltende Verschlechterung</translation>
    </message>
    <message>
        <source>anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, %2 and %3</source>
        <translation>%1, %2 und %3</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>mitigated</source>
        <translation>entschärft</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>angefragt</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>vigil: no display (DISPLAY and WAYLAND_DISPLAY are unset); run headless with: vigilctl run --demo</source>
        <translation>vigil: keine Anzeige (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); ohne Oberfläche starten mit: vigilctl run --demo</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Cannot open the database:
%1</source>
        <translation>Die Datenbank lässt sich nicht öffnen:
%1</translation>
    </message>
    <message>
        <source>vigil: --lang %1: no translation, using English</source>
        <translation>vigil: --lang %1: keine Übersetzung, verwende Englisch</translation>
    </message>
    <message>
        <source>Cannot start the sign-off service:
%1</source>
        <translation>Der Freigabedienst kann nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>Cannot start the live sources:
%1</source>
        <translation>Die Live-Quellen können nicht gestartet werden:
%1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ActionLogModel</name>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>executing</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>held back</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ActionLogPanel</name>
    <message>
        <source>&lt;b&gt;Escalations&lt;/b&gt; — need a person</source>
        <translation>&lt;b&gt;Eskalationen&lt;/b&gt; — ein Mensch wird gebraucht</translation>
    </message>
    <message>
        <source>Escalations waiting for acknowledgement</source>
        <translation>Eskalationen, die auf Bestätigung warten</translation>
    </message>
    <message>
        <source>Ac&amp;knowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Acknowledge the selected escalation</source>
        <translation>Ausgewählte Eskalation bestätigen</translation>
    </message>
    <message>
        <source>Target contains…</source>
        <translation>Ziel enthält …</translation>
    </message>
    <message>
        <source>Filter by target</source>
        <translation>Nach Ziel filtern</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Nach Art filtern</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Nach Zustand filtern</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Actions and proposals</source>
        <translation>Aktionen und Vorschläge</translation>
    </message>
    <message>
        <source>Summary of the selected action</source>
        <translation>Zusammenfassung der ausgewählten Aktion</translation>
    </message>
    <message>
        <source>No action yet: Vigil&apos;s automatic actions and its proposals appear here.</source>
        <translation>Noch keine Aktion: Vigils automatische Aktionen und Vorschläge erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AnomalyFeed</name>
    <message>
        <source>No anomalies detected.</source>
        <translation>Keine Anomalien erkannt.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AnomalyListModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ApprovalDialog</name>
    <message>
        <source>Approval needed — Vigil</source>
        <translation>Freigabe nötig — Vigil</translation>
    </message>
    <message>
        <source>Approval requests</source>
        <translation>Freigabeanfragen</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Vorherige</translation>
    </message>
    <message>
        <source>Previous request</source>
        <translation>Vorherige Anfrage</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nächste</translation>
    </message>
    <message>
        <source>Next request</source>
        <translation>Nächste Anfrage</translation>
    </message>
    <message>
        <source>Position in the queue</source>
        <translation>Position in der Warteschlange</translation>
    </message>
    <message>
        <source>Requested action</source>
        <translation>Angefragte Aktion</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Was gesendet wird</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Why: incident narrative and policy rule</source>
        <translation>Warum: Hergang des Vorfalls und Richtlinienregel</translation>
    </message>
    <message>
        <source>Triggering window</source>
        <translation>Auslösendes Zeitfenster</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Dry-run result</source>
        <translation>Ergebnis des Probelaufs</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>Risikoklasse</translation>
    </message>
    <message>
        <source>Approvals so far</source>
        <translation>Bisherige Freigaben</translation>
    </message>
    <message>
        <source>Time left before the request expires</source>
        <translation>Verbleibende Zeit bis zum Ablauf der Anfrage</translation>
    </message>
    <message>
        <source>Dry run:</source>
        <translation>Probelauf:</translation>
    </message>
    <message>
        <source>Risk class:</source>
        <translation>Risikoklasse:</translation>
    </message>
    <message>
        <source>Approvals:</source>
        <translation>Freigaben:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>The approval gate&apos;s answer</source>
        <translation>Antwort der Freigabestelle</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Freigeben …</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen …</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No request is waiting</source>
        <translation>Keine Anfrage wartet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Decided; no other request is waiting</source>
        <translation>Entschieden; keine weitere Anfrage wartet</translation>
    </message>
    <message numerus="yes">
        <source>Decided; %n other(s) waiting</source>
        <translation>
            <numerusform>Entschieden; %n weitere wartet</numerusform>
            <numerusform>Entschieden; %n weitere warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to approve.</source>
        <translation>Nichts freizugeben.</translation>
    </message>
    <message>
        <source>%1 on %2 — %3 ETH</source>
        <translation>%1 auf %2 — %3 ETH</translation>
    </message>
    <message>
        <source>%1

Policy rule: %2 · incident %3 · requested by %4 at %5</source>
        <translation>%1

Richtlinienregel: %2 · Vorfall %3 · angefragt von %4 um %5</translation>
    </message>
    <message>
        <source>(no narrative)</source>
        <translation>(kein Hergang)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>simulated, nothing sent; the approval binds to exactly this content (sha256 %1…)</source>
        <translation>simuliert, nichts gesendet; die Freigabe gilt genau für diesen Inhalt (sha256 %1…)</translation>
    </message>
    <message>
        <source>approve — at or above the two-person limit: two different people must approve</source>
        <translation>Freigabe — ab der Vier-Augen-Grenze: zwei verschiedene Personen müssen freigeben</translation>
    </message>
    <message>
        <source>approve — one person other than the requester must approve</source>
        <translation>Freigabe — eine Person außer dem Anfragenden muss freigeben</translation>
    </message>
    <message>
        <source>%1 %2 at %3%4</source>
        <translation>%1 %2 um %3%4</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>gab frei</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>lehnte ab</translation>
    </message>
    <message>
        <source>%1 of %2 needed</source>
        <translation>%1 von %2 nötigen</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>expired at %1 — it can no longer be approved</source>
        <translation>abgelaufen um %1 — Freigabe nicht mehr möglich</translation>
    </message>
    <message>
        <source>in %1 (at %2)</source>
        <translation>in %1 (um %2)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3 ETH)</source>
        <translation>%1 auf %2 (%3 ETH)</translation>
    </message>
    <message>
        <source>Sent to %1…</source>
        <translation>Gesendet an %1 …</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgewiesen: %1</translation>
    </message>
    <message>
        <source>Approved by %1 (%2 of %3): waiting for another person.</source>
        <translation>Freigegeben von %1 (%2 von %3): wartet auf eine weitere Person.</translation>
    </message>
    <message>
        <source>Done: the request is now %1.</source>
        <translation>Erledigt: die Anfrage ist jetzt %1.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ApprovalQueueModel</name>
    <message>
        <source>Requested</source>
        <translation>Angefragt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Value (ETH)</source>
        <translation>Betrag (ETH)</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragender</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ApprovalQueuePanel</name>
    <message>
        <source>Approval requests waiting</source>
        <translation>Wartende Freigabeanfragen</translation>
    </message>
    <message>
        <source>Approval source status</source>
        <translation>Zustand der Freigabequelle</translation>
    </message>
    <message>
        <source>Re&amp;view…</source>
        <translation>&amp;Prüfen …</translation>
    </message>
    <message>
        <source>Review the selected approval request</source>
        <translation>Ausgewählte Freigabeanfrage prüfen</translation>
    </message>
    <message>
        <source>No request is waiting.</source>
        <translation>Keine Anfrage wartet.</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartet</numerusform>
            <numerusform>%n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AutomationMenu</name>
    <message>
        <source>&amp;Automation</source>
        <translation>&amp;Automatisierung</translation>
    </message>
    <message>
        <source>&amp;Pause all automation…</source>
        <translation>Alle Automatisierung &amp;anhalten…</translation>
    </message>
    <message>
        <source>&amp;Resume automation…</source>
        <translation>Automatisierung &amp;fortsetzen…</translation>
    </message>
    <message>
        <source>&amp;Dry-run mode</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>Re&amp;load policy</source>
        <translation>Richtlinie neu &amp;laden</translation>
    </message>
    <message>
        <source>Automation status</source>
        <translation>Automatisierungsstatus</translation>
    </message>
    <message>
        <source>Automation unchanged</source>
        <translation>Automatisierung unverändert</translation>
    </message>
    <message>
        <source>Policy reloaded</source>
        <translation>Richtlinie neu geladen</translation>
    </message>
    <message>
        <source>Now in force: %1</source>
        <translation>Jetzt in Kraft: %1</translation>
    </message>
    <message>
        <source>Policy not reloaded</source>
        <translation>Richtlinie nicht neu geladen</translation>
    </message>
    <message>
        <source>%1

The running policy stays in force.</source>
        <translation>%1

Die laufende Richtlinie bleibt in Kraft.</translation>
    </message>
    <message>
        <source>Automation paused (policy kill switch)</source>
        <translation>Automatisierung angehalten (Not-Aus der Richtlinie)</translation>
    </message>
    <message>
        <source>Automation paused by %1 at %2</source>
        <translation>Automatisierung angehalten von %1 um %2</translation>
    </message>
    <message>
        <source>Dry run: actions are recorded, not sent</source>
        <translation>Probelauf: Aktionen werden aufgezeichnet, nicht ausgeführt</translation>
    </message>
    <message>
        <source>Dry run by %1 at %2</source>
        <translation>Probelauf von %1 um %2</translation>
    </message>
    <message>
        <source>Automation menu: resume or end the dry run</source>
        <translation>Menü Automatisierung: fortsetzen oder Probelauf beenden</translation>
    </message>
</context>
<context>
    <name>vigil::ui::AutomationPrompt</name>
    <message>
        <source>Pause all automation</source>
        <translation>Alle Automatisierung anhalten</translation>
    </message>
    <message>
        <source>Vigil will take no automatic action anywhere in the fleet until automation is resumed. Incidents are still detected and proposals still wait for approval.</source>
        <translation>Vigil führt in der ganzen Flotte keine automatische Aktion mehr aus, bis die Automatisierung fortgesetzt wird. Vorfälle werden weiter erkannt, Vorschläge warten weiter auf Freigabe.</translation>
    </message>
    <message>
        <source>&amp;Pause automation</source>
        <translation>Automatisierung &amp;anhalten</translation>
    </message>
    <message>
        <source>Resume automation</source>
        <translation>Automatisierung fortsetzen</translation>
    </message>
    <message>
        <source>Vigil will again take automatic actions within the policy&apos;s limits.</source>
        <translation>Vigil führt wieder automatische Aktionen innerhalb der Grenzen der Richtlinie aus.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Dry-run mode</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Vigil will decide and record every action as simulated and send nothing.</source>
        <translation>Vigil entscheidet und protokolliert jede Aktion als simuliert und sendet nichts.</translation>
    </message>
    <message>
        <source>&amp;Start dry run</source>
        <translation>Probelauf &amp;starten</translation>
    </message>
    <message>
        <source>End dry-run mode</source>
        <translation>Probelauf beenden</translation>
    </message>
    <message>
        <source>Vigil will again carry out the actions it decides on.</source>
        <translation>Vigil führt die beschlossenen Aktionen wieder aus.</translation>
    </message>
    <message>
        <source>&amp;End dry run</source>
        <translation>Probelauf &amp;beenden</translation>
    </message>
    <message>
        <source>Your operator identity</source>
        <translation>Ihre Bedienerkennung</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Bediener:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation>&amp;Grund (optional):</translation>
    </message>
    <message>
        <source>Enter who you are.</source>
        <translation>Geben Sie an, wer Sie sind.</translation>
    </message>
    <message>
        <source>Say why automation is paused.</source>
        <translation>Geben Sie an, warum die Automatisierung angehalten wird.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ChartPanel</name>
    <message>
        <source>Waiting for telemetry from the fleet…</source>
        <translation>Warte auf Telemetrie der Flotte …</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DecisionPrompt</name>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve: %1</source>
        <translation>Freigeben: %1</translation>
    </message>
    <message>
        <source>Reject: %1</source>
        <translation>Ablehnen: %1</translation>
    </message>
    <message>
        <source>Your operator identity</source>
        <translation>Ihre Bedienerkennung</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Bediener:</translation>
    </message>
    <message>
        <source>Type the amount in ETH to confirm</source>
        <translation>Betrag in ETH zur Bestätigung eintippen</translation>
    </message>
    <message>
        <source>amount in ETH, as shown</source>
        <translation>Betrag in ETH, wie angezeigt</translation>
    </message>
    <message>
        <source>Type the &amp;amount (ETH):</source>
        <translation>&amp;Betrag eintippen (ETH):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>&amp;Comment (optional):</source>
        <translation>&amp;Kommentar (optional):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter who you are.</source>
        <translation>Geben Sie an, wer Sie sind.</translation>
    </message>
    <message>
        <source>Type the amount exactly as shown (%1 ETH).</source>
        <translation>Tippen Sie den Betrag genau wie angezeigt ein (%1 ETH).</translation>
    </message>
    <message>
        <source>Say why you reject it.</source>
        <translation>Sagen Sie, warum Sie ablehnen.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EngineStatusBar</name>
    <message>
        <source>Agents by health over the last minute</source>
        <translation>Agenten nach Zustand in der letzten Minute</translation>
    </message>
    <message>
        <source>Input records the engine processed per second</source>
        <translation>Eingangsdatensätze, die die Engine pro Sekunde verarbeitet</translation>
    </message>
    <message>
        <source>Batches waiting in the engine&apos;s bounded queue / its capacity</source>
        <translation>Stapel in der begrenzten Warteschlange der Engine / deren Kapazität</translation>
    </message>
    <message>
        <source>Anomalies the engine currently keeps</source>
        <translation>Anomalien, die die Engine derzeit vorhält</translation>
    </message>
    <message>
        <source>Engine time: the newest record timestamp seen</source>
        <translation>Engine-Zeit: der neueste gesehene Zeitstempel</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte …</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>%1 Datensätze/s</translation>
    </message>
    <message>
        <source>Queue %1/%2</source>
        <translation>Warteschlange %1/%2</translation>
    </message>
    <message>
        <source>Engine time %1</source>
        <translation>Engine-Zeit %1</translation>
    </message>
    <message>
        <source>Engine time –</source>
        <translation>Engine-Zeit –</translation>
    </message>
    <message>
        <source>Agents: %1 healthy, %2 degraded, %3 failing, %4 silent</source>
        <translation>Agenten: %1 gesund, %2 beeinträchtigt, %3 gestört, %4 stumm</translation>
    </message>
    <message>
        <source>Anomalies: %1</source>
        <translation>Anomalien: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EscalationModel</name>
    <message>
        <source>Automation stopped on %1: %2</source>
        <translation>Automatik auf %1 gestoppt: %2</translation>
    </message>
    <message>
        <source>action budget used up</source>
        <translation>Aktionsbudget aufgebraucht</translation>
    </message>
    <message>
        <source>Action failed: %1 (%2)</source>
        <translation>Aktion fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Approval %1 for action %2 expired unanswered: the action was not run</source>
        <translation>Freigabe %1 für Aktion %2 unbeantwortet abgelaufen: die Aktion wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>Action %1 failed: %2</source>
        <translation>Aktion %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::EvidenceChart</name>
    <message>
        <source>Chart of the metric window that triggered the request</source>
        <translation>Diagramm des Messfensters, das die Anfrage auslöste</translation>
    </message>
    <message>
        <source>The metric window could not be read (%1).</source>
        <translation>Das Messfenster ist nicht lesbar (%1).</translation>
    </message>
    <message>
        <source>No metric window was attached to this request.</source>
        <translation>Dieser Anfrage liegt kein Messfenster bei.</translation>
    </message>
    <message>
        <source>s into the window</source>
        <translation>s ab Fensterbeginn</translation>
    </message>
</context>
<context>
    <name>vigil::ui::FleetStatusModel</name>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failures (1 min)</source>
        <translation>Fehler (1 min)</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>%1 — %2
workflow %3, endpoint %4
%5 succeeded, %6 failed; last error: %7</source>
        <translation>%1 — %2
Workflow %3, Endpunkt %4
%5 erfolgreich, %6 fehlgeschlagen; letzter Fehler: %7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>vigil::ui::FleetStrip</name>
    <message>
        <source>Fleet health</source>
        <translation>Zustand der Flotte</translation>
    </message>
</context>
<context>
    <name>vigil::ui::GateWorker</name>
    <message>
        <source>%1: no such database file</source>
        <translation>%1: keine solche Datenbankdatei</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentListModel</name>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Entschärft</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Hergang</translation>
    </message>
</context>
<context>
    <name>vigil::ui::IncidentPanel</name>
    <message>
        <source>No incidents.</source>
        <translation>Keine Vorfälle.</translation>
    </message>
    <message>
        <source>Select an incident to see its narrative and targets.</source>
        <translation>Wählen Sie einen Vorfall, um Hergang und betroffene Ziele zu sehen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, %3, cause %4&lt;br&gt;%5&lt;br&gt;&lt;i&gt;Targets (%6):&lt;/i&gt; %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2, %3, Ursache %4&lt;br&gt;%5&lt;br&gt;&lt;i&gt;Ziele (%6):&lt;/i&gt; %7</translation>
    </message>
</context>
<context>
    <name>vigil::ui::LocalApprovalSource</name>
    <message>
        <source>database %1</source>
        <translation>Datenbank %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::MainWindow</name>
    <message>
        <source>Vigil — fleet console</source>
        <translation>Vigil — Flottenkonsole</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Chart &amp;time window</source>
        <translation>&amp;Zeitfenster der Diagramme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Über Vigil</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Vigil</source>
        <translation>Über Vigil</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Operations console for fleets of blockchain worker agents: live telemetry, anomaly detection and guarded remediation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigil %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für Flotten von Blockchain-Worker-Agenten: Live-Telemetrie, Anomalieerkennung und abgesicherte Behebung.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>Action log</source>
        <translation>Aktionsprotokoll</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>%1 on %2 (%3 ETH) needs approval</source>
        <translation>%1 auf %2 (%3 ETH) braucht eine Freigabe</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::PolicyAutomationControl</name>
    <message>
        <source>&apos;%1&apos; is not an operator identity (one word, not empty)</source>
        <translation>„%1“ ist keine Bedienerkennung (ein Wort, nicht leer)</translation>
    </message>
    <message>
        <source>Dry-run mode follows the policy file&apos;s dry_run here; set it there and reload the policy.</source>
        <translation>Der Probelauf folgt hier dem dry_run der Richtliniendatei; dort setzen und die Richtlinie neu laden.</translation>
    </message>
    <message>
        <source>The shipped policy is in force; choose a policy file in File → Settings to reload one.</source>
        <translation>Die mitgelieferte Richtlinie ist in Kraft; wählen Sie unter Datei → Einstellungen eine Richtliniendatei, um sie neu zu laden.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>SQLite databases (*.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>vigil.db in the data location</source>
        <translation>vigil.db im Datenverzeichnis</translation>
    </message>
    <message>
        <source>&amp;Policy file:</source>
        <translation>&amp;Richtliniendatei:</translation>
    </message>
    <message>
        <source>Policies (*.yaml *.yml);;All files (*)</source>
        <translation>Richtlinien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>the shipped policy</source>
        <translation>die mitgelieferte Richtlinie</translation>
    </message>
    <message>
        <source>Sign-off service address</source>
        <translation>Adresse des Freigabedienstes</translation>
    </message>
    <message>
        <source>&amp;Sign-off service:</source>
        <translation>&amp;Freigabedienst:</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>&amp;Token-Datei:</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New &amp;critical incidents</source>
        <translation>Neue &amp;kritische Vorfälle</translation>
    </message>
    <message>
        <source>&amp;Approval requests</source>
        <translation>Freigabe&amp;anfragen</translation>
    </message>
    <message>
        <source>Notifications a minute at most</source>
        <translation>Höchstens so viele Benachrichtigungen pro Minute</translation>
    </message>
    <message>
        <source> a minute at most</source>
        <translation> pro Minute höchstens</translation>
    </message>
    <message>
        <source>Notify about:</source>
        <translation>Benachrichtigen über:</translation>
    </message>
    <message>
        <source>Detector sensitivity</source>
        <translation>Detektorempfindlichkeit</translation>
    </message>
    <message>
        <source>Low (fewer alarms)</source>
        <translation>Niedrig (weniger Alarme)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High (earlier alarms)</source>
        <translation>Hoch (frühere Alarme)</translation>
    </message>
    <message>
        <source>Detector se&amp;nsitivity:</source>
        <translation>Detektor&amp;empfindlichkeit:</translation>
    </message>
    <message>
        <source>Changes take effect when the console starts next.</source>
        <translation>Änderungen wirken beim nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::StoreActivityReader</name>
    <message>
        <source>%1: no such database file</source>
        <translation>%1: keine solche Datenbankdatei</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TimelineModel</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 — %2 on %3 (score %4): %5</source>
        <translation>%1 — %2 auf %3 (Wert %4): %5</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 — %2, opened %3
%4</source>
        <translation>%1 — %2, eröffnet %3
%4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2: %3%4</source>
        <translation>%1 — %2: %3%4</translation>
    </message>
    <message>
        <source> (incident %1)</source>
        <translation> (Vorfall %1)</translation>
    </message>
    <message>
        <source>requested by %1</source>
        <translation>angefragt von %1</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <source>rejected by %1</source>
        <translation>abgelehnt von %1</translation>
    </message>
    <message>
        <source>expired unanswered</source>
        <translation>unbeantwortet abgelaufen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 — approval %2 for action %3: %4%5</source>
        <translation>%1 — Freigabe %2 für Aktion %3: %4%5</translation>
    </message>
    <message>
        <source>%1 — action %2 %3%4</source>
        <translation>%1 — Aktion %2 %3%4</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TimelineView</name>
    <message>
        <source>Incident timeline</source>
        <translation>Zeitachse der Vorfälle</translation>
    </message>
    <message>
        <source>Anomalies, incidents, actions, approvals and outcomes over time. Wheel zooms, Shift+wheel or arrows scroll, End follows live, click selects.</source>
        <translation>Anomalien, Vorfälle, Aktionen, Freigaben und Ergebnisse über die Zeit. Mausrad zoomt, Umschalt+Mausrad oder Pfeiltasten blättern, Ende folgt live, Klick wählt aus.</translation>
    </message>
    <message>
        <source>paused · End: live</source>
        <translation>angehalten · Ende: live</translation>
    </message>
</context>
<context>
    <name>vigil::ui::TrayNotifier</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message numerus="yes">
        <source>Vigil — %n approval(s) waiting</source>
        <translation>
            <numerusform>Vigil — %n Freigabe wartet</numerusform>
            <numerusform>Vigil — %n Freigaben warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new approval requests</source>
        <translation>
            <numerusform>%n neue Freigabeanfrage</numerusform>
            <numerusform>%n neue Freigabeanfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>Freigabe nötig</translation>
    </message>
</context>
</TS>
