<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AuditLog</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Not sent: the audit log could not be written (%1).</source>
        <translation>Nicht gesendet: Das Prüfprotokoll konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>empty line</source>
        <translation>leere Zeile</translation>
    </message>
    <message>
        <source>not a JSON record</source>
        <translation>kein JSON-Datensatz</translation>
    </message>
    <message>
        <source>the chain is broken: a record before this one was removed or changed</source>
        <translation>die Kette ist unterbrochen: Ein früherer Eintrag wurde entfernt oder geändert</translation>
    </message>
    <message>
        <source>sequence number %1 where %2 was expected</source>
        <translation>Laufnummer %1, erwartet war %2</translation>
    </message>
    <message>
        <source>this record was changed after it was written</source>
        <translation>dieser Eintrag wurde nach dem Schreiben geändert</translation>
    </message>
    <message>
        <source>records are missing at the end: the log stops at %1, it had reached %2</source>
        <translation>am Ende fehlen Einträge: Das Protokoll endet bei %1, es war schon bei %2</translation>
    </message>
    <message>
        <source>the audit log is being written by another InviteDesk process (%1, process %2) that did not finish within 10 seconds</source>
        <translation>das Prüfprotokoll wird von einem anderen InviteDesk-Prozess geschrieben (%1, Prozess %2), der nicht innerhalb von 10 Sekunden fertig wurde</translation>
    </message>
    <message>
        <source>the audit log is being written by another InviteDesk process</source>
        <translation>das Prüfprotokoll wird von einem anderen InviteDesk-Prozess geschrieben</translation>
    </message>
    <message>
        <source>no permission to write in %1 (is the folder read-only?)</source>
        <translation>keine Schreibberechtigung in %1 (ist der Ordner schreibgeschützt?)</translation>
    </message>
    <message>
        <source>cannot create a file in %1 (is the disk full or read-only?)</source>
        <translation>in %1 kann keine Datei angelegt werden (ist der Datenträger voll oder schreibgeschützt?)</translation>
    </message>
    <message>
        <source>cannot create the folder %1 (is the disk full, or a file in the way?)</source>
        <translation>der Ordner %1 kann nicht angelegt werden (ist der Datenträger voll, oder steht eine Datei im Weg?)</translation>
    </message>
    <message>
        <source>%1, so nothing more is written to %2 until someone looks (`invitedesk-cli audit verify` says where)</source>
        <translation>%1, daher wird nichts mehr in %2 geschrieben, bis jemand nachsieht (`invitedesk-cli audit verify` zeigt, wo)</translation>
    </message>
    <message>
        <source>the audit log is empty but its head file says it held records</source>
        <translation>das Prüfprotokoll ist leer, aber seine Kopfdatei sagt, es habe Einträge enthalten</translation>
    </message>
    <message>
        <source>the last record of the audit log is damaged</source>
        <translation>der letzte Eintrag des Prüfprotokolls ist beschädigt</translation>
    </message>
    <message>
        <source>the newest records of the audit log are not chained</source>
        <translation>die neuesten Einträge des Prüfprotokolls sind nicht verkettet</translation>
    </message>
    <message>
        <source>the audit log&apos;s head file is missing or damaged</source>
        <translation>die Kopfdatei des Prüfprotokolls fehlt oder ist beschädigt</translation>
    </message>
    <message>
        <source>the end of the audit log is not what its head file names</source>
        <translation>das Ende des Prüfprotokolls ist nicht das, was seine Kopfdatei nennt</translation>
    </message>
    <message>
        <source>cannot update %1: %2</source>
        <translation>%1 kann nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>cannot update %1: what was written did not stay (is the disk full?)</source>
        <translation>%1 kann nicht aktualisiert werden: das Geschriebene blieb nicht erhalten (ist der Datenträger voll?)</translation>
    </message>
    <message>
        <source>The outcome of %1 could not be written to the audit log (%2); nothing more is sent. The next start re-reads it and records what happened.</source>
        <translation>Das Ergebnis von %1 konnte nicht ins Prüfprotokoll geschrieben werden (%2); es wird nichts mehr gesendet. Der nächste Start liest es erneut und hält fest, was geschehen ist.</translation>
    </message>
    <message>
        <source>Not created: the audit log could not be written (%1).</source>
        <translation>Nicht angelegt: das Prüfprotokoll konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>The re-invite of %1 could not be recorded in the audit log (%2).</source>
        <translation>Die erneute Einladung von %1 konnte nicht im Prüfprotokoll festgehalten werden (%2).</translation>
    </message>
    <message>
        <source>the log holds no records, but its head file says it held %1</source>
        <translation>das Protokoll enthält keine Einträge, aber seine Kopfdatei sagt, es habe %1 enthalten</translation>
    </message>
    <message numerus="yes">
        <source>the last line is incomplete (%n byte(s), a write cut off by a full disk or a crash); the next write removes it and records that</source>
        <translation>
            <numerusform>die letzte Zeile ist unvollständig (%n Byte, ein durch vollen Datenträger oder Absturz abgebrochenes Schreiben); das nächste Schreiben entfernt sie und hält das fest</numerusform>
            <numerusform>die letzte Zeile ist unvollständig (%n Bytes, ein durch vollen Datenträger oder Absturz abgebrochenes Schreiben); das nächste Schreiben entfernt sie und hält das fest</numerusform>
        </translation>
    </message>
    <message>
        <source>the head file %1 is missing, so records cut off the end would go unnoticed</source>
        <translation>die Kopfdatei %1 fehlt, daher blieben am Ende abgeschnittene Einträge unbemerkt</translation>
    </message>
    <message>
        <source>the head file %1 is empty or damaged</source>
        <translation>die Kopfdatei %1 ist leer oder beschädigt</translation>
    </message>
    <message>
        <source>the newest records were replaced or the head file was edited</source>
        <translation>die neuesten Einträge wurden ersetzt oder die Kopfdatei wurde bearbeitet</translation>
    </message>
</context>
<context>
    <name>BulkSummary</name>
    <message>
        <source>Nothing to revoke</source>
        <translation>Nichts zu widerrufen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln revoked</source>
        <translation>
            <numerusform>%Ln widerrufen</numerusform>
            <numerusform>%Ln widerrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already revoked</source>
        <translation>
            <numerusform>%Ln bereits widerrufen</numerusform>
            <numerusform>%Ln bereits widerrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer pending</source>
        <translation>
            <numerusform>%Ln nicht mehr offen</numerusform>
            <numerusform>%Ln nicht mehr offen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not found</source>
        <translation>
            <numerusform>%Ln nicht gefunden</numerusform>
            <numerusform>%Ln nicht gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln forbidden</source>
        <translation>
            <numerusform>%Ln nicht erlaubt</numerusform>
            <numerusform>%Ln nicht erlaubt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln abgebrochen</numerusform>
            <numerusform>%Ln abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln revoked by this run or another (answer lost)</source>
        <translation>
            <numerusform>%Ln widerrufen, von diesem Lauf oder anderen (Antwort verloren)</numerusform>
            <numerusform>%Ln widerrufen, von diesem Lauf oder anderen (Antworten verloren)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClerkJson</name>
    <message>
        <source>the %1 has no valid &quot;%2&quot; field</source>
        <translation>%1 hat kein gültiges Feld „%2“</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 (%2)</source>
        <translation>ungültiges JSON bei Byte %1 (%2)</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>item %1 of the list is not an object</source>
        <translation>Eintrag %1 der Liste ist kein Objekt</translation>
    </message>
    <message>
        <source>item %1 of the list: %2</source>
        <translation>Eintrag %1 der Liste: %2</translation>
    </message>
    <message>
        <source>invitation %1 carries %2 KiB of metadata; InviteDesk reads at most %3 KiB a row</source>
        <translation>Einladung %1 trägt %2 KiB Metadaten; InviteDesk liest höchstens %3 KiB je Zeile</translation>
    </message>
