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
    <message>
        <source>Load average (1 min) per host</source>
        <translation>Last (1 min) je Host</translation>
    </message>
    <message>
        <source>runnable tasks</source>
        <translation>lauffähige Prozesse</translation>
    </message>
    <message>
        <source>Available memory per host</source>
        <translation>Verfügbarer Speicher je Host</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
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
    <message>
        <source>Replay this recording (.ndjson or .ndjson.gz) instead of watching a fleet.</source>
        <translation>Diese Aufzeichnung (.ndjson oder .ndjson.gz) wiedergeben, statt eine Flotte zu beobachten.</translation>
    </message>
    <message>
        <source>log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>--replay and --config exclude each other</source>
        <translation>--replay und --config schließen einander aus</translation>
    </message>
    <message>
        <source>--signoff-tokens serves a live console: not with --replay</source>
        <translation>--signoff-tokens dient einer Live-Konsole: nicht mit --replay</translation>
    </message>
    <message>
        <source>--desk has no engine or database of its own: not with --signoff-tokens</source>
        <translation>--desk hat keine eigene Engine und keine Datenbank: nicht mit --signoff-tokens</translation>
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
    <message>
        <source>Always record to: the folder %1 does not exist</source>
        <translation>Immer aufzeichnen nach: Der Ordner %1 existiert nicht</translation>
    </message>
    <message>
        <source>Always record to: the folder %1 is not writable</source>
        <translation>Immer aufzeichnen nach: Der Ordner %1 ist nicht beschreibbar</translation>
    </message>
</context>
<context>
    <name>DeskOptionNames</name>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>With an https --desk: CA certificates to trust (PEM).</source>
        <translation>Mit einem https---desk: vertrauenswürdige CA-Zertifikate (PEM).</translation>
    </message>
    <message>
        <source>With an https --desk: the service certificate&apos;s SHA-256.</source>
        <translation>Mit einem https---desk: SHA-256 des Dienstzertifikats.</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>--%1 belongs to --desk URL</source>
        <translation>--%1 gehört zu --desk URL</translation>
    </message>
    <message>
        <source>--%1 is for the console&apos;s own engine; a --desk has none</source>
        <translation>--%1 gilt für die eigene Engine der Konsole; ein --desk hat keine</translation>
    </message>
    <message>
        <source>--desk: give the sign-off service&apos;s URL, e.g. http://127.0.0.1:8787</source>
        <translation>--desk: geben Sie die URL des Freigabedienstes an, z. B. http://127.0.0.1:8787</translation>
    </message>
    <message>
        <source>--ca and --pin exclude each other</source>
        <translation>--ca und --pin schließen einander aus</translation>
    </message>
    <message>
        <source>--desk settings: no sign-off service address is stored (File → Settings)</source>
        <translation>--desk settings: Es ist keine Adresse eines Freigabedienstes gespeichert (Datei → Einstellungen)</translation>
    </message>
    <message>
        <source>--desk needs --token-file FILE (your bearer token), or one stored in File → Settings</source>
        <translation>--desk braucht --token-file DATEI (Ihr Bearer-Token) oder eine unter Datei → Einstellungen gespeicherte</translation>
    </message>
    <message>
        <source>Start as a sign-off desk on the sign-off service at this URL (no engine, no database); &quot;settings&quot;: the address stored in File → Settings.</source>
        <translation>Als Freigabeplatz am Freigabedienst unter dieser URL starten (ohne Engine, ohne Datenbank); „settings“: die unter Datei → Einstellungen gespeicherte Adresse.</translation>
    </message>
    <message>
        <source>With --desk: file holding your bearer token (mode 0600); default: the one stored in File → Settings.</source>
        <translation>Mit --desk: Datei mit Ihrem Bearer-Token (Modus 0600); Vorgabe: die unter Datei → Einstellungen gespeicherte.</translation>
    </message>
