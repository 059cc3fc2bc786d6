<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>vigil::ui::ChartPanel</name>
    <message>
        <source>Waiting for telemetry from the fleet…</source>
        <translation>Warte auf Telemetrie der Flotte …</translation>
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
</context>
</TS>