</context>
<context>
    <name>ClientConfig</name>
    <message>
        <source>The API URL &quot;%1&quot; is not a valid URL.</source>
        <translation>Die API-URL „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>The API URL must not contain credentials, a query or a fragment.</source>
        <translation>Die API-URL darf keine Zugangsdaten, keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>Refusing to send the secret key over plain http to %1: use https (plain http is only allowed to this computer).</source>
        <translation>Der geheime Schlüssel wird nicht über unverschlüsseltes http an %1 gesendet: Verwenden Sie https (http ist nur zu diesem Computer erlaubt).</translation>
    </message>
    <message>
        <source>The API URL must start with https://.</source>
        <translation>Die API-URL muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>No Clerk secret key is set. Add one to the connection profile or set CLERK_SECRET_KEY.</source>
        <translation>Kein geheimer Clerk-Schlüssel gesetzt. Tragen Sie einen im Verbindungsprofil ein oder setzen Sie CLERK_SECRET_KEY.</translation>
    </message>
    <message>
        <source>The secret key contains spaces or characters a Clerk key never has.</source>
        <translation>Der geheime Schlüssel enthält Leerzeichen oder Zeichen, die ein Clerk-Schlüssel nie hat.</translation>
    </message>
    <message>
        <source>The proxy %1</source>
        <translation>Der Proxy %1</translation>
    </message>
    <message>
        <source>must be given as http://host:port.</source>
        <translation>muss als http://host:port angegeben werden.</translation>
    </message>
    <message>
        <source>must be an HTTP proxy (http://host:port); HTTPS traffic goes through it encrypted.</source>
        <translation>muss ein HTTP-Proxy sein (http://host:port); HTTPS-Verkehr läuft verschlüsselt hindurch.</translation>
    </message>
    <message>
        <source>URL must not hold a user name or password; they are asked for when the proxy wants them.</source>
        <translation>URL darf keinen Benutzernamen und kein Passwort enthalten; sie werden abgefragt, wenn der Proxy sie verlangt.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate (&quot;-----BEGIN CERTIFICATE-----&quot;).</source>
        <translation>%1 enthält kein PEM-Zertifikat („-----BEGIN CERTIFICATE-----“).</translation>
    </message>
    <message>
        <source>Every certificate in %1 has expired or is not valid yet (%2).</source>
        <translation>Jedes Zertifikat in %1 ist abgelaufen oder noch nicht gültig (%2).</translation>
    </message>
    <message>
        <source>%1, valid until %2</source>
        <translation>%1, gültig bis %2</translation>
    </message>
    <message>
        <source>The CA certificate file %1 is not a regular file.</source>
        <translation>Die CA-Zertifikatsdatei %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 is larger than 4 MiB; a CA file is far smaller.</source>
        <translation>Die CA-Zertifikatsdatei %1 ist größer als 4 MiB; eine CA-Datei ist weit kleiner.</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>The audit log is in:
%1</source>
        <translation>Das Prüfprotokoll liegt in:
%1</translation>
    </message>
    <message>
        <source>About InviteDesk</source>
        <translation>Über InviteDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;InviteDesk %1&lt;/h3&gt;&lt;p&gt;A console for revoking Clerk organization invitations safely.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences of the parts it uses&lt;/b&gt;&lt;br&gt;Qt 6 — GNU LGPL v3 (The Qt Company)&lt;br&gt;QtKeychain — BSD 3-Clause (Frank Osterfeld and contributors)&lt;br&gt;Clerk Backend API specification — MIT (Clerk, Inc.), used as reference only&lt;/p&gt;&lt;p&gt;Audit log: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;InviteDesk %1&lt;/h3&gt;&lt;p&gt;Eine Konsole, um Einladungen zu Clerk-Organisationen sicher zu widerrufen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lizenzen der verwendeten Teile&lt;/b&gt;&lt;br&gt;Qt 6 — GNU LGPL v3 (The Qt Company)&lt;br&gt;QtKeychain — BSD 3-Clause (Frank Osterfeld und Mitwirkende)&lt;br&gt;Clerk-Backend-API-Spezifikation — MIT (Clerk, Inc.), nur als Referenz verwendet&lt;/p&gt;&lt;p&gt;Prüfprotokoll: %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>InvitationIds</name>
    <message>
        <source>an empty ID</source>
        <translation>eine leere ID</translation>
    </message>
    <message>
        <source>longer than %1 characters, so not an invitation ID</source>
        <translation>länger als %1 Zeichen und damit keine Einladungs-ID</translation>
    </message>
    <message>
        <source>not an invitation ID (IDs hold letters, digits, &apos;_&apos; and &apos;-&apos; only)</source>
        <translation>keine Einladungs-ID (IDs bestehen nur aus Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;)</translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot; is %3</source>
        <translation>Zeile %1: „%2“ ist %3</translation>
    </message>
</context>
<context>
    <name>InvitationsPage</name>
    <message>
        <source>Invitation status to show</source>
        <translation>Anzuzeigender Einladungsstatus</translation>
    </message>
    <message>
        <source>Filter invitations</source>
        <translation>Einladungen filtern</translation>
    </message>
    <message>
        <source>Revoke selected invitations</source>
        <translation>Ausgewählte Einladungen widerrufen</translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation>Einladungen</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Filter (Ctrl+F)</source>
        <translation>Filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Show only rows whose email, role or invitation ID contains this text (Ctrl+F)</source>
        <translation>Nur Zeilen zeigen, deren E-Mail, Rolle oder Einladungs-ID diesen Text enthält (Strg+F)</translation>
    </message>
    <message>
        <source>Rev&amp;oke…</source>
        <translation>Widerru&amp;fen…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Revoke the selected invitations</source>
        <translation>Die ausgewählten Einladungen widerrufen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Revoke Older &amp;Duplicates…</source>
        <translation>Ältere &amp;Duplikate widerrufen…</translation>
    </message>
    <message>
        <source>Keep the newest invitation for each address invited more than once; revoke the rest</source>
        <translation>Für jede mehrfach eingeladene Adresse die neueste Einladung behalten, die übrigen widerrufen</translation>
    </message>
    <message>
        <source>Revoke All Pending for This &amp;Address…</source>
        <translation>Alle offenen für diese &amp;Adresse widerrufen…</translation>
    </message>
    <message>
        <source>Revoke every pending invitation of the address searched for</source>
        <translation>Alle offenen Einladungen der gesuchten Adresse widerrufen</translation>
    </message>
    <message>
        <source>Re-in&amp;vite…</source>
        <translation>Erneut ei&amp;nladen…</translation>
    </message>
    <message>
        <source>Create a new invitation like the selected revoked or expired one</source>
        <translation>Eine neue Einladung wie die ausgewählte widerrufene oder abgelaufene anlegen</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Copy &amp;Email</source>
        <translation>&amp;E-Mail kopieren</translation>
    </message>
    <message>
        <source>Copy the selected email addresses</source>
        <translation>Die ausgewählten E-Mail-Adressen kopieren</translation>
    </message>
    <message>
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <source>Copy Invitation &amp;ID</source>
        <translation>Einladungs-&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy the selected invitation IDs</source>
        <translation>Die ausgewählten Einladungs-IDs kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy Invitation &amp;Link</source>
        <translation>Einladungs&amp;link kopieren</translation>
    </message>
    <message>
        <source>Copy the invitation link (pending invitations only)</source>
        <translation>Den Einladungslink kopieren (nur offene Einladungen)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Copy Summary for &amp;Ticket</source>
        <translation>Übersicht für das &amp;Ticket kopieren</translation>
    </message>
    <message>
        <source>Copy a short, redacted summary of the last revoke run</source>
        <translation>Eine kurze, bereinigte Übersicht des letzten Widerrufs kopieren</translation>
    </message>
    <message>
        <source>&amp;Export View as CSV…</source>
        <translation>Ansicht als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Die angezeigten Zeilen als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Load the invitations again</source>
        <translation>Die Einladungen neu laden</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>&amp;Filtern…</translation>
    </message>
    <message>
        <source>Filter the table by email, role or ID</source>
        <translation>Die Tabelle nach E-Mail, Rolle oder ID filtern</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <source>Invitation &amp;Details</source>
        <translation>Einladungs&amp;details</translation>
    </message>
    <message>
        <source>Show everything about the current invitation beside the table: exact times, metadata, its audit history</source>
        <translation>Alles über die aktuelle Einladung neben der Tabelle zeigen: genaue Zeiten, Metadaten, ihr Verlauf im Prüfprotokoll</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Clerk code: %1</source>
        <translation>Clerk-Code: %1</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>Trace-ID: %1</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>InviteDesk::BulkRevoker</name>
    <message numerus="yes">
        <source>%n revoke(s) in a row got no answer in time: Clerk is not answering, so the rest is not sent.</source>
        <translation>
            <numerusform>%n Widerruf bekam nicht rechtzeitig eine Antwort: Clerk antwortet nicht, daher wird der Rest nicht gesendet.</numerusform>
            <numerusform>%n Widerrufe hintereinander bekamen nicht rechtzeitig eine Antwort: Clerk antwortet nicht, daher wird der Rest nicht gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::ClerkClient</name>
    <message>
        <source>&quot;%1&quot; is not a valid organization or invitation ID.</source>
        <translation>„%1“ ist keine gültige Organisations- oder Einladungs-ID.</translation>
    </message>
    <message>
        <source>the answer is larger than %1 MiB and was cut off</source>
        <translation>die Antwort ist größer als %1 MiB und wurde abgeschnitten</translation>
    </message>
    <message>
        <source>The API answered with a redirect to another site; InviteDesk does not send the key there.</source>
        <translation>Die API hat auf eine andere Website umgeleitet; InviteDesk sendet den Schlüssel nicht dorthin.</translation>
    </message>
    <message>
        <source>the server&apos;s answer had no HTTP status</source>
        <translation>die Antwort des Servers hatte keinen HTTP-Status</translation>
    </message>
    <message numerus="yes">
        <source>no complete answer within %n second(s)</source>
        <translation>
            <numerusform>keine vollständige Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine vollständige Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The API kept redirecting (more than %n time(s)); check the API URL.</source>
        <translation>
            <numerusform>Die API leitete immer weiter um (mehr als %n Mal); prüfen Sie die API-URL.</numerusform>
            <numerusform>Die API leitete immer weiter um (mehr als %n Mal); prüfen Sie die API-URL.</numerusform>
        </translation>
    </message>
    <message>
        <source>it answered with a redirect (HTTP %1) instead of a result; InviteDesk never follows a redirect for a change</source>
        <translation>sie antwortete mit einer Weiterleitung (HTTP %1) statt einem Ergebnis; InviteDesk folgt bei Änderungen nie einer Weiterleitung</translation>
    </message>
    <message numerus="yes">
        <source>%1: the proxy did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1: Der Proxy hat innerhalb von %n Sekunde nicht geantwortet</numerusform>
            <numerusform>%1: Der Proxy hat innerhalb von %n Sekunden nicht geantwortet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::ClerkError</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Clerk did not answer in time. Check the connection and try again.</source>
        <translation>Clerk hat nicht rechtzeitig geantwortet. Prüfen Sie die Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The secure connection to Clerk could not be verified (%1). InviteDesk never ignores certificate errors.</source>
        <translation>Die sichere Verbindung zu Clerk konnte nicht überprüft werden (%1). InviteDesk übergeht Zertifikatsfehler nie.</translation>
    </message>
    <message>
        <source>Could not connect to the Clerk API: the connection was refused.</source>
        <translation>Keine Verbindung zur Clerk-API: Die Verbindung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Could not find the Clerk API host. Are you offline?</source>
        <translation>Der Clerk-API-Server wurde nicht gefunden. Sind Sie offline?</translation>
    </message>
    <message>
        <source>The connection to Clerk was closed before the answer arrived.</source>
        <translation>Die Verbindung zu Clerk wurde geschlossen, bevor die Antwort ankam.</translation>
    </message>
    <message>
        <source>Network error while talking to Clerk: %1</source>
        <translation>Netzwerkfehler bei der Verbindung mit Clerk: %1</translation>
    </message>
    <message>
        <source>Clerk&apos;s answer could not be read: %1</source>
        <translation>Die Antwort von Clerk konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Clerk rejected the secret key: check that it is the right, current key for this instance.</source>
        <translation>Clerk hat den geheimen Schlüssel abgelehnt: Prüfen Sie, ob es der richtige, aktuelle Schlüssel für diese Instanz ist.</translation>
    </message>
    <message>
        <source>Clerk refused this operation for this key or acting user.</source>
        <translation>Clerk verweigert diesen Vorgang für diesen Schlüssel oder handelnden Benutzer.</translation>
    </message>
    <message>
        <source>Clerk refused this operation: %1</source>
        <translation>Clerk verweigert diesen Vorgang: %1</translation>
    </message>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; it accepts requests again in %n second(s).</source>
        <translation>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; Anfragen sind in %n Sekunde wieder möglich.</numerusform>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; Anfragen sind in %n Sekunden wieder möglich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clerk&apos;s rate limit was reached; try again shortly.</source>
        <translation>Das Anfragelimit von Clerk ist erreicht; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Clerk had a server error (HTTP %1). Try again in a moment.</source>
        <translation>Bei Clerk ist ein Serverfehler aufgetreten (HTTP %1). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>%1 (parameter: %2)</source>
        <translation>%1 (Parameter: %2)</translation>
    </message>
    <message>
        <source>Clerk answered HTTP %1: %2</source>
        <translation>Clerk antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <source>Clerk answered HTTP %1.</source>
        <translation>Clerk antwortete mit HTTP %1.</translation>
    </message>
    <message>
        <source>Clerk&apos;s answer did not confirm the change: %1</source>
        <translation>Clerks Antwort hat die Änderung nicht bestätigt: %1</translation>
    </message>
    <message>
        <source>Clerk asked InviteDesk to wait %1 before the next request, longer than the %2 it waits by itself; nothing more was sent. Try again later.</source>
        <translation>Clerk hat InviteDesk gebeten, vor der nächsten Anfrage %1 zu warten, länger als die %2, die es von sich aus wartet; es wurde nichts mehr gesendet. Versuchen Sie es später erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>mehr als ein Jahr</translation>
    </message>
    <message>
        <source>The certificate of %1 was issued by &quot;%2&quot;, which this computer does not trust. If your company inspects HTTPS, add its CA certificate to the profile (or give it with --ca-file or SSL_CERT_FILE).</source>
        <translation>Das Zertifikat von %1 wurde von „%2“ ausgestellt, dem dieser Computer nicht vertraut. Wenn Ihr Unternehmen HTTPS prüft, fügen Sie dessen CA-Zertifikat dem Profil hinzu (oder geben Sie es mit --ca-file oder SSL_CERT_FILE an).</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>InviteDesk never ignores certificate errors.</source>
        <translation>InviteDesk ignoriert Zertifikatsfehler nie.</translation>
    </message>
    <message>
        <source>The proxy asks for a user name and password (HTTP 407), or refused the ones given.</source>
        <translation>Der Proxy verlangt Benutzernamen und Passwort (HTTP 407) oder hat die angegebenen abgelehnt.</translation>
    </message>
    <message>
        <source>The proxy could not be reached or closed the connection (%1). Check the proxy setting.</source>
        <translation>Der Proxy war nicht erreichbar oder hat die Verbindung geschlossen (%1). Prüfen Sie die Proxy-Einstellung.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ConnectionController</name>
    <message>
        <source>No keychain is available on this computer (%1). Enter the key again; it will be kept for this session only.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar (%1). Geben Sie den Schlüssel erneut ein; er wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No key is stored for this profile yet.</source>
        <translation>Für dieses Profil ist noch kein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>This connection comes from %1 and cannot be edited.</source>
        <translation>Diese Verbindung stammt aus %1 und kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>the demo</source>
        <translation>der Demo</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and its stored key?</source>
        <translation>Das Profil „%1“ und seinen gespeicherten Schlüssel löschen?</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>No keychain is available on this computer, so the key cannot be stored safely.

Keep it for this session only? You will be asked again next time.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar, daher kann der Schlüssel nicht sicher gespeichert werden.

Nur für diese Sitzung behalten? Beim nächsten Start werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>The key could not be stored in the keychain (%1).

Keep it for this session only?</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden (%1).

Nur für diese Sitzung behalten?</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message>
        <source>%1

Proxy: %2</source>
        <translation>%1

Proxy: %2</translation>
    </message>
    <message>
        <source>No keychain: the team audit database&apos;s password is kept for this session only.</source>
        <translation>Kein Schlüsselbund: Das Passwort der Team-Prüfdatenbank wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>The keychain stayed locked, so the stored key was not read. Choose the profile again to unlock it, or enter the key here for this session.</source>
        <translation>Der Schlüsselbund blieb gesperrt, daher wurde der gespeicherte Schlüssel nicht gelesen. Wählen Sie das Profil erneut, um ihn zu entsperren, oder geben Sie den Schlüssel hier für diese Sitzung ein.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2
Check the API URL in the profile (Connection → Edit Profile), the network and the proxy settings, then press Retry.</source>
        <translation>%1 ist nicht erreichbar: %2
Prüfen Sie die API-URL im Profil (Verbindung → Profil bearbeiten), das Netzwerk und die Proxy-Einstellungen, dann wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The connection to %1 is not trusted: %2
Check the API URL, or add your company&apos;s CA certificate in the profile.</source>
        <translation>Der Verbindung zu %1 wird nicht vertraut: %2
Prüfen Sie die API-URL oder fügen Sie das CA-Zertifikat Ihrer Firma im Profil hinzu.</translation>
    </message>
    <message>
        <source>Clerk rejected the secret key of the profile &quot;%1&quot;: %2
Edit the profile and enter a valid key.</source>
        <translation>Clerk hat den geheimen Schlüssel des Profils „%1“ abgelehnt: %2
Bearbeiten Sie das Profil und geben Sie einen gültigen Schlüssel ein.</translation>
    </message>
    <message>
        <source>%1 did not answer as Clerk&apos;s API would: %2
Check the API URL in the profile, then press Retry.</source>
        <translation>%1 hat nicht wie Clerks API geantwortet: %2
Prüfen Sie die API-URL im Profil, dann wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Connecting with profile &quot;%1&quot;</source>
        <translation>Verbinden mit Profil „%1“</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %1, %Ln organization(s), with the profile &quot;%2&quot;.</source>
        <translation>
            <numerusform>Verbunden: %1, %Ln Organisation, mit dem Profil „%2“.</numerusform>
            <numerusform>Verbunden: %1, %Ln Organisationen, mit dem Profil „%2“.</numerusform>
        </translation>
    </message>
    <message>
        <source>The proxy %1 asks for a user name and password: %2
Sign in to the proxy to go on.</source>
        <translation>Der Proxy %1 verlangt Benutzername und Kennwort: %2
Melden Sie sich beim Proxy an, um fortzufahren.</translation>
    </message>
    <message>
        <source>No answer from %1 yet. InviteDesk keeps trying for a few minutes; Stop Waiting gives up now and says what to check.</source>
        <translation>Noch keine Antwort von %1. InviteDesk versucht es noch einige Minuten; „Nicht mehr warten“ gibt jetzt auf und sagt, was zu prüfen ist.</translation>
    </message>
    <message>
        <source>Stopped waiting for %1.</source>
        <translation>Warten auf %1 beendet.</translation>
    </message>
    <message>
        <source>%1 accepted the connection but did not answer, and you stopped waiting.
Check the API URL in the profile (Connection → Edit Profile), the network and the proxy settings, then press Retry.</source>
        <translation>%1 hat die Verbindung angenommen, aber nicht geantwortet, und Sie haben das Warten beendet.
Prüfen Sie die API-URL im Profil (Verbindung → Profil bearbeiten), das Netzwerk und die Proxy-Einstellungen, dann wählen Sie „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1). Choose the profile again to retry, or enter the key here for this session.</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden (%1). Wählen Sie das Profil erneut, um es noch einmal zu versuchen, oder geben Sie den Schlüssel hier für diese Sitzung ein.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::EmailSearch</name>
    <message>
        <source>more than %L1 invitations match &quot;%2&quot;; InviteDesk reads at most that many: narrow the search</source>
        <translation>mehr als %L1 Einladungen passen zu „%2“; InviteDesk liest höchstens so viele: grenzen Sie die Suche ein</translation>
    </message>
    <message>
        <source>the address&apos;s application invitations could not be read: %1</source>
        <translation>die Anwendungseinladungen der Adresse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 was revoked while the list was read</source>
        <translation>%1 wurde widerrufen, während die Liste gelesen wurde</translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationDetails</name>
    <message>
        <source>%1 (%2 UTC)</source>
        <translation>%1 (%2 UTC)</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Invitation details</source>
        <translation>Einladungsdetails</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an invitation to see its details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie eine Einladung, um ihre Details zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing in this computer&apos;s audit log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nichts im Prüfprotokoll dieses Computers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation>Eingeladen von</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Invitation ID</source>
        <translation>Einladungs-ID</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Public metadata</source>
        <translation>Öffentliche Metadaten</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading the audit log…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Das Prüfprotokoll wird gelesen …&lt;/p&gt;</translation>
    </message>
    <message>
        <source>In this computer&apos;s audit log</source>
        <translation>Im Prüfprotokoll dieses Computers</translation>
    </message>
    <message>
        <source>Reading it from Clerk…</source>
        <translation>Wird von Clerk gelesen …</translation>
    </message>
    <message>
        <source>It could not be read from Clerk: %1</source>
        <translation>Konnte nicht von Clerk gelesen werden: %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Application invitation: to sign up to the instance, not to an organization</source>
        <translation>Registrierungseinladung: zur Anmeldung bei der Instanz, nicht zu einer Organisation</translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationLoader</name>
    <message>
        <source>the list holds more than %L1 invitations, or the server keeps sending pages; InviteDesk reads at most %L1</source>
        <translation>die Liste enthält mehr als %L1 Einladungen, oder der Server sendet immer weiter Seiten; InviteDesk liest höchstens %L1</translation>
    </message>
    <message>
        <source>Clerk sent a page of invitations already read (after %L1); the list may be incomplete</source>
        <translation>Clerk hat eine Seite bereits gelesener Einladungen geschickt (nach %L1); die Liste ist womöglich unvollständig</translation>
    </message>
    <message>
        <source>Clerk counted %L1 invitations, but %L2 were read</source>
        <translation>Clerk hat %L1 Einladungen gezählt, gelesen wurden %L2</translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationTableModel</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Invited by</source>
        <translation>Eingeladen von</translation>
    </message>
    <message>
        <source>Invitation ID</source>
        <translation>Einladungs-ID</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Created through the API, without an inviter</source>
        <translation>Über die API angelegt, ohne einladende Person</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message numerus="yes">
        <source>%1 — invited %n times: %n pending invitations for this address</source>
        <translation>
            <numerusform>%1 — %n-mal eingeladen: %n offene Einladung für diese Adresse</numerusform>
            <numerusform>%1 — %n-mal eingeladen: %n offene Einladungen für diese Adresse</numerusform>
        </translation>
    </message>
    <message>
        <source>It had already been revoked.</source>
        <translation>Sie war bereits widerrufen.</translation>
    </message>
    <message>
        <source>Trace ID: %1</source>
        <translation>Trace-ID: %1</translation>
    </message>
    <message>
        <source>It is revoked; the answer to this request was lost, so whether this request or someone else revoked it is not known.</source>
        <translation>Sie ist widerrufen; die Antwort auf diese Anfrage ging verloren, daher ist nicht bekannt, ob diese Anfrage oder jemand anderes sie widerrufen hat.</translation>
    </message>
    <message>
        <source>Sign-up invitation</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>An invitation to sign up to the instance at all, in no organization</source>
        <translation>Eine Einladung, sich überhaupt bei der Instanz zu registrieren, in keiner Organisation</translation>
    </message>
    <message>
        <source>Holds characters that may pass for others: %1</source>
        <translation>Enthält Zeichen, die anderen zum Verwechseln ähneln: %1</translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsController</name>
    <message>
        <source>Revoking stopped: the connection was closed.</source>
        <translation>Widerrufen angehalten: Die Verbindung wurde geschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; waiting %n second(s).</source>
        <translation>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; warte %n Sekunde.</numerusform>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; warte %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 changed while it was loading; the list was read again.</source>
        <translation>%1 hat sich während des Ladens geändert; die Liste wurde erneut gelesen.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message numerus="yes">
        <source>Revoking %Ln invitation(s) in %1…</source>
        <translation>
            <numerusform>Widerrufe %Ln Einladung in %1…</numerusform>
            <numerusform>Widerrufe %Ln Einladungen in %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>A revoke interrupted in an earlier session was checked: %1 — %2</source>
        <translation>Ein in einer früheren Sitzung unterbrochener Widerruf wurde geprüft: %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s) for %1 across the instance.</source>
        <translation>
            <numerusform>%Ln Einladung für %1 in der gesamten Instanz.</numerusform>
            <numerusform>%Ln Einladungen für %1 in der gesamten Instanz.</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-inviting %1</source>
        <translation>Erneutes Einladen von %1</translation>
    </message>
    <message numerus="yes">
        <source>Held for %n second(s): Undo still takes it back.</source>
        <translation>
            <numerusform>%n Sekunde zurückgehalten: Rückgängig nimmt es noch zurück.</numerusform>
            <numerusform>%n Sekunden zurückgehalten: Rückgängig nimmt es noch zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln revoke(s) were never sent.</source>
        <translation>
            <numerusform>Rückgängig gemacht: %Ln Widerruf wurde nie gesendet.</numerusform>
            <numerusform>Rückgängig gemacht: %Ln Widerrufe wurden nie gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revoke(s) left open in the audit log belong to another profile or to a run still going in another window or CLI.</source>
        <translation>
            <numerusform>%n im Prüfprotokoll offener Widerruf gehört zu einem anderen Profil oder zu einem Lauf, der in einem anderen Fenster oder CLI noch läuft.</numerusform>
            <numerusform>%n im Prüfprotokoll offene Widerrufe gehören zu einem anderen Profil oder zu einem Lauf, der in einem anderen Fenster oder CLI noch läuft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoking stopped</source>
        <translation>Widerrufen angehalten</translation>
    </message>
    <message>
        <source>New invitation %1 for %2.</source>
        <translation>Neue Einladung %1 für %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s) across the instance, %1.</source>
        <translation>
            <numerusform>%Ln Einladung in der ganzen Instanz, %1.</numerusform>
            <numerusform>%Ln Einladungen in der ganzen Instanz, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln Organisation</numerusform>
            <numerusform>in %Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1 may not be shown whole: %2.</source>
        <translation>%1 wird womöglich nicht vollständig angezeigt: %2.</translation>
    </message>
    <message>
        <source>The revokes are held for Undo: undo them or send them now before opening something else.</source>
        <translation>Die Widerrufe warten auf „Rückgängig“: Machen Sie sie rückgängig oder senden Sie sie jetzt, bevor Sie etwas anderes öffnen.</translation>
    </message>
    <message>
        <source>Wait for the revokes to finish before opening something else.</source>
        <translation>Warten Sie, bis die Widerrufe abgeschlossen sind, bevor Sie etwas anderes öffnen.</translation>
    </message>
    <message>
        <source>%1 (sign-up invitation)</source>
        <translation>%1 (Registrierungseinladung)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln application invitation(s).</source>
        <translation>
            <numerusform>%Ln Registrierungseinladung.</numerusform>
            <numerusform>%Ln Registrierungseinladungen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsHeader</name>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln Mitglied</numerusform>
            <numerusform>%Ln Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending invitation(s)</source>
        <translation>
            <numerusform>%Ln offene Einladung</numerusform>
            <numerusform>%Ln offene Einladungen</numerusform>
        </translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>Obergrenze %1</translation>
    </message>
    <message>
        <source>no membership limit</source>
        <translation>keine Mitgliederobergrenze</translation>
    </message>
    <message numerus="yes">
        <source>At its limit because of pending invitations: no one can join until %Ln of them is revoked.</source>
        <translation>
            <numerusform>Wegen offener Einladungen an der Obergrenze: Niemand kann beitreten, bis %Ln davon widerrufen ist.</numerusform>
            <numerusform>Wegen offener Einladungen an der Obergrenze: Niemand kann beitreten, bis %Ln davon widerrufen sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>At its limit with members alone: revoking invitations frees no seat.</source>
        <translation>Allein durch Mitglieder an der Obergrenze: Das Widerrufen von Einladungen macht keinen Platz frei.</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln Organisation</numerusform>
            <numerusform>in %Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>invitations to sign up, not to an organization</source>
        <translation>Einladungen zur Registrierung, nicht in eine Organisation</translation>
    </message>
    <message>
        <source>No organization selected</source>
        <translation>Keine Organisation gewählt</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 angezeigt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s)</source>
        <translation>
            <numerusform>%Ln Einladung</numerusform>
            <numerusform>%Ln Einladungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 loaded · %2 pending</source>
        <translation>%1 geladen · %2 offen</translation>
    </message>
    <message>
        <source>may be incomplete — %1 reads it again</source>
        <translation>möglicherweise unvollständig — %1 liest sie erneut</translation>
    </message>
    <message>
        <source>incomplete — %1 loads all</source>
        <translation>unvollständig — %1 lädt alle</translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsPage</name>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s) loaded.</source>
        <translation>
            <numerusform>%Ln Einladung geladen.</numerusform>
            <numerusform>%Ln Einladungen geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>email address(es)</source>
        <translation>E-Mail-Adresse(n)</translation>
    </message>
    <message>
        <source>invitation ID(s)</source>
        <translation>Einladungs-ID(s)</translation>
    </message>
    <message>
        <source>invitation link(s)</source>
        <translation>Einladungslink(s)</translation>
    </message>
    <message>
        <source>No address has more than one pending invitation here.</source>
        <translation>Hier hat keine Adresse mehr als eine offene Einladung.</translation>
    </message>
    <message>
        <source>%1 has no pending invitations.</source>
        <translation>%1 hat keine offenen Einladungen.</translation>
    </message>
    <message>
        <source>of %1, in every organization</source>
        <translation>von %1, in allen Organisationen</translation>
    </message>
    <message>
        <source>Nothing was revoked.</source>
        <translation>Es wurde nichts widerrufen.</translation>
    </message>
    <message>
        <source>Copied %1 %2.</source>
        <translation>%1 %2 kopiert.</translation>
    </message>
    <message>
        <source>Summary copied: paste it into the ticket.</source>
        <translation>Übersicht kopiert: Fügen Sie sie in das Ticket ein.</translation>
    </message>
    <message>
        <source>Export invitations</source>
        <translation>Einladungen exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln invitation(s) to %1.</source>
        <translation>
            <numerusform>%Ln Einladung nach %1 exportiert.</numerusform>
            <numerusform>%Ln Einladungen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — invited %2, %3; keeps %4 of %5</source>
        <translation>%1 — eingeladen %2, %3; bleibt: %4 vom %5</translation>
    </message>
    <message>
        <source>%1 — the older duplicates; the newest invitation of each address stays</source>
        <translation>%1 — die älteren Duplikate; die neueste Einladung jeder Adresse bleibt</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln invitation(s)</source>
        <translation>
            <numerusform>%1 — %Ln Einladung</numerusform>
            <numerusform>%1 — %Ln Einladungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rev&amp;oke %Ln…</source>
        <translation>
            <numerusform>Widerru&amp;fen (%Ln)…</numerusform>
            <numerusform>Widerru&amp;fen (%Ln)…</numerusform>
        </translation>
    </message>
    <message>
        <source>Rev&amp;oke…</source>
        <translation>Widerru&amp;fen…</translation>
    </message>
    <message>
        <source>Sort by %1, &amp;Ascending</source>
        <translation>Nach %1 sortieren, &amp;aufsteigend</translation>
    </message>
    <message>
        <source>Sort by %1, De&amp;scending</source>
        <translation>Nach %1 sortieren, a&amp;bsteigend</translation>
    </message>
    <message>
        <source>Re-invite is for a revoked or expired invitation; this one is %1.</source>
        <translation>Erneut einladen geht nur bei einer widerrufenen oder abgelaufenen Einladung; diese ist %1.</translation>
    </message>
    <message>
        <source>Re-invite is for organization invitations; invite this address to sign up again in Clerk&apos;s Dashboard.</source>
        <translation>Erneut einladen gilt für Organisationseinladungen; laden Sie diese Adresse im Clerk-Dashboard erneut zur Registrierung ein.</translation>
    </message>
    <message>
        <source>of %1, in every organization and to sign up</source>
        <translation>von %1, in allen Organisationen und zur Registrierung</translation>
    </message>