</context>
<context>
    <name>Explanation</name>
    <message>
        <source>%1 on %2 is %3 (expected %4, usual band %5 to %6): %7.</source>
        <translation>%1 auf %2 liegt bei %3 (erwartet %4, übliches Band %5 bis %6): %7.</translation>
    </message>
    <message>
        <source>%1 is %2 (expected %3, usual band %4 to %5): %6.</source>
        <translation>%1 liegt bei %2 (erwartet %3, übliches Band %4 bis %5): %6.</translation>
    </message>
    <message>
        <source>No signal stands out.</source>
        <translation>Kein Signal sticht heraus.</translation>
    </message>
    <message>
        <source>Signals: %1 %2 its largest in recent history.</source>
        <translation>Signale: %1 %2 des jüngsten Höchstwerts.</translation>
    </message>
    <message>
        <source>Signals: %1 %2; %3 %4 its largest in recent history.</source>
        <translation>Signale: %1 %2; %3 %4 des jüngsten Höchstwerts.</translation>
    </message>
    <message>
        <source>Signals: %1 %2; %3 %4; %5 %6 its largest in recent history.</source>
        <translation>Signale: %1 %2; %3 %4; %5 %6 des jüngsten Höchstwerts.</translation>
    </message>
    <message>
        <source>Signals: %1 %2; %3 %4; %5 %6; %7 %8 its largest in recent history.</source>
        <translation>Signale: %1 %2; %3 %4; %5 %6; %7 %8 des jüngsten Höchstwerts.</translation>
    </message>
    <message>
        <source>Signals: %1 %2; %3 %4; %5 %6; %7 %8; %9 %10 its largest in recent history.</source>
        <translation>Signale: %1 %2; %3 %4; %5 %6; %7 %8; %9 %10 des jüngsten Höchstwerts.</translation>
    </message>
    <message>
        <source>Comes right after missing data.</source>
        <translation>Folgt direkt auf fehlende Daten.</translation>
    </message>
    <message>
        <source>Damped: an alert on this series fired moments ago.</source>
        <translation>Gedämpft: Auf dieser Reihe wurde eben erst alarmiert.</translation>
    </message>
    <message>
        <source>Score %1.</source>
        <translation>Bewertung %1.</translation>
    </message>
    <message>
        <source>Task failures on %1: %2 of the last %3 tasks failed (%4) against a usual %5 (expected at most %6), rising for %7.</source>
        <translation>Aufgabenfehler auf %1: %2 der letzten %3 Aufgaben fehlgeschlagen (%4) gegenüber üblichen %5 (erwartet höchstens %6), steigend seit %7.</translation>
    </message>
    <message>
        <source>Task failures on %1: %2 of the last %3 tasks failed (%4) against a usual %5 (expected at most %6), rising for %7; errors: %8.</source>
        <translation>Aufgabenfehler auf %1: %2 der letzten %3 Aufgaben fehlgeschlagen (%4) gegenüber üblichen %5 (erwartet höchstens %6), steigend seit %7; Fehler: %8.</translation>
    </message>
    <message>
        <source>Transaction failures on %1: %2 of the last %3 transactions failed (%4) against a usual %5 (expected at most %6), rising for %7.</source>
        <translation>Transaktionsfehler auf %1: %2 der letzten %3 Transaktionen fehlgeschlagen (%4) gegenüber üblichen %5 (erwartet höchstens %6), steigend seit %7.</translation>
    </message>
    <message>
        <source>Transaction failures on %1: %2 of the last %3 transactions failed (%4) against a usual %5 (expected at most %6), rising for %7; errors: %8.</source>
        <translation>Transaktionsfehler auf %1: %2 der letzten %3 Transaktionen fehlgeschlagen (%4) gegenüber üblichen %5 (erwartet höchstens %6), steigend seit %7; Fehler: %8.</translation>
    </message>
    <message>
        <source>Confirmations on %1 are slowing: the last one took %2 where %3 is usual (expected %4 to %5), consistently since %6 ago.</source>
        <translation>Bestätigungen auf %1 werden langsamer: Die letzte dauerte %2, üblich sind %3 (erwartet %4 bis %5), durchgehend seit %6.</translation>
    </message>
    <message>
        <source>Confirmations on %1 are slowing: the last one took %2 where %3 is usual (expected %4 to %5), consistently since %6 ago; gas price now %7 gwei.</source>
        <translation>Bestätigungen auf %1 werden langsamer: Die letzte dauerte %2, üblich sind %3 (erwartet %4 bis %5), durchgehend seit %6; Gaspreis jetzt %7 gwei.</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei.</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr beträgt %8 gwei.</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei; sent via %9.</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr beträgt %8 gwei; gesendet über %9.</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei is %9x the current %10 of %11 gwei.</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr von %8 gwei entspricht dem %9-Fachen (%10: %11 gwei).</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei is %9x the current %10 of %11 gwei; sent via %12.</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr von %8 gwei entspricht dem %9-Fachen (%10: %11 gwei); gesendet über %12.</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei is %9x the current %10 of %11 gwei (underpriced: replace it with bumped fees).</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr von %8 gwei entspricht dem %9-Fachen (%10: %11 gwei; zu niedrig bepreist: durch eine Transaktion mit erhöhten Gebühren ersetzen).</translation>
    </message>
    <message>
        <source>Transaction %1 from %2 (nonce %3) on %4 has been pending for %5; confirmations there usually take %6 (stuck after %7); its max fee %8 gwei is %9x the current %10 of %11 gwei (underpriced: replace it with bumped fees); sent via %12.</source>
        <translation>Transaktion %1 von %2 (Nonce %3) auf %4 steht seit %5 aus; Bestätigungen dauern dort üblicherweise %6 (hängend ab %7); ihre Höchstgebühr von %8 gwei entspricht dem %9-Fachen (%10: %11 gwei; zu niedrig bepreist: durch eine Transaktion mit erhöhten Gebühren ersetzen); gesendet über %12.</translation>
    </message>
    <message>
        <source>Gas price on %1 is %2 gwei, %3x its recent median of %4 gwei (expected %5 to %6), high for %7; transactions priced for the old level will wait.</source>
        <translation>Der Gaspreis auf %1 liegt bei %2 gwei, dem %3-Fachen seines jüngsten Medians von %4 gwei (erwartet %5 bis %6), hoch seit %7; Transaktionen mit Preisen für das alte Niveau werden warten.</translation>
    </message>
    <message>
        <source>Work is piling up in %1: %2 is %3 and has grown by about %4 per minute for %5 (usual %6, expected at most %7); the workers are not keeping up.</source>
        <translation>In %1 staut sich Arbeit: %2 liegt bei %3 und wächst seit %5 um etwa %4 pro Minute (üblich %6, erwartet höchstens %7); die Worker kommen nicht hinterher.</translation>
    </message>
    <message>
        <source>%1 on %2 is %3, %4x its usual %5 (expected %6 to %7), degraded for %8.</source>
        <translation>%1 auf %2 liegt bei %3, dem %4-Fachen des üblichen Werts %5 (erwartet %6 bis %7), beeinträchtigt seit %8.</translation>
    </message>
    <message>
        <source>New error log pattern never seen before from %1: %2 (message: %3).</source>
        <translation>Neues, nie gesehenes Fehler-Logmuster von %1: %2 (Meldung: %3).</translation>
    </message>
    <message>
        <source>New warn log pattern never seen before from %1: %2 (message: %3).</source>
        <translation>Neues, nie gesehenes Warn-Logmuster von %1: %2 (Meldung: %3).</translation>
    </message>
    <message>
        <source>Log pattern %1 burst: %2 lines in the current %3 s bucket, against a baseline of %4 per bucket (expected at most %5; Poisson p = %6).</source>
        <translation>Häufung des Logmusters %1: %2 Zeilen im aktuellen %3-s-Intervall, gegenüber einer Basis von %4 je Intervall (erwartet höchstens %5; Poisson-p = %6).</translation>
    </message>
    <message>
        <source>Latest from %1.</source>
        <translation>Zuletzt von %1.</translation>
    </message>
    <message>
        <source>%1 of %2 reaches %3%4 in about %5: it is %6%4 and rising by %7%4 a minute over the last %8 (at the slowest plausible rate in %9).</source>
        <translation>%1 von %2 erreicht in etwa %5 %3%4: derzeit %6%4, steigend um %7%4 pro Minute über die letzten %8 (bei der langsamsten plausiblen Rate in %9).</translation>
    </message>
    <message>
        <source>%1 of %2 falls below %3%4 in about %5: it is %6%4 and falling by %7%4 a minute over the last %8 (at the slowest plausible rate in %9).</source>
        <translation>%1 von %2 fällt in etwa %5 unter %3%4: derzeit %6%4, fallend um %7%4 pro Minute über die letzten %8 (bei der langsamsten plausiblen Rate in %9).</translation>
    </message>
    <message>
        <source>above the band</source>
        <translation>über dem Band</translation>
    </message>
    <message>
        <source>below the band</source>
        <translation>unter dem Band</translation>
    </message>
    <message>
        <source>inside the band, but unusual in its context</source>
        <translation>innerhalb des Bands, aber ungewöhnlich im Zusammenhang</translation>
    </message>
    <message>
        <source>far from usual level</source>
        <translation>weit vom üblichen Niveau</translation>
    </message>
    <message>
        <source>sustained level shift</source>
        <translation>anhaltende Niveauverschiebung</translation>
    </message>
    <message>
        <source>off the daily pattern</source>
        <translation>außerhalb des Tagesmusters</translation>
    </message>
    <message>
        <source>off the weekly pattern</source>
        <translation>außerhalb des Wochenmusters</translation>
    </message>
    <message>
        <source>unusually many excursions</source>
        <translation>ungewöhnlich viele Ausreißer</translation>
    </message>
    <message>
        <source>gas price</source>
        <translation>aktueller Gaspreis</translation>
    </message>
    <message>
        <source>typical fee</source>
        <translation>aktuell übliche Gebühr</translation>
    </message>
    <message>
        <source>an unnamed source</source>
        <translation>einer unbenannten Quelle</translation>
    </message>
    <message>
        <source> blocks</source>
        <translation> Blöcke</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Hot wallet balance</source>
        <translation>Bestand der Hot Wallet</translation>
    </message>
    <message>
        <source>Gas price</source>
        <translation>Gaspreis</translation>
    </message>
    <message>
        <source>Lag behind the chain head</source>
        <translation>Rückstand zur Chain-Spitze</translation>
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
    <name>NotificationThrottle</name>
    <message numerus="yes">
        <source>%n new critical incidents</source>
        <translation>
            <numerusform>%n neuer kritischer Vorfall</numerusform>
            <numerusform>%n neue kritische Vorfälle</numerusform>
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
        <source>Critical incident and approval needed</source>
        <translation>Kritischer Vorfall und Freigabe nötig</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>1 new critical incident</source>
        <translation>1 neuer kritischer Vorfall</translation>
    </message>
    <message>
        <source>1 new approval request</source>
        <translation>1 neue Freigabeanfrage</translation>
    </message>
    <message>
        <source>Critical incident</source>
        <translation>Kritischer Vorfall</translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>Freigabe nötig</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>&amp;Silence…</source>
        <translation>&amp;Stummschalten …</translation>
    </message>
    <message>
        <source>Silence a target, label or incident kind for a while (maintenance)</source>
        <translation>Ein Ziel, ein Label oder eine Vorfallart für eine Weile stummschalten (Wartung)</translation>
    </message>
    <message>
        <source>%1: the name must end in .pdf, .html or .json</source>
        <translation>%1: Der Name muss auf .pdf, .html oder .json enden</translation>
    </message>
    <message>
        <source>&amp;Export incident report…</source>
        <translation>Vorfallbericht &amp;exportieren …</translation>
    </message>
    <message>
        <source>Write the selected incident (or every incident) as PDF, HTML or JSON</source>
        <translation>Den ausgewählten Vorfall (oder alle Vorfälle) als PDF, HTML oder JSON schreiben</translation>
    </message>
    <message>
        <source>Export incident report</source>
        <translation>Vorfallbericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;JSON (*.json)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <source>This console records into no database.</source>
        <translation>Diese Konsole zeichnet in keine Datenbank auf.</translation>
    </message>
