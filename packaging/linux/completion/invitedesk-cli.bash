# bash completion for invitedesk-cli                                  -*- shell-script -*-
# The options per command mirror src/cli/Options.cpp; packaging/check-manpage.sh checks that the man
# page and this file name every option `invitedesk-cli --help` prints.

_invitedesk_cli()
{
    local cur prev words cword
    _init_completion -s || return

    local global_opts="--api-url --ca-file --proxy --audit-url -h --help --version"

    # What the previous word needs as its value.
    case $prev in
        --format)
            COMPREPLY=($(compgen -W 'table csv json' -- "$cur"))
            return ;;
        --status)
            COMPREPLY=($(compgen -W 'pending accepted revoked expired all' -- "$cur"))
            return ;;
        --proxy)
            COMPREPLY=($(compgen -W 'none system http://' -- "$cur"))
            return ;;
        --ca-file | --file)
            _filedir
            return ;;
        --from-file)
            COMPREPLY=($(compgen -W '-' -- "$cur"))
            _filedir
            return ;;
        --api-url | --audit-url | --query | --rate-budget | --acting-user | --ticket | --older-than | \
            --organization | --email | --agent | --since | --until)
            return ;;
    esac
    [[ $split == true ]] && return

    # The command is the first word that is neither an option nor an option's value.
    local i command="" sub=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --api-url | --ca-file | --proxy | --audit-url | --format | --status | --from-file | --file | \
                --query | --rate-budget | --acting-user | --ticket | --older-than | --organization | --email | \
                --agent | --since | --until)
                ((i++)) ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=${words[i]}
                elif [[ $command == audit && -z $sub ]]; then
                    sub=${words[i]}
                fi ;;
        esac
    done

    local opts
    case $command in
        "")
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'orgs list find revoke audit' -- "$cur"))
            fi
            return ;;
        orgs) opts="--query --format" ;;
        list) opts="--all-orgs --application --status --format --rate-budget" ;;
        find) opts="--status --format --rate-budget" ;;
        revoke)
            opts="--application --all-orgs --from-file --yes --acting-user --rate-budget --ticket --older-than
                  --dry-run --format" ;;
        audit)
            case $sub in
                "")
                    COMPREPLY=($(compgen -W 'verify sync team export' -- "$cur"))
                    return ;;
                verify) opts="--file" ;;
                sync) opts="--file --resend" ;;
                team)
                    opts="--organization --email --agent --ticket --since --until --intents --format" ;;
                export) opts="--csv --file" ;;
            esac ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts $global_opts" -- "$cur"))
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
    fi
} &&
    complete -F _invitedesk_cli invitedesk-cli

# ex: filetype=sh