</context>
<context>
    <name>InviteDesk::LoadStrip</name>
    <message>
        <source>Loading invitations…</source>
        <translation>Einladungen werden geladen…</translation>
    </message>
    <message>
        <source>Loading cancelled: %1 shown. Press F5 to load everything.</source>
        <translation>Laden abgebrochen: %1 angezeigt. Drücken Sie F5, um alles zu laden.</translation>
    </message>
    <message>
        <source>Loading failed: %1 Press F5 to try again.</source>
        <translation>Laden fehlgeschlagen: %1 Drücken Sie F5 für einen neuen Versuch.</translation>
    </message>
    <message>
        <source>Loaded %1 of %2</source>
        <translation>%1 von %2 geladen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::MainWindow</name>
    <message>
        <source>No organization with the ID or slug &quot;%1&quot;.</source>
        <translation>Keine Organisation mit der ID oder dem Slug „%1“.</translation>
    </message>
    <message>
        <source>Searching organizations</source>
        <translation>Suche nach Organisationen</translation>
    </message>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; continuing in %n second(s).</source>
        <translation>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; weiter in %n Sekunde.</numerusform>
            <numerusform>Das Anfragelimit von Clerk ist erreicht; weiter in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Find an organization to see its invitations.&lt;/p&gt;&lt;p&gt;Type a name, slug or ID in the search field above (Ctrl+L),&lt;br&gt;or paste an organization ID and press Enter.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Suchen Sie eine Organisation, um ihre Einladungen zu sehen.&lt;/p&gt;&lt;p&gt;Geben Sie oben im Suchfeld einen Namen, Slug oder eine ID ein (Strg+L),&lt;br&gt;oder fügen Sie eine Organisations-ID ein und drücken Sie die Eingabetaste.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Revoking in progress</source>
        <translation>Widerrufen läuft</translation>
    </message>
    <message>
        <source>Invitations are still being revoked. Stop after the requests in flight and quit?</source>
        <translation>Es werden noch Einladungen widerrufen. Nach den laufenden Anfragen stoppen und beenden?</translation>
    </message>
    <message>
        <source>LIVE · PRODUCTION INSTANCE — changes affect real users</source>
        <translation>LIVE · PRODUKTIONSINSTANZ — Änderungen betreffen echte Benutzer</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Not connected.&lt;/p&gt;&lt;p&gt;Choose a profile in the toolbar, or create one with Connection → New Profile…&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Nicht verbunden.&lt;/p&gt;&lt;p&gt;Wählen Sie ein Profil in der Werkzeugleiste oder legen Sie eines an: Verbindung → Neues Profil…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>New invitation %1 created for %2.</source>
        <translation>Neue Einladung %1 für %2 angelegt.</translation>
    </message>
    <message>
        <source>Type an email address and press Enter to see its invitations in every organization.</source>
        <translation>Geben Sie eine E-Mail-Adresse ein und drücken Sie die Eingabetaste, um ihre Einladungen in allen Organisationen zu sehen.</translation>
    </message>
    <message>
        <source>Searching every organization for %1.</source>
        <translation>Suche %1 in allen Organisationen.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Try to connect again</source>
        <translation>Erneut verbinden</translation>
    </message>
    <message>
        <source>Waiting for Clerk</source>
        <translation>Warten auf Clerk</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>&amp;Team Activity</source>
        <translation>&amp;Team-Aktivität</translation>
    </message>
    <message>
        <source>&amp;Main Toolbar</source>
        <translation>&amp;Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Connecting to Clerk…</source>
        <translation>Verbindung zu Clerk wird hergestellt…</translation>
    </message>
    <message>
        <source>Searching organizations…</source>
        <translation>Organisationen werden gesucht…</translation>
    </message>
    <message>
        <source>Loading the invitations of every organization.</source>
        <translation>Lade die Einladungen aller Organisationen.</translation>
    </message>
    <message>
        <source>&amp;Sign In to Proxy…</source>
        <translation>Beim Proxy &amp;anmelden…</translation>
    </message>
    <message>
        <source>Re-invite failed: %1</source>
        <translation>Erneutes Einladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Stop Waiting</source>
        <translation>&amp;Nicht mehr warten</translation>
    </message>
    <message>
        <source>Give up this connection attempt</source>
        <translation>Diesen Verbindungsversuch aufgeben</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Connecting to %1…&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Verbindung mit %1 wird hergestellt …&lt;/p&gt;</translation>
    </message>
    <message>
        <source>S&amp;top Waiting</source>
        <translation>Nicht mehr &amp;warten</translation>
    </message>
    <message>
        <source>&amp;Update Profile</source>
        <translation>Profil &amp;ändern</translation>
    </message>
    <message>
        <source>Try Agai&amp;n</source>
        <translation>E&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>Sign In to Prox&amp;y</source>
        <translation>Beim Prox&amp;y anmelden</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;Not connected.&lt;/p&gt;&lt;p&gt;The strip above and the Activity panel say why, and what to do.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;Nicht verbunden.&lt;/p&gt;&lt;p&gt;Die Leiste oben und der Bereich Aktivität sagen, warum, und was zu tun ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>Loading the instance&apos;s application invitations.</source>
        <translation>Lade die Registrierungseinladungen der Instanz.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>InviteDesk::OrganizationSearch</name>
    <message>
        <source>%1 pending</source>
        <translation>%1 offen</translation>
    </message>
    <message>
        <source>%1 more — type more of the name to narrow the list</source>
        <translation>%1 weitere — geben Sie mehr vom Namen ein, um die Liste einzugrenzen</translation>
    </message>
    <message>
        <source>Recent: %1</source>
        <translation>Zuletzt verwendet: %1</translation>
    </message>
    <message>
        <source>All organizations</source>
        <translation>Alle Organisationen</translation>
    </message>
    <message>
        <source>Every invitation of the instance, across organizations (Ctrl+Shift+O)</source>
        <translation>Alle Einladungen der Instanz, über alle Organisationen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Application invitations</source>
        <translation>Registrierungseinladungen</translation>
    </message>
    <message>
        <source>Invitations to sign up to the instance, not to an organization (Ctrl+Shift+P)</source>
        <translation>Einladungen zur Registrierung bei der Instanz, nicht in eine Organisation (Strg+Umschalt+P)</translation>
    </message>