</context>
<context>
    <name>ReplayDroppedText</name>
    <message numerus="yes">
        <source>%Ln incident(s)</source>
        <translation>
            <numerusform>%Ln Vorfall</numerusform>
            <numerusform>%Ln Vorfälle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s)</source>
        <translation>
            <numerusform>%Ln Aktion</numerusform>
            <numerusform>%Ln Aktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 not kept, counted in the report</source>
        <translation>%1 nicht behalten, im Bericht gezählt</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>So that memory stays flat however long the recording, a replay keeps only the newest incidents and actions for its report and its seeks; older ones are counted, not kept.
Seen so far: %1 incidents (%2 not kept), %3 actions (%4 not kept).</source>
        <translation>Damit der Speicher bei jeder Länge der Aufzeichnung gleich bleibt, behält eine Wiedergabe nur die neuesten Vorfälle und Aktionen für ihren Bericht und ihre Sprünge; ältere werden gezählt, nicht behalten.
Bisher gesehen: %1 Vorfälle (%2 nicht behalten), %3 Aktionen (%4 nicht behalten).</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#2e9d4f&quot;&gt;succeeded&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#2e9d4f&quot;&gt;erfolgreich&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#d64541&quot;&gt;failed&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#d64541&quot;&gt;fehlgeschlagen&lt;/span&gt;</translation>
    </message>
    <message>
        <source> at </source>
        <translation> um </translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <source>not taken</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>no outcome recorded</source>
        <translation>kein Ergebnis aufgezeichnet</translation>
    </message>
    <message>
        <source>&lt;h2&gt;What-if: A = %1, B = %2&lt;/h2&gt;
