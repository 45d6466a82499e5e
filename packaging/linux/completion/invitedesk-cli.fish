# fish completion for invitedesk-cli; the options per command mirror src/cli/Options.cpp.

set -l commands orgs list find revoke audit
complete -c invitedesk-cli -f

# Before the command
complete -c invitedesk-cli -n "not __fish_seen_subcommand_from $commands" -a orgs -d 'List or search organizations'
complete -c invitedesk-cli -n "not __fish_seen_subcommand_from $commands" -a list -d 'Invitations of an organization, of all, or the application invitations'
complete -c invitedesk-cli -n "not __fish_seen_subcommand_from $commands" -a find -d 'Every invitation of an email address'
complete -c invitedesk-cli -n "not __fish_seen_subcommand_from $commands" -a revoke -d 'Revoke invitations'
complete -c invitedesk-cli -n "not __fish_seen_subcommand_from $commands" -a audit -d 'Check, send, query or export the audit log'
complete -c invitedesk-cli -l api-url -x -d 'Clerk Backend API base URL'
complete -c invitedesk-cli -l ca-file -r -F -d 'Also trust the CA certificates in this PEM file'
complete -c invitedesk-cli -l proxy -x -a 'none system http://' -d 'HTTP proxy'
complete -c invitedesk-cli -l audit-url -x -d 'Team audit store (postgresql://...)'
complete -c invitedesk-cli -s h -l help -d 'Show the help'
complete -c invitedesk-cli -l version -d 'Show the version'

# Shared by several commands
complete -c invitedesk-cli -n '__fish_seen_subcommand_from orgs list find revoke team' -l format -x -a 'table csv json' -d 'Output format'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from list find' -l status -x -a 'pending accepted revoked expired all' -d 'Invitation status'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from list find revoke' -l rate-budget -x -d 'Share of the rate limit (percent)'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from list revoke' -l all-orgs -d 'Every organization of the instance'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from list revoke' -l application -d 'Application invitations'

complete -c invitedesk-cli -n '__fish_seen_subcommand_from orgs' -l query -x -d 'ID, name or slug'

complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke' -l from-file -r -F -d 'Read invitation IDs from a file (- for stdin)'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke' -l yes -d 'Do not ask for confirmation'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke' -l acting-user -x -d 'Acting admin user ID'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke team' -l ticket -x -d 'Ticket reference'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke' -l older-than -x -d 'Pending longer than (36h, 14d, 2w)'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from revoke' -l dry-run -d 'Print what --older-than picks, revoke nothing'

# audit
complete -c invitedesk-cli -n '__fish_seen_subcommand_from audit; and not __fish_seen_subcommand_from verify sync team export' -a 'verify sync team export'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from verify sync export' -l file -r -F -d 'Audit log'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from sync' -l resend -d 'Send lost records again'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from export' -l csv -d 'Write CSV'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l organization -x -d 'Organization'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l email -x -d 'Email address'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l agent -x -d 'Agent'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l since -x -d 'From this date or time'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l until -x -d 'Before this date or time'
complete -c invitedesk-cli -n '__fish_seen_subcommand_from team' -l intents -d 'Also show the intents'