</context>
<context>
    <name>InviteDesk::OrganizationSearchField</name>
    <message>
        <source>Find organization</source>
        <translation>Organisation suchen</translation>
    </message>
    <message>
        <source>Organization or email (Ctrl+L)</source>
        <translation>Organisation oder E-Mail (Strg+L)</translation>
    </message>
    <message>
        <source>An organization&apos;s name, slug or ID, or an email address to find in every organization (Ctrl+L)</source>
        <translation>Name, Slug oder ID einer Organisation oder eine E-Mail-Adresse, die in allen Organisationen gesucht wird (Strg+L)</translation>
    </message>
    <message>
        <source>An organization&apos;s name, slug or ID, or an email address</source>
        <translation>Name, Slug oder ID einer Organisation oder eine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ProfileBar</name>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source> (production)</source>
        <translation> (Produktion)</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>Neues Profil…</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>Profi&amp;l:</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ProfileDialog</name>
    <message>
        <source>Stored in the keychain — type a new key to replace it</source>
        <translation>Im Schlüsselbund gespeichert — geben Sie einen neuen Schlüssel ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>The key is stored in your system&apos;s keychain, never in InviteDesk&apos;s settings.</source>
        <translation>Der Schlüssel wird im Schlüsselbund Ihres Systems gespeichert, nie in den Einstellungen von InviteDesk.</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <source>Type the key to test it.</source>
        <translation>Geben Sie den Schlüssel ein, um ihn zu prüfen.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>a production instance</source>
        <translation>einer Produktionsinstanz</translation>
    </message>
    <message>
        <source>a development instance</source>
        <translation>einer Entwicklungsinstanz</translation>
    </message>
    <message>
        <source>an instance</source>
        <translation>einer Instanz</translation>
    </message>
    <message>
        <source>Connected to %1 with %2 organization(s).</source>
        <translation>Verbunden mit %1 mit %2 Organisation(en).</translation>
    </message>
    <message>
        <source>New connection profile</source>
        <translation>Neues Verbindungsprofil</translation>
    </message>
    <message>
        <source>Edit connection profile</source>
        <translation>Verbindungsprofil bearbeiten</translation>
    </message>
    <message>
        <source>As the system is set</source>
        <translation>Wie im System eingestellt</translation>
    </message>
    <message>
        <source>None (connect directly)</source>
        <translation>Keiner (direkt verbinden)</translation>
    </message>
    <message>
        <source>This proxy:</source>
        <translation>Dieser Proxy:</translation>
    </message>
    <message>
        <source>Extra CA certificate</source>
        <translation>Zusätzliches CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>None: only the system&apos;s certificate authorities are trusted.</source>
        <translation>Keines: nur den Zertifizierungsstellen des Systems wird vertraut.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The team audit database: %1.</source>
        <translation>Team-Prüfdatenbank: %1.</translation>
    </message>
    <message>
        <source>Leave the password out of the team audit URL; InviteDesk takes it from INVITEDESK_AUDIT_PASSWORD or PostgreSQL&apos;s own ~/.pgpass.</source>
        <translation>Lassen Sie das Passwort aus der URL der Team-Prüfdatenbank weg; InviteDesk nimmt es aus INVITEDESK_AUDIT_PASSWORD oder aus PostgreSQLs eigener ~/.pgpass.</translation>
    </message>
    <message>
        <source>Kept in the keychain — type a new one to replace it</source>
        <translation>Im Schlüsselbund gespeichert – ein neues eingeben, um es zu ersetzen</translation>
    </message>
    <message>
        <source>Testing the team audit database…</source>
        <translation>Die Team-Audit-Datenbank wird geprüft …</translation>
    </message>
    <message>
        <source>Kept for this session only — type a new key to replace it</source>
        <translation>Nur für diese Sitzung aufbewahrt — geben Sie einen neuen Schlüssel ein, um ihn zu ersetzen</translation>
    </message>
    <message>
        <source>No keychain took the key: it is kept in memory until InviteDesk quits, and asked for again next time. Never in InviteDesk&apos;s settings.</source>
        <translation>Kein Schlüsselbund hat den Schlüssel aufgenommen: Er bleibt im Speicher, bis InviteDesk beendet wird, und wird beim nächsten Mal erneut abgefragt. Nie in den Einstellungen von InviteDesk.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Extra CA certificate: %1</source>
        <translation>Zusätzliches CA-Zertifikat: %1</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ProxyLoginDialog</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::QuickFilterBar</name>
    <message>
        <source>No quick filter</source>
        <translation>Kein Schnellfilter</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Expires within 24 h (%1)</source>
        <translation>Läuft innerhalb von 24 h ab (%1)</translation>
    </message>
    <message>
        <source>Expires within 7 days (%1)</source>
        <translation>Läuft innerhalb von 7 Tagen ab (%1)</translation>
    </message>
    <message>
        <source>Expired (%1)</source>
        <translation>Abgelaufen (%1)</translation>
    </message>
    <message>
        <source>Invited more than once (%1)</source>
        <translation>Mehrfach eingeladen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Pending longer than %n day(s) (%1)</source>
        <translation>
            <numerusform>Länger als %n Tag offen (%1)</numerusform>
            <numerusform>Länger als %n Tage offen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pending with role %1 (%2)</source>
        <translation>Offen mit Rolle %1 (%2)</translation>
    </message>
