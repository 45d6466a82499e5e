<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLog</name>
    <message numerus="yes">
        <source>the last line is incomplete (%n byte(s), a write cut off by a full disk or a crash); the next write removes it and records that</source>
        <translation>
            <numerusform>the last line is incomplete (%n byte, a write cut off by a full disk or a crash); the next write removes it and records that</numerusform>
            <numerusform>the last line is incomplete (%n bytes, a write cut off by a full disk or a crash); the next write removes it and records that</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkSummary</name>
    <message numerus="yes">
        <source>%Ln revoked by this run or another (answer lost)</source>
        <translation>
            <numerusform>%Ln revoked by this run or another (answer lost)</numerusform>
            <numerusform>%Ln revoked by this run or another (answers lost)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln revoked</source>
        <translation>
            <numerusform>%Ln revoked</numerusform>
            <numerusform>%Ln revoked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already revoked</source>
        <translation>
            <numerusform>%Ln already revoked</numerusform>
            <numerusform>%Ln already revoked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln no longer pending</source>
        <translation>
            <numerusform>%Ln no longer pending</numerusform>
            <numerusform>%Ln no longer pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not found</source>
        <translation>
            <numerusform>%Ln not found</numerusform>
            <numerusform>%Ln not found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln forbidden</source>
        <translation>
            <numerusform>%Ln forbidden</numerusform>
            <numerusform>%Ln forbidden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::BulkRevoker</name>
    <message numerus="yes">
        <source>%n revoke(s) in a row got no answer in time: Clerk is not answering, so the rest is not sent.</source>
        <translation>
            <numerusform>%n revoke got no answer in time: Clerk is not answering, so the rest is not sent.</numerusform>
            <numerusform>%n revokes in a row got no answer in time: Clerk is not answering, so the rest is not sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::ClerkClient</name>
    <message numerus="yes">
        <source>%1: the proxy did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1: the proxy did not answer within %n second</numerusform>
            <numerusform>%1: the proxy did not answer within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no complete answer within %n second(s)</source>
        <translation>
            <numerusform>no complete answer within %n second</numerusform>
            <numerusform>no complete answer within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The API kept redirecting (more than %n time(s)); check the API URL.</source>
        <translation>
            <numerusform>The API kept redirecting (more than %n time); check the API URL.</numerusform>
            <numerusform>The API kept redirecting (more than %n times); check the API URL.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::ClerkError</name>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; it accepts requests again in %n second(s).</source>
        <translation>
            <numerusform>Clerk&apos;s rate limit was reached; it accepts requests again in %n second.</numerusform>
            <numerusform>Clerk&apos;s rate limit was reached; it accepts requests again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::ConnectionController</name>
    <message numerus="yes">
        <source>Connected: %1, %Ln organization(s), with the profile &quot;%2&quot;.</source>
        <translation>
            <numerusform>Connected: %1, %Ln organization, with the profile &quot;%2&quot;.</numerusform>
            <numerusform>Connected: %1, %Ln organizations, with the profile &quot;%2&quot;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationTableModel</name>
    <message numerus="yes">
        <source>%1 — invited %n times: %n pending invitations for this address</source>
        <translation>
            <numerusform>%1 — invited once: %n pending invitation for this address</numerusform>
            <numerusform>%1 — invited %n times: %n pending invitations for this address</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsController</name>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; waiting %n second(s).</source>
        <translation>
            <numerusform>Clerk&apos;s rate limit was reached; waiting %n second.</numerusform>
            <numerusform>Clerk&apos;s rate limit was reached; waiting %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking %Ln invitation(s) in %1…</source>
        <translation>
            <numerusform>Revoking %Ln invitation in %1…</numerusform>
            <numerusform>Revoking %Ln invitations in %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s) for %1 across the instance.</source>
        <translation>
            <numerusform>%Ln invitation for %1 across the instance.</numerusform>
            <numerusform>%Ln invitations for %1 across the instance.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Held for %n second(s): Undo still takes it back.</source>
        <translation>
            <numerusform>Held for %n second: Undo still takes it back.</numerusform>
            <numerusform>Held for %n seconds: Undo still takes it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %Ln revoke(s) were never sent.</source>
        <translation>
            <numerusform>Undone: %Ln revoke was never sent.</numerusform>
            <numerusform>Undone: %Ln revokes were never sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n revoke(s) left open in the audit log belong to another profile or to a run still going in another window or CLI.</source>
        <translation>
            <numerusform>%n revoke left open in the audit log belongs to another profile or to a run still going in another window or CLI.</numerusform>
            <numerusform>%n revokes left open in the audit log belong to another profile or to a run still going in another window or CLI.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln application invitation(s).</source>
        <translation>
            <numerusform>%Ln application invitation.</numerusform>
            <numerusform>%Ln application invitations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s) across the instance, %1.</source>
        <translation>
            <numerusform>%Ln invitation across the instance, %1.</numerusform>
            <numerusform>%Ln invitations across the instance, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln organization</numerusform>
            <numerusform>in %Ln organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsHeader</name>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending invitation(s)</source>
        <translation>
            <numerusform>%Ln pending invitation</numerusform>
            <numerusform>%Ln pending invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At its limit because of pending invitations: no one can join until %Ln of them is revoked.</source>
        <translation>
            <numerusform>At its limit because of pending invitations: no one can join until %Ln of them is revoked.</numerusform>
            <numerusform>At its limit because of pending invitations: no one can join until %Ln of them are revoked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln organization</numerusform>
            <numerusform>in %Ln organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln invitation(s)</source>
        <translation>
            <numerusform>%Ln invitation</numerusform>
            <numerusform>%Ln invitations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::InvitationsPage</name>
    <message numerus="yes">
        <source>%Ln invitation(s) loaded.</source>
        <translation>
            <numerusform>%Ln invitation loaded.</numerusform>
            <numerusform>%Ln invitations loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln invitation(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln invitation to %1.</numerusform>
            <numerusform>Exported %Ln invitations to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %Ln invitation(s)</source>
        <translation>
            <numerusform>%1 — %Ln invitation</numerusform>
            <numerusform>%1 — %Ln invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rev&amp;oke %Ln…</source>
        <translation>
            <numerusform>Rev&amp;oke %Ln…</numerusform>
            <numerusform>Rev&amp;oke %Ln…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::MainWindow</name>
    <message numerus="yes">
        <source>Clerk&apos;s rate limit was reached; continuing in %n second(s).</source>
        <translation>
            <numerusform>Clerk&apos;s rate limit was reached; continuing in %n second.</numerusform>
            <numerusform>Clerk&apos;s rate limit was reached; continuing in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::QuickFilterBar</name>
    <message numerus="yes">
        <source>Pending longer than %n day(s) (%1)</source>
        <translation>
            <numerusform>Pending longer than %n day (%1)</numerusform>
            <numerusform>Pending longer than %n days (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeDialog</name>
    <message numerus="yes">
        <source>Revoke %Ln invitation(s)</source>
        <translation>
            <numerusform>Revoke %Ln invitation</numerusform>
            <numerusform>Revoke %Ln invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Revoke %Ln Invitation(s)</source>
        <translation>
            <numerusform>&amp;Revoke %Ln Invitation</numerusform>
            <numerusform>&amp;Revoke %Ln Invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %Ln invitation(s) %1?</source>
        <translation>
            <numerusform>Revoke %Ln invitation %1?</numerusform>
            <numerusform>Revoke %Ln invitations %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n invitee(s) will no longer be able to join with their invitation(s).</source>
        <translation>
            <numerusform>The invitee will no longer be able to join with this invitation.</numerusform>
            <numerusform>The %n invitees will no longer be able to join with these invitations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You can undo for %n second(s) after you confirm; then it cannot be undone, but you can invite them again.</source>
        <translation>
            <numerusform>You can undo for %n second after you confirm; then it cannot be undone, but you can invite them again.</numerusform>
            <numerusform>You can undo for %n seconds after you confirm; then it cannot be undone, but you can invite them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokePanel</name>
    <message numerus="yes">
        <source> — about %n second(s) left</source>
        <translation>
            <numerusform> — about %n second left</numerusform>
            <numerusform> — about %n seconds left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: the %Ln revoke(s) were never sent.</source>
        <translation>
            <numerusform>Undone: the revoke was never sent.</numerusform>
            <numerusform>Undone: the %Ln revokes were never sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoking %Ln invitation(s) in %1 s — Undo takes it back</source>
        <translation>
            <numerusform>Revoking %Ln invitation in %1 s — Undo takes it back</numerusform>
            <numerusform>Revoking %Ln invitations in %1 s — Undo takes it back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retr&amp;y %Ln Failed</source>
        <translation>
            <numerusform>Retr&amp;y %Ln Failed</numerusform>
            <numerusform>Retr&amp;y %Ln Failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeRun</name>
    <message numerus="yes">
        <source>… and %n more revoked.</source>
        <translation>
            <numerusform>… and %n more revoked.</numerusform>
            <numerusform>… and %n more revoked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retried: %n revoke(s) sent again after failing.</source>
        <translation>
            <numerusform>Retried: %n revoke sent again after failing.</numerusform>
            <numerusform>Retried: %n revokes sent again after failing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::RevokeTask</name>
    <message numerus="yes">
        <source>the invitation was still pending after %n revoke request(s)</source>
        <translation>
            <numerusform>the invitation was still pending after %n revoke request</numerusform>
            <numerusform>the invitation was still pending after %n revoke requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::TeamActivityPanel</name>
    <message numerus="yes">
        <source>The newest %Ln record(s); more in the store.</source>
        <translation>
            <numerusform>The newest record; more in the store.</numerusform>
            <numerusform>The newest %Ln records; more in the store.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln record(s), newest first; Load more for older ones.</source>
        <translation>
            <numerusform>%1 of %Ln record, newest first; Load more for older ones.</numerusform>
            <numerusform>%1 of %Ln records, newest first; Load more for older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s), newest first.</source>
        <translation>
            <numerusform>%Ln record, newest first.</numerusform>
            <numerusform>%Ln records, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s).</source>
        <translation>
            <numerusform>%Ln record.</numerusform>
            <numerusform>%Ln records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln record to %1.</numerusform>
            <numerusform>Exported %Ln records to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported the %Ln record(s) loaded so far to %1; Load more for the rest.</source>
        <translation>
            <numerusform>Exported the %Ln record loaded so far to %1; Load more for the rest.</numerusform>
            <numerusform>Exported the %Ln records loaded so far to %1; Load more for the rest.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InviteDesk::TeamAuditStatus</name>
    <message numerus="yes">
        <source>Team audit BLOCKED: %n record(s) cannot be sent</source>
        <translation>
            <numerusform>Team audit BLOCKED: %n record cannot be sent</numerusform>
            <numerusform>Team audit BLOCKED: %n records cannot be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team audit: %n record(s) waiting</source>
        <translation>
            <numerusform>Team audit: %n record waiting</numerusform>
            <numerusform>Team audit: %n records waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingScope</name>
    <message numerus="yes">
        <source>in %Ln organization(s)</source>
        <translation>
            <numerusform>in %Ln organization</numerusform>
            <numerusform>in %Ln organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
</TS>