</source>
        <translation>&lt;h2&gt;Was-wäre-wenn: A = %1, B = %2&lt;/h2&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;Incidents: %1 in both, %2 only in A, %3 only in B. Actions: %4 in A, %5 in B, %6 the same, %7 differ.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Vorfälle: %1 in beiden, %2 nur in A, %3 nur in B. Aktionen: %4 in A, %5 in B, %6 gleich, %7 verschieden.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>only in A</source>
        <translation>nur in A</translation>
    </message>
    <message>
        <source>only in B</source>
        <translation>nur in B</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>detected at the same time</source>
        <translation>zur selben Zeit erkannt</translation>
    </message>
    <message>
        <source>B detected it %1</source>
        <translation>B erkannte ihn %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>Fehlerbild</translation>
    </message>
    <message>
        <source>Opened / detection</source>
        <translation>Eröffnet / Erkennung</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Actions that differ&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Abweichende Aktionen&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Unterschied</translation>
    </message>
    <message>
        <source>&lt;h2%1&gt;Incident %2: %3&lt;/h2&gt;
</source>
        <translation>&lt;h2%1&gt;Vorfall %2: %3&lt;/h2&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Severity&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;State&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Opened&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Until&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Likely cause&lt;/b&gt; %5 &amp;nbsp; &lt;b&gt;Targets&lt;/b&gt; %6 &amp;nbsp; &lt;b&gt;Anomalies&lt;/b&gt; %7&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;b&gt;Schweregrad&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Status&lt;/b&gt; %2 &amp;nbsp; &lt;b&gt;Eröffnet&lt;/b&gt; %3 &amp;nbsp; &lt;b&gt;Bis&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Wahrscheinliche Ursache&lt;/b&gt; %5 &amp;nbsp; &lt;b&gt;Ziele&lt;/b&gt; %6 &amp;nbsp; &lt;b&gt;Anomalien&lt;/b&gt; %7&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Narrative&lt;/h3&gt;
&lt;p&gt;%1&lt;/p&gt;
</source>
        <translation>&lt;h3&gt;Hergang&lt;/h3&gt;
&lt;p&gt;%1&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Metrics&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Metriken&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;No recorded metric carries this incident&apos;s anomalies.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Keine aufgezeichnete Metrik trägt die Anomalien dieses Vorfalls.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Actions (%1)&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Aktionen (%1)&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;No action was planned.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Es wurde keine Aktion geplant.&lt;/p&gt;
</translation>
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
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Approvals (%1)&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Freigaben (%1)&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>requested by %1</source>
        <translation>angefragt von %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>expires </source>
        <translation>läuft ab </translation>
    </message>
    <message>
        <source>&lt;p&gt;No action needed approval.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Keine Aktion brauchte eine Freigabe.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Timeline&lt;/h3&gt;
</source>
        <translation>&lt;h3&gt;Zeitachse&lt;/h3&gt;
</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>&lt;p&gt;%1 more anomalies on these targets are not listed.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;%1 weitere Anomalien auf diesen Zielen sind nicht aufgeführt.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Source&lt;/b&gt; %1%2&lt;br&gt;%3 records, %4 malformed, %5 anomalies, %6 incidents, %7 actions, %8 approval decisions.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;b&gt;Quelle&lt;/b&gt; %1%2&lt;br&gt;%3 Datensätze, %4 fehlerhaft, %5 Anomalien, %6 Vorfälle, %7 Aktionen, %8 Freigabeentscheidungen.&lt;/p&gt;
</translation>
    </message>
    <message>
        <source> &amp;nbsp; &lt;b&gt;Policy&lt;/b&gt; </source>
        <translation> &amp;nbsp; &lt;b&gt;Richtlinie&lt;/b&gt; </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;A replay: every action here was decided on recorded time and simulated; nothing was sent to a node, a webhook or a command.&lt;/i&gt;&lt;/p&gt;
</source>
        <translation>&lt;p&gt;&lt;i&gt;Eine Wiedergabe: Jede Aktion hier wurde nach aufgezeichneter Zeit entschieden und simuliert; nichts wurde an einen Knoten, einen Webhook oder einen Befehl gesendet.&lt;/i&gt;&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Audit chain&lt;/h2&gt;
&lt;p style=&quot;color:%1&quot;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;
</source>
        <translation>&lt;h2&gt;Audit-Kette&lt;/h2&gt;