</context>
<context>
    <name>InviteDesk::ReinviteDialog</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>This creates a &lt;b&gt;new invitation&lt;/b&gt; to %1 with the same email, role and public metadata. The old invitation stays %2.</source>
        <translation>Dies legt eine &lt;b&gt;neue Einladung&lt;/b&gt; zu %1 mit derselben E-Mail, Rolle und denselben öffentlichen Metadaten an. Die alte Einladung bleibt %2.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Create &amp;Invitation</source>
        <translation>Einladung &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>more than %1 KiB, read again from Clerk and copied whole</source>
        <translation>mehr als %1 KiB, erneut von Clerk gelesen und vollständig übernommen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeDialog</name>
    <message numerus="yes">
        <source>Revoke %Ln invitation(s)</source>
        <translation>
            <numerusform>%Ln Einladung widerrufen</numerusform>
            <numerusform>%Ln Einladungen widerrufen</numerusform>
        </translation>
    </message>
    <message>
        <source>LIVE · PRODUCTION INSTANCE — real users are affected</source>
        <translation>LIVE · PRODUKTIONSINSTANZ — echte Benutzer sind betroffen</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Zum Bestätigen &lt;b&gt;%1&lt;/b&gt; eingeben:</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %Ln Invitation(s)</source>
        <translation>
            <numerusform>%Ln Einladung &amp;widerrufen</numerusform>
            <numerusform>%Ln Einladungen &amp;widerrufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %Ln invitation(s) %1?</source>
        <translation>
            <numerusform>%Ln Einladung %1 widerrufen?</numerusform>
            <numerusform>%Ln Einladungen %1 widerrufen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n invitee(s) will no longer be able to join with their invitation(s).</source>
        <translation>
            <numerusform>Die eingeladene Person kann mit dieser Einladung nicht mehr beitreten.</numerusform>
            <numerusform>Die %n Eingeladenen können mit diesen Einladungen nicht mehr beitreten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You can undo for %n second(s) after you confirm; then it cannot be undone, but you can invite them again.</source>
        <translation>
            <numerusform>Nach dem Bestätigen können Sie es %n Sekunde lang rückgängig machen; danach nicht mehr, Sie können aber erneut einladen.</numerusform>
            <numerusform>Nach dem Bestätigen können Sie es %n Sekunden lang rückgängig machen; danach nicht mehr, Sie können aber erneut einladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone, but you can invite them again.</source>
        <translation>Das lässt sich nicht rückgängig machen, Sie können aber erneut einladen.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokePanel</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message numerus="yes">
        <source> — about %n second(s) left</source>
        <translation>
            <numerusform> — noch etwa %n Sekunde</numerusform>
            <numerusform> — noch etwa %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: letting requests in flight finish…</source>
        <translation>Wird angehalten: laufende Anfragen werden abgeschlossen…</translation>
    </message>
    <message>
        <source> — see the rows marked Failed and the Activity panel</source>
        <translation> — siehe die als fehlgeschlagen markierten Zeilen und den Bereich Aktivität</translation>
    </message>
    <message numerus="yes">
        <source>Undone: the %Ln revoke(s) were never sent.</source>
        <translation>
            <numerusform>Rückgängig gemacht: Der Widerruf wurde nie gesendet.</numerusform>
            <numerusform>Rückgängig gemacht: Die %Ln Widerrufe wurden nie gesendet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking %Ln invitation(s) in %1 s — Undo takes it back</source>
        <translation>
            <numerusform>%Ln Einladung wird in %1 s widerrufen — Rückgängig nimmt es zurück</numerusform>
            <numerusform>%Ln Einladungen werden in %1 s widerrufen — Rückgängig nimmt es zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 settled</source>
        <translation>%1 von %2 erledigt</translation>
    </message>
    <message>
        <source>Revoking: %1</source>
        <translation>Wird widerrufen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Retr&amp;y %Ln Failed</source>
        <translation>
            <numerusform>%Ln fehlgeschlagenen Widerruf &amp;wiederholen</numerusform>
            <numerusform>%Ln fehlgeschlagene Widerrufe &amp;wiederholen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume revoking</source>
        <translation>Widerrufen fortsetzen</translation>
    </message>
    <message>
        <source>Pause revoking</source>
        <translation>Widerrufen pausieren</translation>
    </message>
    <message>
        <source>Send the rest (%1)</source>
        <translation>Den Rest senden (%1)</translation>
    </message>
    <message>
        <source>Send nothing new until resumed (%1)</source>
        <translation>Nichts Neues senden, bis fortgesetzt wird (%1)</translation>
    </message>
    <message>
        <source>Paused: %1. Resume (%2) sends the rest.</source>
        <translation>Pausiert: %1. „Fortsetzen“ (%2) sendet den Rest.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeRun</name>
    <message>
        <source>InviteDesk revoke summary</source>
        <translation>InviteDesk-Widerrufsübersicht</translation>
    </message>
    <message>
        <source>Instance: %1, %2</source>
        <translation>Instanz: %1, %2</translation>
    </message>
    <message>
        <source>Started: %1 UTC</source>
        <translation>Begonnen: %1 UTC</translation>
    </message>
    <message>
        <source>Ticket: %1</source>
        <translation>Ticket: %1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more revoked.</source>
        <translation>
            <numerusform>… und %n weitere widerrufen.</numerusform>
            <numerusform>… und %n weitere widerrufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retried: %n revoke(s) sent again after failing.</source>
        <translation>
            <numerusform>Wiederholt: %n Widerruf nach einem Fehler erneut gesendet.</numerusform>
            <numerusform>Wiederholt: %n Widerrufe nach einem Fehler erneut gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source> (sign-up invitation)</source>
        <translation> (Registrierungseinladung)</translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeTask</name>
    <message numerus="yes">
        <source>the invitation was still pending after %n revoke request(s)</source>
        <translation>
            <numerusform>die Einladung war nach %n Widerrufsanfrage noch offen</numerusform>
            <numerusform>die Einladung war nach %n Widerrufsanfragen noch offen</numerusform>
        </translation>
    </message>
    <message>
        <source>the answer showed the invitation as &quot;%1&quot;, not revoked</source>
        <translation>die Antwort zeigte die Einladung als „%1“, nicht widerrufen</translation>
    </message>
    <message>
        <source>the answer was about another invitation (%1)</source>
        <translation>die Antwort betraf eine andere Einladung (%1)</translation>
    </message>
    <message>
        <source>the re-read returned another invitation (%1)</source>
        <translation>das erneute Lesen lieferte eine andere Einladung (%1)</translation>
    </message>
    <message>
        <source>Whether the revoke was carried out is not known: look before revoking it again.</source>
        <translation>Ob der Widerruf ausgeführt wurde, ist nicht bekannt: sehen Sie nach, bevor Sie ihn erneut widerrufen.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::Session</name>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>LIVE · production</source>
        <translation>LIVE · Produktion</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <source>DEMO · local sandbox</source>
        <translation>DEMO · lokale Sandbox</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The team audit database is not used: %1.</source>
        <translation>Die Team-Prüfdatenbank wird nicht verwendet: %1.</translation>
    </message>
</context>
<context>
    <name>InviteDesk::TeamActivityModel</name>
    <message>
        <source>About to revoke</source>
        <translation>Widerruf beabsichtigt</translation>
    </message>
    <message>
        <source>Revoke: %1</source>
        <translation>Widerruf: %1</translation>
    </message>
    <message>
        <source>About to re-invite</source>
        <translation>Neue Einladung beabsichtigt</translation>
    </message>
    <message>
        <source>Re-invite: %1</source>
        <translation>Neue Einladung: %1</translation>
    </message>
    <message>
        <source>Settled after an interruption: %1</source>
        <translation>Nach einer Unterbrechung geklärt: %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>%1, as the record names the account; sent by the database role %2</source>
        <translation>%1, wie der Eintrag das Konto nennt; gesendet von der Datenbankrolle %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Revoked, by this agent or another (answer lost)</source>
        <translation>Widerrufen, von diesem oder einem anderen Agenten (Antwort verloren)</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>Zeit (%1)</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Achtung</translation>
    </message>
