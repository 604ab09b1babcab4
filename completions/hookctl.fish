# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hookctl_global_optspecs
    string join \n json color= q/quiet v/verbose config= db= no-input h/help V/version
end

function __fish_hookctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hookctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hookctl_using_subcommand
    set -l cmd (__fish_hookctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hookctl -n "__fish_hookctl_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_needs_command" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_needs_command" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_needs_command" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_needs_command" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_needs_command" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_needs_command" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_needs_command" -s V -l version -d 'Print version'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "providers" -d 'List every provider: algorithm, signed content, headers, timestamp window'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "sign" -d 'Print the signature headers a real delivery of a body would carry'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "verify" -d 'Check a received webhook\'s signature and explain why it failed'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "init" -d 'Set up the config file: default provider, named secrets, generic schemes'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "events" -d 'The event catalog: list events, show one with a sample payload, lint a payload'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand providers" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s p -l provider -d 'Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l secret -d 'Shared secret [env: HOOKCTL_SECRET; default: the provider\'s secret in the config file]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l private-key -d 'Private key for asymmetric schemes: hex Ed25519 seed, whsk_ key, or PKCS#8 PEM (text or file path)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l body-file -d 'Read the body from a file, byte-exact' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l body -d 'The body as a string, byte-exact (no newline added)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l timestamp -d 'Unix seconds to sign at [default: now]; the scheme renders it in its own form' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l id -d 'Message / delivery id, where the scheme signs one [default: derived from body and time]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l key-id -d 'Key id where the scheme carries one (Plaid\'s JWT kid)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l url -d 'The URL the delivery is posted to (Twilio, Square and HubSpot sign it)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l method -d 'The HTTP method' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s H -l request-header -d 'A request header the scheme signs or reads (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l variant -d 'One of the provider\'s schemes (hubspot v1|v2|v3, standard-webhooks v1|v1a, github sha256|sha1)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand sign" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s p -l provider -d 'Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l secret -d 'Shared secret; repeat for rotation (valid if any verifies) [env: HOOKCTL_SECRET]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l public-key -d 'Public key for asymmetric schemes: hex, base64, base64 DER, PEM, whpk_, or JWK / JWK set (text or file path)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l request -d 'A raw HTTP/1.1 request: request line, headers, blank line, body' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l body-file -d 'Read the body from a file, byte-exact' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l body -d 'The body as a string, byte-exact (no newline added)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s H -l request-header -d 'A received header (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l url -d 'The URL the provider posted to (for schemes that sign it)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l method -d 'The HTTP method of the delivery' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l tolerance -d 'Timestamp window, overriding the provider\'s documented default (300, 5m, 1h)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l now -d 'The current time as Unix seconds (reproduce an old delivery, tests)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l secret -d 'Save a secret for a provider (\'stripe=whsec_…\'); repeatable. Without it, init asks on a terminal' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l force -d 'Overwrite an existing config file without asking'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand init" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -s p -l provider -d 'Only this provider\'s events, or a domain pack\'s (business, crm, commerce, wedding)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -f -a "list" -d 'Every event: id, provider or domain pack, description (the default)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -f -a "show" -d 'One event: provider, headers, schema and a freshly generated sample payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -f -a "lint" -d 'Check a payload against an event\'s schema; exit 1 listing each violation'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and not __fish_seen_subcommand_from list show lint help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s p -l provider -d 'Only this provider\'s events, or a domain pack\'s (business, crm, commerce, wedding)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -s e -l event -d 'The event whose schema to check against' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from lint" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "list" -d 'Every event: id, provider or domain pack, description (the default)'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "show" -d 'One event: provider, headers, schema and a freshly generated sample payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "lint" -d 'Check a payload against an event\'s schema; exit 1 listing each violation'
complete -c hookctl -n "__fish_hookctl_using_subcommand events; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand man" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "providers" -d 'List every provider: algorithm, signed content, headers, timestamp window'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "sign" -d 'Print the signature headers a real delivery of a body would carry'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "verify" -d 'Check a received webhook\'s signature and explain why it failed'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "init" -d 'Set up the config file: default provider, named secrets, generic schemes'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "events" -d 'The event catalog: list events, show one with a sample payload, lint a payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify init events completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "list" -d 'Every event: id, provider or domain pack, description (the default)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "show" -d 'One event: provider, headers, schema and a freshly generated sample payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "lint" -d 'Check a payload against an event\'s schema; exit 1 listing each violation'