&lt;p style=&quot;color:%1&quot;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Incidents&lt;/h2&gt;
</source>
        <translation>&lt;h2&gt;Vorfälle&lt;/h2&gt;
</translation>
    </message>
    <message>
        <source>&lt;p&gt;No incident.&lt;/p&gt;
</source>
        <translation>&lt;p&gt;Kein Vorfall.&lt;/p&gt;
</translation>
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
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>SilenceDialog</name>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
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
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>Vigil&apos;s own action</source>
        <translation>Vigils eigene Aktion</translation>
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
    <message>
        <source>%1 (silenced: recorded, no incident)</source>
        <translation>%1 (stummgeschaltet: aufgezeichnet, kein Vorfall)</translation>
    </message>
    <message>
        <source>%1 (Vigil&apos;s own action %2 taking effect: recorded, no incident)</source>
        <translation>%1 (Vigils eigene Aktion %2 wirkt: erfasst, kein Vorfall)</translation>
    </message>
    <message>
        <source>Vigil&apos;s own action %1: %2</source>
        <translation>Vigils eigene Aktion %1: %2</translation>
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
    <message>
        <source>Decided: the request is now %1 (%2 of %3 approvals: %4).</source>
        <translation>Entschieden: die Anfrage ist jetzt %1 (%2 von %3 Freigaben: %4).</translation>
    </message>
    <message>
        <source>Decided: the request is now %1.</source>
        <translation>Entschieden: die Anfrage ist jetzt %1.</translation>
    </message>
    <message>
        <source>no longer applies: the request is %1</source>
        <translation>entfällt: die Anfrage ist %1</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; at %2</source>
        <translation>Angemeldet als &lt;b&gt;%1&lt;/b&gt; um %2</translation>
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
    <name>vigil::ui::AutomationWorker</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Audit key: %1</source>
        <translation>Audit-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Audit log: %1</source>
        <translation>Audit-Protokoll: %1</translation>
    </message>
    <message>
        <source>Changed, but not audited: %1</source>
        <translation>Geändert, aber nicht auditiert: %1</translation>
    </message>
    <message>
        <source>This console runs no engine: there is no policy to reload.</source>
        <translation>Diese Konsole betreibt keine Engine: Es gibt keine Richtlinie zum Neuladen.</translation>
    </message>
    <message>
        <source>The shipped policy is in force; choose a policy file in File → Settings to reload one.</source>
        <translation>Die mitgelieferte Richtlinie ist in Kraft; wählen Sie unter Datei → Einstellungen eine Richtliniendatei, um sie neu zu laden.</translation>
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
    <name>vigil::ui::CriticalIncidentWatch</name>
    <message>
        <source>Critical incident %1</source>
        <translation>Kritischer Vorfall %1</translation>
    </message>
    <message>
        <source>Critical incident %1 on %2</source>
        <translation>Kritischer Vorfall %1 auf %2</translation>
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
    <message>
        <source>Signed in as (from your token)</source>
        <translation>Angemeldet als (aus Ihrem Token)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::DeskWindow</name>
    <message>
        <source>Vigil — sign-off desk (%1)</source>
        <translation>Vigil — Freigabeplatz (%1)</translation>
    </message>
    <message>
        <source>Connection to the sign-off service</source>
        <translation>Verbindung zum Freigabedienst</translation>
    </message>
    <message>
        <source>Evidence of the selected request</source>
        <translation>Belege der ausgewählten Anfrage</translation>
    </message>
    <message>
        <source>Why the action was proposed</source>
        <translation>Warum die Aktion vorgeschlagen wurde</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Not signed in yet</source>
        <translation>Noch nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>%1 on %2 (%3 ETH) needs approval</source>
        <translation>%1 auf %2 (%3 ETH) braucht eine Freigabe</translation>
    </message>
    <message>
        <source>No request is waiting.</source>
        <translation>Keine Anfrage wartet.</translation>
    </message>
    <message>
        <source>Select a request to see its evidence.</source>
        <translation>Wählen Sie eine Anfrage, um ihre Belege zu sehen.</translation>
    </message>
    <message>
        <source>%1 — %2
Policy rule: %3 · incident %4 · requested by %5</source>
        <translation>%1 — %2
Richtlinienregel: %3 · Vorfall %4 · angefragt von %5</translation>
    </message>
    <message>
        <source>(no narrative)</source>
        <translation>(kein Hergang)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
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
        <source>Agents: %1 healthy, %2 degraded, %3 failing, %4 silent, %5 retired</source>
        <translation>Agenten: %1 gesund, %2 beeinträchtigt, %3 gestört, %4 stumm, %5 außer Dienst</translation>
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
        <source>Retired</source>
        <translation>Außer Dienst</translation>
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
    <name>vigil::ui::LearnedChangesModel</name>
    <message>
        <source>policy order</source>
        <translation>Reihenfolge der Richtlinie</translation>
    </message>
    <message>
        <source>Evidence: %1</source>
        <translation>Beleg: %1</translation>
    </message>
    <message>
        <source>reverted by %1</source>
        <translation>zurückgenommen von %1</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in Kraft</translation>
    </message>
    <message>
        <source>series cut</source>
        <translation>Schwelle der Reihe</translation>
    </message>
    <message>
        <source>playbook order</source>
        <translation>Reihenfolge des Playbooks</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