</context>
<context>
    <name>InviteDesk::TeamActivityPanel</name>
    <message>
        <source>ID or part of the name</source>
        <translation>ID oder Teil des Namens</translation>
    </message>
    <message>
        <source>Filter by organization</source>
        <translation>Nach Organisation filtern</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Filter by e-mail address</source>
        <translation>Nach E-Mail-Adresse filtern</translation>
    </message>
    <message>
        <source>operator or database role</source>
        <translation>Bearbeiter oder Datenbankrolle</translation>
    </message>
    <message>
        <source>Filter by agent</source>
        <translation>Nach Agent filtern</translation>
    </message>
    <message>
        <source>SUP-1234</source>
        <translation>SUP-1234</translation>
    </message>
    <message>
        <source>Filter by ticket</source>
        <translation>Nach Ticket filtern</translation>
    </message>
    <message>
        <source>2026-11-01</source>
        <translation>2026-11-01</translation>
    </message>
    <message>
        <source>From date (UTC)</source>
        <translation>Ab Datum (UTC)</translation>
    </message>
    <message>
        <source>2026-12-01</source>
        <translation>2026-12-01</translation>
    </message>
    <message>
        <source>Before date (UTC)</source>
        <translation>Vor Datum (UTC)</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>Tic&amp;ket:</source>
        <translation>Tic&amp;ket:</translation>
    </message>
    <message>
        <source>Search the team&apos;s activity</source>
        <translation>Die Aktivität des Teams durchsuchen</translation>
    </message>
    <message>
        <source>Team activity</source>
        <translation>Team-Aktivität</translation>
    </message>
    <message>
        <source>Team activity status</source>
        <translation>Status der Team-Aktivität</translation>
    </message>
    <message>
        <source>Load the next page of the team&apos;s activity</source>
        <translation>Die nächste Seite der Team-Aktivität laden</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Als CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the team&apos;s activity as CSV</source>
        <translation>Die Team-Aktivität als CSV exportieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s).</source>
        <translation>
            <numerusform>%Ln Eintrag.</numerusform>
            <numerusform>%Ln Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>The team audit database did not answer: %1</source>
        <translation>Die Team-Prüfdatenbank hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>Search to see who revoked or re-invited what, across every agent.</source>
        <translation>Suchen Sie, um zu sehen, wer was widerrufen oder neu eingeladen hat – über alle Agents hinweg.</translation>
    </message>
    <message>
        <source>This profile has no team audit database (Connection → Edit Profile…).</source>
        <translation>Dieses Profil hat keine Team-Prüfdatenbank (Verbindung → Profil bearbeiten…).</translation>
    </message>
    <message>
        <source>Give dates as 2026-11-30.</source>
        <translation>Geben Sie Daten als 2026-11-30 an.</translation>
    </message>
    <message>
        <source>Export the team&apos;s activity</source>
        <translation>Team-Aktivität exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation>
            <numerusform>%Ln Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%Ln Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the %Ln record(s) loaded so far to %1; Load more for the rest.</source>
        <translation>
            <numerusform>Den bisher geladenen %Ln Eintrag nach %1 exportiert; „Weitere laden“ für den Rest.</numerusform>
            <numerusform>Die bisher geladenen %Ln Einträge nach %1 exportiert; „Weitere laden“ für den Rest.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Since:</source>
        <translation>&amp;Seit:</translation>
    </message>
    <message>
        <source>&amp;Before:</source>
        <translation>Vor de&amp;m:</translation>
    </message>
    <message>
        <source>&amp;Load more</source>
        <translation>&amp;Nachladen</translation>
    </message>
    <message>
        <source>New records arrived; Search to see them first.</source>
        <translation>Neue Einträge sind eingetroffen; „Suchen“ zeigt sie zuerst.</translation>
    </message>
    <message numerus="yes">
        <source>The newest %Ln record(s); more in the store.</source>
        <translation>
            <numerusform>Der neueste Eintrag; weitere in der Datenbank.</numerusform>
            <numerusform>Die neuesten %Ln Einträge; weitere in der Datenbank.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln record(s), newest first; Load more for older ones.</source>
        <translation>
            <numerusform>%1 von %Ln Eintrag, neueste zuerst; „Mehr laden“ für ältere.</numerusform>
            <numerusform>%1 von %Ln Einträgen, neueste zuerst; „Mehr laden“ für ältere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s), newest first.</source>
        <translation>
            <numerusform>%Ln Eintrag, neueste zuerst.</numerusform>
            <numerusform>%Ln Einträge, neueste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Organi&amp;zation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-Ma&amp;il:</translation>
    </message>
    <message>
        <source>Se&amp;arch</source>
        <translation>S&amp;uchen</translation>
    </message>
</context>
<context>
    <name>InviteDesk::TeamAuditStatus</name>
    <message>
        <source>Team audit status</source>
        <translation>Status der Team-Prüfdatenbank</translation>
    </message>
    <message numerus="yes">
        <source>Team audit: %n record(s) waiting</source>
        <translation>
            <numerusform>Team-Prüfdatenbank: %n Eintrag wartet</numerusform>
            <numerusform>Team-Prüfdatenbank: %n Einträge warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Being sent to the team audit database.</source>
        <translation>Wird an die Team-Prüfdatenbank gesendet.</translation>
    </message>
    <message>
        <source>Kept in the local log until the team audit database takes them: %1</source>
        <translation>Bleiben im lokalen Protokoll, bis die Team-Prüfdatenbank sie annimmt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Team audit BLOCKED: %n record(s) cannot be sent</source>
        <translation>
            <numerusform>Team-Audit BLOCKIERT: %n Eintrag kann nicht gesendet werden</numerusform>
            <numerusform>Team-Audit BLOCKIERT: %n Einträge können nicht gesendet werden</numerusform>
        </translation>
    </message>
    <message>
        <source>The team audit database refuses this computer&apos;s records until its owner looks: %1. They are kept in the local log. docs/TEAM-AUDIT.md says what to do.</source>
        <translation>Die Team-Audit-Datenbank weist die Einträge dieses Computers ab, bis ihr Eigentümer nachsieht: %1. Sie bleiben im lokalen Protokoll. docs/TEAM-AUDIT.md sagt, was zu tun ist.</translation>
    </message>
    <message>
        <source>Team audit: the sending role could change history</source>
        <translation>Team-Audit: Die sendende Rolle könnte die Geschichte ändern</translation>
    </message>
    <message>
        <source>Team audit blocked: %1. Revokes go on and are kept in the local log; tell the team audit database&apos;s owner (docs/TEAM-AUDIT.md).</source>
        <translation>Team-Audit blockiert: %1. Widerrufe gehen weiter und bleiben im lokalen Protokoll; sagen Sie es dem Eigentümer der Team-Audit-Datenbank (docs/TEAM-AUDIT.md).</translation>
    </message>
    <message>
        <source>Team audit: %1.</source>
        <translation>Team-Audit: %1.</translation>
    </message>
</context>
<context>
    <name>ListingScope</name>
    <message>
        <source>All organizations</source>
        <translation>Alle Organisationen</translation>
    </message>
    <message>
        <source>Application invitations</source>
        <translation>Registrierungseinladungen</translation>
    </message>
    <message>
        <source>all organizations</source>
        <translation>allen Organisationen</translation>
    </message>
    <message>
        <source>the instance (to sign up)</source>
        <translation>der Instanz (zur Registrierung)</translation>
    </message>
    <message>
        <source>Organization: %1 (%2)</source>
        <translation>Organisation: %1 (%2)</translation>
    </message>
    <message>
        <source>Address: %1 (across organizations)</source>
        <translation>Adresse: %1 (über alle Organisationen)</translation>
    </message>
    <message>
        <source>All organizations of the instance</source>
        <translation>Alle Organisationen der Instanz</translation>
    </message>
    <message>
        <source>Application (sign-up) invitations of the instance</source>
        <translation>Registrierungseinladungen der Instanz</translation>
    </message>
    <message>
        <source>Loading invitations of %1</source>
        <translation>Laden der Einladungen von %1</translation>
    </message>
    <message>
        <source>Searching invitations of %1</source>
        <translation>Suche nach Einladungen von %1</translation>
    </message>
    <message>
        <source>Loading the instance&apos;s invitations</source>
        <translation>Laden der Einladungen der Instanz</translation>
    </message>
    <message>
        <source>Loading the instance&apos;s application invitations</source>
        <translation>Laden der Registrierungseinladungen der Instanz</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln Organisation</numerusform>
            <numerusform>in %Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <source>to sign up to the instance</source>
        <translation>zur Registrierung bei der Instanz</translation>
    </message>
</context>
<context>
    <name>LoadStrip</name>
    <message>
        <source>Loading progress</source>
        <translation>Ladefortschritt</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>InviteDesk</source>
        <translation>InviteDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Invitations</source>
        <translation>&amp;Einladungen</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>&amp;Verbindung</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>Find &amp;Organization…</source>
        <translation>&amp;Organisation suchen…</translation>
    </message>
    <message>
        <source>Search for an organization by name, slug or ID</source>
        <translation>Eine Organisation nach Name, Slug oder ID suchen</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;New Profile…</source>
        <translation>&amp;Neues Profil…</translation>
    </message>
    <message>
        <source>Add a connection to a Clerk instance</source>
        <translation>Eine Verbindung zu einer Clerk-Instanz hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit Profile…</source>
        <translation>Profil &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Change the current connection profile</source>
        <translation>Das aktuelle Verbindungsprofil ändern</translation>
    </message>
    <message>
        <source>&amp;Delete Profile</source>
        <translation>Profil &amp;löschen</translation>
    </message>
    <message>
        <source>Remove the current profile and its stored key</source>
        <translation>Das aktuelle Profil und seinen gespeicherten Schlüssel entfernen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Check the key with one request</source>
        <translation>Den Schlüssel mit einer Anfrage prüfen</translation>
    </message>
    <message>
        <source>Show the folder with the audit log</source>
        <translation>Den Ordner mit dem Prüfprotokoll anzeigen</translation>
    </message>
    <message>
        <source>&amp;About InviteDesk</source>
        <translation>&amp;Über InviteDesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Every invitation of an address, in every organization of the instance</source>
        <translation>Alle Einladungen einer Adresse, in allen Organisationen der Instanz</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>&amp;Hold Revokes for 5 Seconds (Undo)</source>
        <translation>Widerrufe 5 Sekunden &amp;zurückhalten (Rückgängig)</translation>
    </message>
    <message>
        <source>Wait five seconds before sending confirmed revokes, with an Undo button</source>
        <translation>Bestätigte Widerrufe fünf Sekunden vor dem Senden zurückhalten, mit einer Schaltfläche zum Rückgängigmachen</translation>
    </message>
    <message>
        <source>Team Activity</source>
        <translation>Team-Aktivität</translation>
    </message>
    <message>
        <source>Open Audit &amp;Log Folder</source>
        <translation>Ordner des Prüfprotokolls ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Find by Email &amp;Address…</source>
        <translation>Nach E-Mail-&amp;Adresse suchen…</translation>
    </message>
    <message>
        <source>All Organi&amp;zations</source>
        <translation>Alle Organisationen &amp;zeigen</translation>
    </message>
    <message>
        <source>Every invitation of the instance, across organizations</source>
        <translation>Alle Einladungen der Instanz, über alle Organisationen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>A&amp;pplication Invitations</source>
        <translation>&amp;Registrierungseinladungen</translation>
    </message>
    <message>
        <source>Invitations to sign up to the instance, not to an organization</source>
        <translation>Einladungen zur Registrierung bei der Instanz, nicht in eine Organisation</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. Acme production</source>
        <translation>z. B. Acme Produktion</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>&amp;API URL:</source>
        <translation>&amp;API-URL:</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>sk_live_… or sk_test_…</source>
        <translation>sk_live_… oder sk_test_…</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>An&amp;zeigen</translation>
    </message>
    <message>
        <source>Optional: user_… (sent as requesting_user_id)</source>
        <translation>Optional: user_… (gesendet als requesting_user_id)</translation>
    </message>
    <message>
        <source>Acting admin user ID</source>
        <translation>Benutzer-ID des handelnden Admins</translation>
    </message>
    <message>
        <source>&amp;Rate budget:</source>
        <translation>Anfrage&amp;budget:</translation>
    </message>
    <message>
        <source>Default (25 % production, 50 % development)</source>
        <translation>Standard (25 % Produktion, 50 % Entwicklung)</translation>
    </message>
    <message>
        <source> % of Clerk&apos;s limit</source>
        <translation> % des Clerk-Limits</translation>
    </message>
    <message>
        <source>Rate budget in percent</source>
        <translation>Anfragebudget in Prozent</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Secret &amp;key:</source>
        <translation>&amp;Geheimer Schlüssel:</translation>
    </message>
    <message>
        <source>Acting a&amp;dmin user ID:</source>
        <translation>Handelnde A&amp;dmin-Benutzer-ID:</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>&amp;Proxy:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>http://proxy.example.com:3128</source>
        <translation>http://proxy.example.com:3128</translation>
    </message>
    <message>
        <source>Proxy URL</source>
        <translation>Proxy-URL</translation>
    </message>
    <message>
        <source>Extra &amp;CA:</source>
        <translation>Zusätzliche &amp;CA:</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Choose an extra CA certificate file</source>
        <translation>Eine zusätzliche CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Stop trusting the extra CA certificate</source>
        <translation>Dem zusätzlichen CA-Zertifikat nicht mehr vertrauen</translation>
    </message>
    <message>
        <source>Team a&amp;udit database:</source>
        <translation>Team-Prü&amp;fdatenbank:</translation>
    </message>
    <message>
        <source>postgresql://agent@db.example.com/invitedesk_audit (optional)</source>
        <translation>postgresql://agent@db.example.com/invitedesk_audit (optional)</translation>
    </message>
    <message>
        <source>Team audit database URL</source>
        <translation>URL der Team-Prüfdatenbank</translation>
    </message>
    <message>
        <source>Every agent&apos;s audit records in one PostgreSQL database; see docs/TEAM-AUDIT.md</source>
        <translation>Die Prüfprotokoll-Einträge aller Agents in einer PostgreSQL-Datenbank; siehe docs/TEAM-AUDIT.md</translation>
    </message>
    <message>
        <source>Its pass&amp;word:</source>
        <translation>Ihr &amp;Kennwort:</translation>
    </message>
    <message>
        <source>Kept in the keychain</source>
        <translation>Wird im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>Team audit database password</source>
        <translation>Passwort der Team-Prüfdatenbank</translation>
    </message>