</context>
<context>
    <name>vigil::ui::LearningPanel</name>
    <message>
        <source>Revert</source>
        <translation>Zurücknehmen</translation>
    </message>
    <message>
        <source>Take the selected change back; what was in force before it applies again</source>
        <translation>Die ausgewählte Änderung zurücknehmen; was vorher galt, gilt wieder</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <source>Real problem</source>
        <translation>Echtes Problem</translation>
    </message>
    <message>
        <source>The action helped</source>
        <translation>Die Aktion hat geholfen</translation>
    </message>
    <message>
        <source>The action did not help</source>
        <translation>Die Aktion hat nicht geholfen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::LearningWorker</name>
    <message>
        <source>Audit key: %1</source>
        <translation>Audit-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Feedback on %1 stored: %2</source>
        <translation>Rückmeldung zu %1 gespeichert: %2</translation>
    </message>
    <message>
        <source>Learned change %1 reverted</source>
        <translation>Gelernte Änderung %1 zurückgenommen</translation>
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
    <message>
        <source>&amp;Incident</source>
        <translation>&amp;Vorfall</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>New silence or &amp;maintenance window…</source>
        <translation>Neue Stummschaltung oder &amp;Wartungsfenster …</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Lernen</translation>
    </message>
    <message>
        <source>&amp;Feedback</source>
        <translation>&amp;Rückmeldung</translation>
    </message>
    <message>
        <source>(select an incident first)</source>
        <translation>(zuerst einen Vorfall auswählen)</translation>
    </message>
    <message>
        <source>&amp;Open recording…</source>
        <translation>Aufzeichnung ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Vigil recordings (*.ndjson *.ndjson.gz *.jsonl);;All files (*)</source>
        <translation>Vigil-Aufzeichnungen (*.ndjson *.ndjson.gz *.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Recent &amp;recordings</source>
        <translation>Zuletzt geöffnete &amp;Aufzeichnungen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Replay of %1 — Vigil</source>
        <translation>Wiedergabe von %1 — Vigil</translation>
    </message>
    <message>
        <source>REPLAY of %1 — not the live fleet; actions are simulated, nothing is sent</source>
        <translation>WIEDERGABE von %1 — nicht die Live-Flotte; Aktionen sind simuliert, nichts wird gesendet</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
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
    <name>vigil::ui::RecordingMenu</name>
    <message>
        <source>&amp;Record…</source>
        <translation>Auf&amp;zeichnen…</translation>
    </message>
    <message>
        <source>Record what the engine takes to a file that File → Open recording replays</source>
        <translation>Zeichnet auf, was die Engine aufnimmt, in eine Datei, die Datei → Aufzeichnung öffnen wiedergibt</translation>
    </message>
    <message>
        <source>S&amp;top recording</source>
        <translation>Aufzeichnung &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Always record to a folder…</source>
        <translation>&amp;Immer in einen Ordner aufzeichnen…</translation>
    </message>
    <message>
        <source>Cannot record: %1</source>
        <translation>Aufzeichnen nicht möglich: %1</translation>
    </message>
    <message>
        <source>Recording the live input to %1</source>
        <translation>Die Live-Eingabe wird nach %1 aufgezeichnet</translation>
    </message>
    <message>
        <source>Recorded %1 records to %2</source>
        <translation>%1 Datensätze nach %2 aufgezeichnet</translation>
    </message>
    <message>
        <source>Recording stopped: %1</source>
        <translation>Aufzeichnung angehalten: %1</translation>
    </message>
    <message>
        <source>● Recording to %1 (%2 records)</source>
        <translation>● Aufzeichnung nach %1 (%2 Datensätze)</translation>
    </message>
    <message>
        <source>Record the live input</source>
        <translation>Die Live-Eingabe aufzeichnen</translation>
    </message>
    <message>
        <source>Vigil recordings (*.ndjson.gz *.ndjson)</source>
        <translation>Vigil-Aufzeichnungen (*.ndjson.gz *.ndjson)</translation>
    </message>
    <message>
        <source>Always record the live input to</source>
        <translation>Die Live-Eingabe immer aufzeichnen nach</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RecordingOpener</name>
    <message>
        <source>Open recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Cannot replay this recording:
%1</source>
        <translation>Diese Aufzeichnung kann nicht wiedergegeben werden:
%1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::RemoteApprovalSource</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>sign-off service %1</source>
        <translation>Freigabedienst %1</translation>
    </message>
    <message>
        <source>%1 refused the desk: %2 — retrying</source>
        <translation>%1 hat den Freigabeplatz abgewiesen: %2 — neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Cannot reach %1 — retrying (no contact yet)</source>
        <translation>%1 nicht erreichbar — neuer Versuch folgt (noch kein Kontakt)</translation>
    </message>
    <message>
        <source>Disconnected from %1 — retrying (last contact %2)</source>
        <translation>Verbindung zu %1 getrennt — neuer Versuch folgt (letzter Kontakt %2)</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>Reconnected to %1 at %2</source>
        <translation>Wieder verbunden mit %1 um %2</translation>
    </message>
    <message>
        <source>%1 — signed in as %2</source>
        <translation>%1 — angemeldet als %2</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReplayBar</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>So schnell wie möglich</translation>
    </message>
    <message>
        <source>Replay speed: multiples of the recorded time</source>
        <translation>Wiedergabegeschwindigkeit: Vielfache der aufgezeichneten Zeit</translation>
    </message>
    <message>
        <source>Next anomaly</source>
        <translation>Nächste Anomalie</translation>
    </message>
    <message>
        <source>Replay as fast as possible to the next anomaly, then pause</source>
        <translation>So schnell wie möglich bis zur nächsten Anomalie wiedergeben, dann anhalten</translation>
    </message>
    <message>
        <source>Next incident</source>
        <translation>Nächster Vorfall</translation>
    </message>
    <message>
        <source>Replay as fast as possible to the next new incident, then pause</source>
        <translation>So schnell wie möglich bis zum nächsten neuen Vorfall wiedergeben, dann anhalten</translation>
    </message>
    <message>
        <source>Seek: drag to any time of the recording</source>
        <translation>Springen: zu einer beliebigen Zeit der Aufzeichnung ziehen</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>at the start</source>
        <translation>am Anfang</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>end of recording</source>
        <translation>Ende der Aufzeichnung</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message numerus="yes">
        <source>%n malformed line(s)</source>
        <translation>
            <numerusform>%n fehlerhafte Zeile</numerusform>
            <numerusform>%n fehlerhafte Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n out of order</source>
        <translation>
            <numerusform>%n außer der Reihe</numerusform>
            <numerusform>%n außer der Reihe</numerusform>
        </translation>
    </message>
    <message>
        <source>recording cut short</source>
        <translation>Aufzeichnung vorzeitig abgebrochen</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReplaySession</name>
    <message>
        <source>%1: this replay&apos;s stages take no detector sensitivity but normal</source>
        <translation>%1: Die Stufen dieser Wiedergabe kennen keine Detektorempfindlichkeit außer normal</translation>
    </message>
</context>
<context>
    <name>vigil::ui::ReplaySettingsApplier</name>
    <message>
        <source>low</source>
        <translation>niedrig</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Richtliniendatei</translation>
    </message>
    <message>
        <source>Sign-off service</source>
        <translation>Freigabedienst</translation>
    </message>
    <message>
        <source>Recording folder</source>
        <translation>Aufzeichnungsordner</translation>
    </message>
    <message>
        <source>%1: the live console&apos;s, not applied to a replay</source>
        <translation>%1: gehören zur Live-Konsole, in einer Wiedergabe nicht angewandt</translation>
    </message>
    <message>
        <source>Settings applied</source>
        <translation>Einstellungen angewandt</translation>
    </message>
    <message>
        <source>Settings applied; %1</source>
        <translation>Einstellungen angewandt; %1</translation>
    </message>
    <message>
        <source>Detector sensitivity not applied: %1</source>
        <translation>Detektorempfindlichkeit nicht angewandt: %1</translation>
    </message>
    <message>
        <source>Detector sensitivity %1: the replay restarted from its start under it</source>
        <translation>Detektorempfindlichkeit %1: Die Wiedergabe begann damit von vorn</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SettingsApplier</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Policy file</source>
        <translation>Richtliniendatei</translation>
    </message>
    <message>
        <source>Sign-off service</source>
        <translation>Freigabedienst</translation>
    </message>
    <message>
        <source>Settings applied; %1 take effect at the next start</source>
        <translation>Einstellungen übernommen; %1 wirken ab dem nächsten Start</translation>
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
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <source>The database, the policy file and the sign-off service take effect at the next start.</source>
        <translation>Datenbank, Richtliniendatei und Freigabedienst wirken ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Al&amp;ways record the live input (a new file each start)</source>
        <translation>Live-Eingang &amp;immer aufzeichnen (bei jedem Start eine neue Datei)</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>Aufzeichnung:</translation>
    </message>
    <message>
        <source>Folder to always record to</source>
        <translation>Ordner für die ständige Aufzeichnung</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Notifications, sensitivity and recording take effect at once.</source>
        <translation>Benachrichtigungen, Empfindlichkeit und Aufzeichnung wirken sofort.</translation>
    </message>
    <message>
        <source>Always record to: choose a folder</source>
        <translation>Immer aufzeichnen nach: Bitte einen Ordner wählen</translation>
    </message>
    <message>
        <source>&lt;b&gt;In this replay window&lt;/b&gt;: notifications take effect at once; a new detector sensitivity restarts the replay from its start under it, so its results follow from the recording and one setting. The database, the policy file, the sign-off service and the recording folder are the live console&apos;s and do not apply to a replay.</source>
        <translation>&lt;b&gt;In diesem Wiedergabefenster&lt;/b&gt;: Benachrichtigungen gelten sofort; eine neue Detektorempfindlichkeit startet die Wiedergabe damit von vorn, sodass ihre Ergebnisse aus der Aufzeichnung und einer Einstellung folgen. Datenbank, Richtliniendatei, Freigabedienst und Aufzeichnungsordner gehören zur Live-Konsole und gelten nicht für eine Wiedergabe.</translation>
    </message>
    <message>
        <source>Settings — replay</source>
        <translation>Einstellungen — Wiedergabe</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SilenceDialog</name>
    <message>
        <source>Silence</source>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <source>rpc:eth-main-a, or a glob such as rpc:*</source>
        <translation>rpc:eth-main-a oder ein Muster wie rpc:*</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>detector=gas.spike, target_kind=rpc</source>
        <translation>detector=gas.spike, target_kind=rpc</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>(any kind)</source>
        <translation>(jede Art)</translation>
    </message>
    <message>
        <source>Incident kind</source>
        <translation>Vorfallart</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Gesetzt von</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Für:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Set &amp;by:</source>
        <translation>Gesetzt &amp;von:</translation>
    </message>
    <message>
        <source>Silenced anomalies are still recorded and shown greyed, but open no incident, raise no notification and trigger no action.</source>
        <translation>Stummgeschaltete Anomalien werden weiter aufgezeichnet und grau angezeigt, eröffnen aber keinen Vorfall, lösen keine Benachrichtigung und keine Aktion aus.</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation>Vorfall %1</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Reason: say why (it is audited).</source>
        <translation>Grund: Sagen Sie, warum (es wird auditiert).</translation>
    </message>
    <message>
        <source>Set by: who sets the silence.</source>
        <translation>Gesetzt von: wer die Stummschaltung setzt.</translation>
    </message>
    <message>
        <source>Give a target, a label or a kind to match.</source>
        <translation>Geben Sie ein Ziel, ein Label oder eine Art zum Abgleich an.</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SilenceModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Trifft auf</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Gesetzt von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Set by %1: %2</source>
        <translation>Gesetzt von %1: %2</translation>
    </message>
    <message>
        <source>Set by %1: %2 — expired early by %3</source>
        <translation>Gesetzt von %1: %2 — vorzeitig aufgehoben von %3</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>%1 (expired by %2)</source>
        <translation>%1 (aufgehoben von %2)</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SilencePanel</name>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>&amp;New silence…</source>
        <translation>&amp;Neue Stummschaltung …</translation>
    </message>
    <message>
        <source>E&amp;xpire</source>
        <translation>&amp;Aufheben</translation>
    </message>
    <message>
        <source>Silences unavailable: %1</source>
        <translation>Stummschaltungen nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>Stummschaltung aufheben</translation>
    </message>
    <message>
        <source>Your name (audited):</source>
        <translation>Ihr Name (wird auditiert):</translation>
    </message>
    <message>
        <source>Expire: say who you are (it is audited).</source>
        <translation>Aufheben: Sagen Sie, wer Sie sind (es wird auditiert).</translation>
    </message>
</context>
<context>
    <name>vigil::ui::SilenceWorker</name>
    <message>
        <source>Silence %1 set by %2</source>
        <translation>Stummschaltung %1 gesetzt von %2</translation>
    </message>
    <message>
        <source>Silence %1 expired by %2</source>
        <translation>Stummschaltung %1 aufgehoben von %2</translation>
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
    <message>
        <source>%1 on %2 (silenced)</source>
        <translation>%1 auf %2 (stummgeschaltet)</translation>
    </message>
    <message>
        <source>%1 on %2 (Vigil&apos;s own action %3)</source>
        <translation>%1 auf %2 (Vigils eigene Aktion %3)</translation>
    </message>
    <message>
        <source>%1 — simulated</source>
        <translation>%1 — simuliert</translation>
    </message>
    <message>
        <source> — simulated in a replay: nothing was sent</source>
        <translation> — in einer Wiedergabe simuliert: nichts wurde gesendet</translation>
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
        <source>%n approval(s) waiting</source>
        <translation>
            <numerusform>%n Freigabe wartet</numerusform>
            <numerusform>%n Freigaben warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open critical incident(s)</source>
        <translation>
            <numerusform>%n offener kritischer Vorfall</numerusform>
            <numerusform>%n offene kritische Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <source>Vigil — %1</source>
        <translation>Vigil — %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::WhatIfCompare</name>
    <message>
        <source>What-if</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Compare with policy…</source>
        <translation>Mit Richtlinie &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Compare with policy</source>
        <translation>Mit Richtlinie vergleichen</translation>
    </message>
    <message>
        <source>Policies (*.yaml *.yml);;All files (*)</source>
        <translation>Richtlinien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Comparing the shipped policy (A) with %1 (B)…</source>
        <translation>Die mitgelieferte Richtlinie (A) wird mit %1 (B) verglichen…</translation>
    </message>
    <message>
        <source>What-if: replaying %1 twice…</source>
        <translation>Was-wäre-wenn: %1 wird zweimal wiedergegeben…</translation>
    </message>
    <message>
        <source>no what-if runner in this build</source>
        <translation>dieser Build hat keinen Was-wäre-wenn-Lauf</translation>
    </message>
    <message>
        <source>What-if done</source>
        <translation>Was-wäre-wenn fertig</translation>
    </message>
    <message>
        <source>What-if failed: %1</source>
        <translation>Was-wäre-wenn fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>vigil::ui::WhatIfPanel</name>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 auf %2 um %3</translation>
    </message>
    <message>
        <source>Replay → Compare with policy… runs this recording under a second policy.</source>
        <translation>Wiedergabe → Mit Richtlinie vergleichen… spielt diese Aufzeichnung unter einer zweiten Richtlinie ab.</translation>
    </message>
    <message>
        <source>Only in A: %1</source>
        <translation>Nur in A: %1</translation>
    </message>
    <message>
        <source>Only in B: %1</source>
        <translation>Nur in B: %1</translation>
    </message>
    <message>
        <source>Both, B detected %1 s %2: %3</source>
        <translation>Beide, B erkannte %1 s %2: %3</translation>
    </message>
    <message>
        <source>later</source>
        <translation>später</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>früher</translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation>Aktion %1: %2</translation>
    </message>
    <message>
        <source>A: %1 — %2 incidents, %3 actions</source>
        <translation>A: %1 — %2 Vorfälle, %3 Aktionen</translation>
    </message>
    <message>
        <source>B: %1 — %2 incidents, %3 actions</source>
        <translation>B: %1 — %2 Vorfälle, %3 Aktionen</translation>
    </message>
    <message>
        <source>What-if: %1 incidents only in A, %2 only in B, %3 in both; %4 actions differ (replays: nothing was sent)</source>
        <translation>Was-wäre-wenn: %1 Vorfälle nur in A, %2 nur in B, %3 in beiden; %4 Aktionen unterscheiden sich (Wiedergaben: nichts wurde gesendet)</translation>
    </message>
    <message>
        <source>No difference: both runs decided the same.</source>
        <translation>Kein Unterschied: Beide Läufe entschieden gleich.</translation>
    </message>
</context>
</TS>