</context>
<context>
    <name>ProxyLoginDialog</name>
    <message>
        <source>Proxy sign-in</source>
        <translation>Proxy-Anmeldung</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Proxy-Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Proxy-Passwort</translation>
    </message>
    <message>
        <source>They are kept in your system&apos;s keychain with this profile, never in InviteDesk&apos;s settings.</source>
        <translation>Sie werden mit diesem Profil im Schlüsselbund Ihres Systems aufbewahrt, nie in den Einstellungen von InviteDesk.</translation>
    </message>
</context>
<context>
    <name>QDockWidget</name>
    <message>
        <source>Close %1</source>
        <translation>%1 schließen</translation>
    </message>
    <message>
        <source>Detach %1</source>
        <translation>%1 abdocken</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
</context>
<context>
    <name>QToolBar</name>
    <message>
        <source>More toolbar items</source>
        <translation>Weitere Werkzeugleisten-Einträge</translation>
    </message>
</context>
<context>
    <name>QuickFilterBar</name>
    <message>
        <source>&amp;Quick filter:</source>
        <translation>S&amp;chnellfilter:</translation>
    </message>
    <message>
        <source>Quick filter</source>
        <translation>Schnellfilter</translation>
    </message>
    <message>
        <source>Pending longer than, in days</source>
        <translation>Länger offen als, in Tagen</translation>
    </message>
    <message>
        <source>Show invitations pending for longer than this many days (remembered)</source>
        <translation>Einladungen zeigen, die länger als so viele Tage offen sind (wird gemerkt)</translation>
    </message>
</context>
<context>
    <name>ReinviteDialog</name>
    <message>
        <source>Re-invite</source>
        <translation>Erneut einladen</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Public metadata:</source>
        <translation>Öffentliche Metadaten:</translation>
    </message>
    <message>
        <source>&amp;Expires in:</source>
        <translation>&amp;Läuft ab in:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Days until the new invitation expires</source>
        <translation>Tage, bis die neue Einladung abläuft</translation>
    </message>
    <message>
        <source>&amp;Send the invitation email</source>
        <translation>Einladungs-E-Mail &amp;senden</translation>
    </message>
    <message>
        <source>Clerk allows 250 new organization invitations per hour on an instance.</source>
        <translation>Clerk erlaubt 250 neue Organisationseinladungen pro Stunde und Instanz.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke invitations</source>
        <translation>Einladungen widerrufen</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Invitations to revoke</source>
        <translation>Zu widerrufende Einladungen</translation>
    </message>
    <message>
        <source>&amp;Ticket reference:</source>
        <translation>&amp;Ticket-Referenz:</translation>
    </message>
    <message>
        <source>Optional, e.g. SUP-1234 (recorded in the audit log)</source>
        <translation>Optional, z. B. SUP-1234 (wird im Prüfprotokoll vermerkt)</translation>
    </message>
    <message>
        <source>Ticket reference</source>
        <translation>Ticket-Referenz</translation>
    </message>
    <message>
        <source>Organization slug to confirm</source>
        <translation>Slug der Organisation zur Bestätigung</translation>
    </message>
</context>
<context>
    <name>RevokeOutcome</name>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Already revoked</source>
        <translation>Bereits widerrufen</translation>
    </message>
    <message>
        <source>Not pending: already accepted</source>
        <translation>Nicht offen: bereits angenommen</translation>
    </message>
    <message>
        <source>Not pending: expired</source>
        <translation>Nicht offen: abgelaufen</translation>
    </message>
    <message>
        <source>Not pending</source>
        <translation>Nicht offen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Not revoked: still pending</source>
        <translation>Nicht widerrufen: noch offen</translation>
    </message>
    <message>
        <source>Revoked, by this run or another (the answer was lost)</source>
        <translation>Widerrufen, von diesem Lauf oder einem anderen (die Antwort ging verloren)</translation>
    </message>
</context>
<context>
    <name>RevokePanel</name>
    <message>
        <source>Revoke progress</source>
        <translation>Widerrufsfortschritt</translation>
    </message>
    <message>
        <source>Revoke status</source>
        <translation>Widerrufsstatus</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Stop sending; requests in flight finish, the rest is cancelled</source>
        <translation>Nichts mehr senden; laufende Anfragen werden beendet, der Rest abgebrochen</translation>
    </message>
    <message>
        <source>Stop revoking</source>
        <translation>Widerrufen stoppen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undo the held revokes</source>
        <translation>Die zurückgehaltenen Widerrufe rückgängig machen</translation>
    </message>
    <message>
        <source>Send &amp;Now</source>
        <translation>&amp;Jetzt senden</translation>
    </message>
    <message>
        <source>Send the held revokes now</source>
        <translation>Die zurückgehaltenen Widerrufe jetzt senden</translation>
    </message>
    <message>
        <source>Copy a short, redacted summary for the support ticket</source>
        <translation>Eine kurze, bereinigte Übersicht für das Support-Ticket kopieren</translation>
    </message>
    <message>
        <source>Copy summary for the ticket</source>
        <translation>Übersicht für das Ticket kopieren</translation>
    </message>
    <message>
        <source>Retry the failed revokes</source>
        <translation>Die fehlgeschlagenen Widerrufe wiederholen</translation>
    </message>
    <message>
        <source>Dismiss revoke summary</source>
        <translation>Widerrufsübersicht schließen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Retr&amp;y Failed</source>
        <translation>Fehlgeschlagene &amp;wiederholen</translation>
    </message>
    <message>
        <source>Pause revoking</source>
        <translation>Widerrufen pausieren</translation>
    </message>
    <message>
        <source>Co&amp;py Summary</source>
        <translation>&amp;Übersicht kopieren</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>Vers&amp;tanden</translation>
    </message>
</context>
<context>
    <name>StaleRule</name>
    <message>
        <source>&quot;%1&quot; is not a span: write a whole number and h, d or w (36h, 14d, 2w), at most %2 days</source>
        <translation>„%1“ ist keine Zeitspanne: eine ganze Zahl und h, d oder w (36h, 14d, 2w), höchstens %2 Tage</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
</context>
<context>
    <name>TeamAudit</name>
    <message>
        <source>record %1 was changed after it was written</source>
        <translation>Eintrag %1 wurde nach dem Schreiben geändert</translation>
    </message>
    <message>
        <source>the team audit URL must look like postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>die URL der Team-Prüfdatenbank muss die Form postgresql://BENUTZER@HOST:PORT/DATENBANK haben</translation>
    </message>
    <message>
        <source>the team audit URL names no host</source>
        <translation>die URL der Team-Prüfdatenbank nennt keinen Host</translation>
    </message>
    <message>
        <source>the team audit URL names no database (…/DATABASE at its end)</source>
        <translation>die URL der Team-Prüfdatenbank nennt keine Datenbank (…/DATENBANK am Ende)</translation>
    </message>
    <message>
        <source>the team audit URL&apos;s port is not a port</source>
        <translation>der Port der URL der Team-Prüfdatenbank ist kein gültiger Port</translation>
    </message>
    <message>
        <source>sslmode must be one of %1</source>
        <translation>sslmode muss einer dieser Werte sein: %1</translation>
    </message>
    <message>
        <source>sslrootcert must be a file path without &apos;;&apos;</source>
        <translation>sslrootcert muss ein Dateipfad ohne &apos;;&apos; sein</translation>
    </message>
    <message>
        <source>the team audit database has no InviteDesk tables yet, and %1 may not create them (%2); its owner creates them once, see docs/TEAM-AUDIT.md</source>
        <translation>die Team-Prüfdatenbank hat noch keine InviteDesk-Tabellen, und %1 darf sie nicht anlegen (%2); ihr Eigentümer legt sie einmal an, siehe docs/TEAM-AUDIT.md</translation>
    </message>
    <message>
        <source>cannot read the team audit schema version: %1</source>
        <translation>die Schemaversion der Team-Prüfdatenbank ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the team audit database has schema version %1, newer than this InviteDesk knows (%2); update InviteDesk</source>
        <translation>die Team-Prüfdatenbank hat die Schemaversion %1, neuer als diese InviteDesk-Version kennt (%2); aktualisieren Sie InviteDesk</translation>
    </message>
    <message>
        <source>cannot read the local audit log %1: %2</source>
        <translation>das lokale Prüfprotokoll %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>the local audit log does not start with record 1; `audit verify` says why</source>
        <translation>das lokale Prüfprotokoll beginnt nicht mit Eintrag 1; `audit verify` sagt, warum</translation>
    </message>
    <message>
        <source>record %1 is missing</source>
        <translation>Eintrag %1 fehlt</translation>
    </message>
    <message>
        <source>records %1 to %2 are missing</source>
        <translation>Einträge %1 bis %2 fehlen</translation>
    </message>
    <message>
        <source>record %1 does not follow record %2: one of them was replaced</source>
        <translation>Eintrag %1 folgt nicht auf Eintrag %2: einer von beiden wurde ersetzt</translation>
    </message>
    <message>
        <source>local record %1 is missing in the team store</source>
        <translation>lokaler Eintrag %1 fehlt in der Team-Datenbank</translation>
    </message>
    <message>
        <source>local record %1 differs from the team store&apos;s</source>
        <translation>lokaler Eintrag %1 weicht von dem der Team-Datenbank ab</translation>
    </message>
    <message>
        <source>the local audit log&apos;s head file is damaged; `audit verify` says more</source>
        <translation>die Kopfdatei des lokalen Prüfprotokolls ist beschädigt; `audit verify` sagt mehr</translation>
    </message>
    <message>
        <source>the team store holds records %1 to %2 of this log, which the local log does not; `audit verify --audit-url` says more</source>
        <translation>die Team-Prüfdatenbank enthält die Einträge %1 bis %2 dieses Protokolls, die das lokale Protokoll nicht hat; `audit verify --audit-url` sagt mehr</translation>
    </message>
    <message>
        <source>record %1 was sent by the database role %2, the records before it by %3</source>
        <translation>Eintrag %1 wurde von der Datenbankrolle %2 gesendet, die Einträge davor von %3</translation>
    </message>
    <message>
        <source>the team store holds records %1 to %2 of this log, which the local log does not</source>
        <translation>die Team-Prüfdatenbank enthält die Einträge %1 bis %2 dieses Protokolls, die das lokale Protokoll nicht hat</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>the team store did not finish the connection within %1 s</source>
        <translation>die Team-Datenbank hat die Verbindung nicht innerhalb von %1 s hergestellt</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver did not hand out its connection</source>
        <translation>Qts PostgreSQL-Treiber hat seine Verbindung nicht herausgegeben</translation>
    </message>
    <message>
        <source>this build has no libpq</source>
        <translation>dieser Build hat keine libpq</translation>
    </message>
    <message>
        <source>the team store did not answer within %1 s (frozen, or the network lost)</source>
        <translation>die Team-Datenbank hat nicht innerhalb von %1 s geantwortet (eingefroren, oder das Netz ist weg)</translation>
    </message>
    <message>
        <source>it cannot be used</source>
        <translation>sie kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>the team store no longer holds records %1 to %2 of this log, which it had taken (deleted, or restored from an older backup); tell its owner (docs/TEAM-AUDIT.md, &quot;When the store refuses an agent&apos;s records&quot;), then `invitedesk-cli audit sync --resend` sends them again</source>
        <translation>die Team-Datenbank hat die Einträge %1 bis %2 dieses Protokolls nicht mehr, die sie schon angenommen hatte (gelöscht, oder aus einer älteren Sicherung wiederhergestellt); sagen Sie es ihrem Eigentümer (docs/TEAM-AUDIT.md, „When the store refuses an agent&apos;s records“), dann sendet `invitedesk-cli audit sync --resend` sie erneut</translation>
    </message>
    <message>
        <source>the local audit log has no record %1, which the team store holds; `audit verify` says more</source>
        <translation>das lokale Audit-Protokoll hat keinen Eintrag %1, den die Team-Datenbank hat; `audit verify` sagt mehr</translation>
    </message>
    <message>
        <source>the team store holds a different record %1 for this log, so nothing after it can be sent; `audit verify --audit-url` says where</source>
        <translation>die Team-Datenbank hat einen anderen Eintrag %1 für dieses Protokoll, daher kann nichts danach gesendet werden; `audit verify --audit-url` sagt, wo</translation>
    </message>
    <message>
        <source>the team store holds this log&apos;s records sent by the database role %1, not %2, so this log&apos;s own cannot follow them; `audit verify --audit-url` says more</source>
        <translation>die Team-Datenbank hat die Einträge dieses Protokolls von der Datenbankrolle %1 gesendet, nicht von %2, daher können die eigenen nicht folgen; `audit verify --audit-url` sagt mehr</translation>
    </message>
    <message>
        <source>a line of the local audit log after record %1 is not its next record; `audit verify` says more</source>
        <translation>eine Zeile des lokalen Audit-Protokolls nach Eintrag %1 ist nicht dessen nächster Eintrag; `audit verify` sagt mehr</translation>
    </message>
    <message>
        <source>the team store refuses records %1 to %2 of this log: %3</source>
        <translation>die Team-Datenbank weist die Einträge %1 bis %2 dieses Protokolls ab: %3</translation>
    </message>
    <message>
        <source>record %1 is larger than any InviteDesk writes (64 KiB); it was not read</source>
        <translation>Eintrag %1 ist größer als alles, was InviteDesk schreibt (64 KiB); er wurde nicht gelesen</translation>
    </message>
    <message>
        <source>record %1&apos;s columns %2 do not say what its record says</source>
        <translation>die Spalten %2 von Eintrag %1 sagen nicht, was sein Eintrag sagt</translation>
    </message>
    <message>
        <source>this log&apos;s records in the team store were sent by the database role %1, not %2: someone sent them first (docs/TEAM-AUDIT.md, &quot;When the store refuses an agent&apos;s records&quot;)</source>
        <translation>die Einträge dieses Protokolls in der Team-Datenbank wurden von der Datenbankrolle %1 gesendet, nicht von %2: jemand hat sie zuerst gesendet (docs/TEAM-AUDIT.md, „When the store refuses an agent&apos;s records“)</translation>
    </message>
    <message>
        <source>the team store no longer holds records %1 to %2 of this log, which it had taken</source>
        <translation>die Team-Datenbank hat die Einträge %1 bis %2 dieses Protokolls nicht mehr, die sie schon angenommen hatte</translation>
    </message>
    <message>
        <source>its chain&apos;s first record is not in the store</source>
        <translation>der erste Eintrag seiner Kette ist nicht in der Datenbank</translation>
    </message>
    <message>
        <source>sent by the role %1 into a history started by %2</source>
        <translation>von der Rolle %1 in eine Geschichte gesendet, die %2 begonnen hat</translation>
    </message>
    <message>
        <source>names %1 in a history started by %2</source>
        <translation>nennt %1 in einer Geschichte, die %2 begonnen hat</translation>
    </message>
    <message>
        <source>%1 may not use the team audit database&apos;s schema yet (%2): its owner creates InviteDesk&apos;s tables once and grants the agents their use, see docs/TEAM-AUDIT.md, steps 3 and 4</source>
        <translation>%1 darf das Schema der Team-Audit-Datenbank noch nicht verwenden (%2): ihr Eigentümer legt die Tabellen von InviteDesk einmal an und erlaubt den Agenten ihre Verwendung, siehe docs/TEAM-AUDIT.md, Schritte 3 und 4</translation>
    </message>
    <message>
        <source>the team audit database is at schema version %1 and %2 may not bring it to version %3 (%4); its owner does that once, see docs/TEAM-AUDIT.md</source>
        <translation>die Team-Audit-Datenbank hat die Schemaversion %1, und %2 darf sie nicht auf Version %3 bringen (%4); ihr Eigentümer tut das einmal, siehe docs/TEAM-AUDIT.md</translation>
    </message>
    <message>
        <source>migrated InviteDesk&apos;s tables from schema version %1 to %2</source>
        <translation>die Tabellen von InviteDesk von Schemaversion %1 auf %2 gebracht</translation>
    </message>
    <message>
        <source>created InviteDesk&apos;s tables (schema version %1)</source>
        <translation>die Tabellen von InviteDesk angelegt (Schemaversion %1)</translation>
    </message>
    <message>
        <source>is a superuser</source>
        <translation>ist Superuser</translation>
    </message>
    <message>
        <source>owns the table</source>
        <translation>besitzt die Tabelle</translation>
    </message>
    <message>
        <source>may UPDATE</source>
        <translation>darf UPDATE</translation>
    </message>
    <message>
        <source>may DELETE</source>
        <translation>darf DELETE</translation>
    </message>
    <message>
        <source>may TRUNCATE</source>
        <translation>darf TRUNCATE</translation>
    </message>
    <message>
        <source>the database role %1 %2: it could change the team&apos;s history; agents should send with a role that may only add and read records (docs/TEAM-AUDIT.md)</source>
        <translation>die Datenbankrolle %1 %2: sie könnte die Geschichte des Teams ändern; Agenten sollten mit einer Rolle senden, die Einträge nur hinzufügen und lesen darf (docs/TEAM-AUDIT.md)</translation>
    </message>
    <message>
        <source>sslmode=%1 would send the team&apos;s records and the password to %2 unencrypted, or to whoever answers; use verify-full (or verify-ca, or require) for a host other than this computer</source>
        <translation>sslmode=%1 würde die Einträge des Teams und das Passwort unverschlüsselt an %2 senden, oder an wen auch immer antwortet; verwenden Sie verify-full (oder verify-ca, oder require) für einen anderen Rechner als diesen</translation>
    </message>
    <message>
        <source>%1 must be a whole number of seconds from 1 to %2</source>
        <translation>%1 muss eine ganze Zahl von Sekunden zwischen 1 und %2 sein</translation>
    </message>
    <message>
        <source>unknown team audit URL option &quot;%1&quot; (sslmode, sslrootcert, connect_timeout and statement_timeout are known)</source>
        <translation>unbekannte Option „%1“ in der URL der Team-Audit-Datenbank (bekannt sind sslmode, sslrootcert, connect_timeout und statement_timeout)</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (qsqlpsql.dll in sqldrivers) or the PostgreSQL client library it loads (libpq.dll) is missing from InviteDesk&apos;s folder, so it cannot use a team audit store; the installer and the ZIP of an InviteDesk release include both: reinstall InviteDesk</source>
        <translation>Qts PostgreSQL-Treiber (qsqlpsql.dll in sqldrivers) oder die PostgreSQL-Clientbibliothek, die er lädt (libpq.dll), fehlt im Ordner von InviteDesk, daher kann es keine Team-Audit-Datenbank verwenden; das Installationsprogramm und das ZIP einer InviteDesk-Version enthalten beide: Installieren Sie InviteDesk neu</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) or the PostgreSQL client library it loads (libpq) cannot be loaded from InviteDesk.app, so it cannot use a team audit store; the app of an InviteDesk release includes both: reinstall InviteDesk</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) oder die PostgreSQL-Clientbibliothek, die er lädt (libpq), lässt sich aus InviteDesk.app nicht laden, daher kann es keine Team-Audit-Datenbank verwenden; die App einer InviteDesk-Version enthält beide: Installieren Sie InviteDesk neu</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed, so InviteDesk cannot use a team audit store; install your distribution&apos;s package of it (Debian, Ubuntu: libqt6sql6-psql; Fedora: qt6-qtbase-postgresql)</source>
        <translation>Qts PostgreSQL-Treiber (QPSQL) ist nicht installiert, daher kann InviteDesk keine Team-Audit-Datenbank verwenden; installieren Sie das Paket Ihrer Distribution dafür (Debian, Ubuntu: libqt6sql6-psql; Fedora: qt6-qtbase-postgresql)</translation>
    </message>
    <message>
        <source>this InviteDesk was built without PostgreSQL support (its Qt has no PostgreSQL driver), so it cannot use a team audit store; InviteDesk&apos;s release installers include it</source>
        <translation>dieses InviteDesk wurde ohne PostgreSQL-Unterstützung gebaut (sein Qt hat keinen PostgreSQL-Treiber) und kann daher keinen Team-Audit-Datenbank nutzen; die Installationsprogramme der InviteDesk-Releases enthalten ihn</translation>
    </message>
</context>
<context>
    <name>TeamAuditTest</name>
    <message>
        <source>The team audit database answers and is ready.</source>
        <translation>Die Team-Audit-Datenbank antwortet und ist bereit.</translation>
    </message>
    <message>
        <source>The team audit database cannot be used: %1.</source>
        <translation>Die Team-Audit-Datenbank kann nicht verwendet werden: %1.</translation>
    </message>
    <message>
        <source>Warning: %1.</source>
        <translation>Warnung: %1.</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monaten</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>expired %1 ago</source>
        <translation>abgelaufen vor %1</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Revoke Clerk organization invitations safely.</source>
        <translation>Einladungen zu Clerk-Organisationen sicher widerrufen.</translation>
    </message>
    <message>
        <source>Start a local Clerk sandbox with demo data and connect to it (no Clerk account needed).</source>
        <translation>Eine lokale Clerk-Sandbox mit Demodaten starten und verbinden (kein Clerk-Konto nötig).</translation>
    </message>
    <message>
        <source>Open this organization (ID or slug).</source>
        <translation>Diese Organisation öffnen (ID oder Slug).</translation>
    </message>
    <message>
        <source>Start, show the window once, and quit (for installation checks).</source>
        <translation>Starten, das Fenster einmal zeigen und beenden (für Installationsprüfungen).</translation>
    </message>
    <message>
        <source>Demo sandbox</source>
        <translation>Demo-Sandbox</translation>
    </message>
</context>
</TS>
