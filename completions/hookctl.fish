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
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "trigger" -d 'Send realistic, correctly signed sample events to an endpoint, with retries'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "replay" -d 'Send stored deliveries again, byte-exact or re-signed, to any target'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "validate" -d 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "monitor" -d 'Keep probing endpoints; alert Slack, Teams or a webhook when one goes down or recovers'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "init" -d 'Set up the config file: default provider, named secrets, generic schemes'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "logs" -d 'Search, show, export, import and prune the delivery log'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "events" -d 'The event catalog: list events, show one with a sample payload, lint a payload'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "listen" -d 'Receive webhooks on this machine through a relay: forward, record, verify'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "relay" -d 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)'
complete -c hookctl -n "__fish_hookctl_needs_command" -f -a "load" -d 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions'
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
complete -c hookctl -n "__fish_hookctl_using_subcommand verify" -l log -d 'A delivery from the delivery log (`hookctl logs`)' -r
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
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l to -d 'Where to send it' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s p -l provider -d 'Sign as this provider, or a scheme named in the config [default: the event\'s own; domain packs: standard-webhooks]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l secret -d 'Secret to sign with [env: HOOKCTL_SECRET; default: the config\'s, or a development secret]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l private-key -d 'Private key to sign with, for asymmetric schemes (a file, or the key itself)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l set -d 'Override a payload field (\'data.object.amount=5000\'); numbers, booleans and JSON are typed; JSON-quote to force text (\'id="42"\')' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l data -d 'Send this file as the payload instead of a generated one' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s H -l request-header -d 'Add or replace a request header (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s n -l count -d 'How many deliveries, each with fresh ids and timestamps' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s c -l concurrency -d 'Deliveries in flight at once' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l retries -d 'Retries after the first attempt, on connection errors, timeouts, 5xx and 429' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l backoff -d 'First retry delay; doubles each retry, with full jitter' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l max-backoff -d 'Longest retry delay (a Retry-After answer is honoured beyond it)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l timeout -d 'How long to wait for each answer' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand trigger" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l event -d 'Event type glob (`invoice.*`); repeat to accept any of several' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l status -d 'Only records with this status' -r -f -a "delivered\t'Sent and answered 2xx'
failed\t'Sent and answered non-2xx, or the connection failed; may be retried'
dead\t'Failed on its last retry'
received\t'Received by `listen`'"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l source -d 'Only records written by this command' -r -f -a "trigger\t''
listen\t''
replay\t''
validate\t''
load\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l since -d 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l until -d 'Only records up to this time: RFC 3339 or a duration ago (1h)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l where -d 'A condition on the JSON request body, all must hold: \'data.amount > 100\', "type ~ \'^invoice\\.\'", \'data.tags contains vip\', \'data.email exists\', \'data.currency in [usd,eur]\' (also ==, !=, >=, <=)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l limit -d 'With filters: replay at most the N newest matching records; 0 for all [default: all of them]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l to -d 'Where to send: a URL with a path is the exact destination; a bare origin (http://localhost:4000) keeps each delivery\'s original path and query [default: the original URL]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s p -l provider -d 'The provider to re-sign as [default: the delivery\'s own]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l secret -d 'Secret to re-sign with [env: HOOKCTL_SECRET; default: the provider\'s secret in the config file]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l private-key -d 'Private key to re-sign with, for asymmetric schemes' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l rate -d 'Requests per second at most' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s c -l concurrency -d 'Requests in flight at once' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l timeout -d 'How long to wait for each answer' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l resign -d 'Re-sign with a fresh timestamp and id instead of sending the stored signature'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l dry-run -d 'Print what would be sent; send and record nothing'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l event -d 'The event to send [default: the provider\'s first catalog event; standard-webhooks: standard-webhooks.contact.created]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -s p -l provider -d 'Sign as this provider, or a scheme named in the config [default: the event\'s own; domain packs: standard-webhooks]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l secret -d 'Secret to sign with [env: HOOKCTL_SECRET; default: the config\'s, or a development secret]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l private-key -d 'Private key to sign with, for asymmetric schemes (a file, or the key itself)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l set -d 'Override a payload field (\'data.object.amount=5000\'); numbers, booleans and JSON are typed; JSON-quote to force text (\'id="42"\')' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l data -d 'Send this file as the payload instead of a generated one' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -s H -l request-header -d 'Add or replace a request header (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l probes -d 'Signed deliveries to time for the latency check' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l timeout -d 'How long a provider waits for an answer before it gives up and retries' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l slow -d 'Answers slower than this warn: providers retry slow endpoints and may disable them' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l large-payload -d 'Size of the large_payload delivery (1MiB, 512KiB, 256KB, or bytes)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l checks -d 'Run only these checks (comma-separated ids; see below)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l skip -d 'Leave out these checks (comma-separated ids)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l ca-cert -d 'Also trust this CA certificate (PEM file; repeatable), e.g. an internal CA' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l junit -d 'Write the results as JUnit XML for CI systems (one testcase per check)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l strict -d 'A warning fails the run too (exit 1)'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l require-https -d 'Plain http fails instead of warning'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand validate" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l interval -d 'Time between probes of one endpoint' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l timeout -d 'How long to wait for an answer; a probe past it has failed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l probe -d 'What a probe sends to URLs given on the command line (the config file sets it per endpoint)' -r -f -a "signed\t'A correctly signed test event (POST); up means a 2xx answer'
get\t'A plain GET; up means any answer below 500'"
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l event -d 'The event a signed probe sends [default: as validate]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -s p -l provider -d 'Sign as this provider, or a scheme named in the config [default: the event\'s own; domain packs: standard-webhooks]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l secret -d 'Secret to sign with [env: HOOKCTL_SECRET; default: the config\'s, or a development secret]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l private-key -d 'Private key to sign with, for asymmetric schemes (a file, or the key itself)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l set -d 'Override a payload field (\'data.object.amount=5000\'); numbers, booleans and JSON are typed; JSON-quote to force text (\'id="42"\')' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l data -d 'Send this file as the payload instead of a generated one' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -s H -l request-header -d 'Add or replace a request header (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l down-after -d 'Failed probes in a row before an endpoint counts as down (--once: 1)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l degraded -d 'An endpoint whose p95 latency over the window is above this is degraded' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l window -d 'Probes per endpoint kept for availability and latency' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l alert -d 'Where to send alerts: slack:URL (incoming webhook), teams:URL (message card), or webhook:URL (JSON signed with Standard Webhooks); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l alert-secret -d 'Secret that signs webhook: alerts [env: HOOKCTL_ALERT_SECRET; default: the standard-webhooks secret in the config]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l metrics -d 'Serve Prometheus metrics on this address (e.g. 127.0.0.1:9464) at /metrics' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l ca-cert -d 'Also trust this CA certificate (PEM file; repeatable)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l once -d 'Probe every endpoint once, alert on the ones down, and exit 1 if any is down (cron, CI)'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand monitor" -s h -l help -d 'Print help (see more with \'--help\')'
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
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l event -d 'Event type glob (`invoice.*`); repeat to accept any of several' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l status -d 'Only records with this status' -r -f -a "delivered\t'Sent and answered 2xx'
failed\t'Sent and answered non-2xx, or the connection failed; may be retried'
dead\t'Failed on its last retry'
received\t'Received by `listen`'"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l source -d 'Only records written by this command' -r -f -a "trigger\t''
listen\t''
replay\t''
validate\t''
load\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l since -d 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l until -d 'Only records up to this time: RFC 3339 or a duration ago (1h)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l where -d 'A condition on the JSON request body, all must hold: \'data.amount > 100\', "type ~ \'^invoice\\.\'", \'data.tags contains vip\', \'data.email exists\', \'data.currency in [usd,eur]\' (also ==, !=, >=, <=)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l limit -d 'How many records, newest first; 0 for all' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -s f -l follow -d 'After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "show" -d 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "stats" -d 'Counts, success rate and duration percentiles, overall or per event, target or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "export" -d 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "import" -d 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "prune" -d 'Delete records older than a duration'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and not __fish_seen_subcommand_from show stats export import prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l format -d 'How to show it [default: pretty, or json with --json]' -r -f -a "pretty\t'For a person: coloured request, signature headers named, JSON pretty-printed, hex for binary'
raw\t'The HTTP/1.1 request as sent, byte-exact (feeds `verify --request`)'
curl\t'One curl command line that re-sends the request byte-exact when run by bash'
har\t'A HAR 1.2 document with this one entry'
json\t'The record (the same as --json)'"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l redact -d 'Mask a JSON path in the bodies (\'data.email\', \'data.items[*].card\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l event -d 'Event type glob (`invoice.*`); repeat to accept any of several' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l status -d 'Only records with this status' -r -f -a "delivered\t'Sent and answered 2xx'
failed\t'Sent and answered non-2xx, or the connection failed; may be retried'
dead\t'Failed on its last retry'
received\t'Received by `listen`'"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l source -d 'Only records written by this command' -r -f -a "trigger\t''
listen\t''
replay\t''
validate\t''
load\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l since -d 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l until -d 'Only records up to this time: RFC 3339 or a duration ago (1h)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l where -d 'A condition on the JSON request body, all must hold: \'data.amount > 100\', "type ~ \'^invoice\\.\'", \'data.tags contains vip\', \'data.email exists\', \'data.currency in [usd,eur]\' (also ==, !=, >=, <=)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l by -d 'One row per event type, target URL or status' -r -f -a "event\t''
target\t''
status\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "jsonl\t'One record a line, the JSON form of `logs --json`'
har\t'HAR 1.2, for browsers\' dev tools and HTTP tools; imports back losslessly'"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l event -d 'Event type glob (`invoice.*`); repeat to accept any of several' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l status -d 'Only records with this status' -r -f -a "delivered\t'Sent and answered 2xx'
failed\t'Sent and answered non-2xx, or the connection failed; may be retried'
dead\t'Failed on its last retry'
received\t'Received by `listen`'"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l source -d 'Only records written by this command' -r -f -a "trigger\t''
listen\t''
replay\t''
validate\t''
load\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l since -d 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l until -d 'Only records up to this time: RFC 3339 or a duration ago (1h)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l where -d 'A condition on the JSON request body, all must hold: \'data.amount > 100\', "type ~ \'^invoice\\.\'", \'data.tags contains vip\', \'data.email exists\', \'data.currency in [usd,eur]\' (also ==, !=, >=, <=)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l redact -d 'Mask a JSON path in the bodies (\'data.email\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete records created longer ago than this (7d, 12h, 30m)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Counts, success rate and duration percentiles, overall or per event, target or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "import" -d 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete records older than a duration'
complete -c hookctl -n "__fish_hookctl_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l forward-to -d 'Where deliveries go: URL, or PATH_PREFIX=URL to route by path (repeatable). Without it, listen only receives and answers --respond' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l relay -d 'The relay to connect to [default: an embedded relay on 127.0.0.1:--port]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l token -d 'Token the relay expects' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l name -d 'Tunnel name to ask for (kept across reconnects; with a token, reserved for it)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l port -d 'Port of the embedded relay (without --relay); 0 picks a free one' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l events -d 'Forward only these event types (glob, repeatable); others are answered 200 and not forwarded' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l verify-provider -d 'Verify each delivery\'s signature with this provider\'s scheme and show the verdict' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l secret -d 'Secret for --verify-provider [env: HOOKCTL_SECRET; default: the provider\'s secret in the config]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l public-key -d 'Public key for --verify-provider\'s asymmetric schemes (Discord, SendGrid, Plaid, …): hex, base64, PEM, whpk_, or JWK (text or file path) [default: the provider\'s key pair in the config]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l respond -d 'Status to answer with when there is no --forward-to' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l ready-file -d 'Write the public URL to this file once listen can receive (CI waits on it)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l timeout -d 'How long a local target may take to answer before the sender gets 504' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand listen" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l listen -d 'Address to listen on; a host name (localhost:8787) binds its first IPv4 address' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l public-url -d 'The public base URL senders use [default: derived from --listen]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l token -d 'A token tunnel clients must present; repeatable. Without tokens the relay is open' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l tokens-file -d 'A file with one token per line' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l max-body -d 'Largest request body accepted (25MiB, 10MB, or bytes)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l request-timeout -d 'How long a sender waits for the client\'s answer before 504' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l offline -d 'What happens to requests for a tunnel whose client is away [default: buffer with --data-dir, else reject]' -r -f -a "buffer\t''
reject\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l buffer-ttl -d 'How long a buffered request is kept' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l buffer-max -d 'Most requests buffered per tunnel' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l data-dir -d 'Where buffered requests and reserved tunnel names are kept' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l max-in-flight -d 'Most requests one tunnel may have in flight; past it senders get 503' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l header-timeout -d 'How long a sender may take to send its request headers (slow clients are cut off)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l tls-cert -d 'PEM certificate chain, to serve HTTPS directly (with --tls-key)' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l tls-key -d 'PEM private key for --tls-cert' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l threads -d 'Threads serving requests. One carries thousands of requests a second at the least CPU per request; give more when the relay\'s traffic outgrows a core' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l heartbeat -d 'How often relay and clients ping each other; three missed pings drop the connection' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand relay" -s h -l help -d 'Print help'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l event -d 'Catalog event to send, each request with fresh ids (`hookctl events list`) [default: payment.succeeded]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l body-file -d 'Send this body, with `{{id}}` and `{{timestamp}}` replaced for each request [signed as standard-webhooks unless --provider]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s p -l provider -d 'Sign as this provider, or a scheme named in the config [default: the event\'s own; domain packs: standard-webhooks]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l secret -d 'Secret to sign with [env: HOOKCTL_SECRET; default: the config\'s, or a development secret]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l private-key -d 'Private key to sign with, for asymmetric schemes (a file, or the key itself)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l set -d 'Override a payload field (\'data.object.amount=5000\'); numbers, booleans and JSON are typed; JSON-quote to force text (\'id="42"\')' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l data -d 'Send this file as the payload instead of a generated one' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s H -l request-header -d 'Add or replace a request header (\'Name: value\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l catalog -d 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l header -d 'Signature header name' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l algorithm -d 'sha1, sha256 or sha512' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l encoding -d 'hex, base64 or base64url' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l prefix -d 'Text before the signature, e.g. \'sha256=\'' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l timestamp-header -d 'Header carrying the Unix timestamp that is signed' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l signed-template -d 'What is signed, e.g. \'{timestamp}.{body}\' ({body} {timestamp} {id} {url} {method} {header:Name})' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s c -l concurrency -d 'Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s n -l requests -d 'Requests to send in all [default: 200, unless -d or --stage sets a duration]' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s d -l duration -d 'Send for this long (300, 30s, 5m, 1h30m)' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l rate -d 'Open loop: start this many requests per second on a fixed schedule, whatever the answers' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l stage -d 'Open loop: ramp the rate linearly to RPS over DUR (from --rate, or 0); repeatable, in order' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l burst -d 'Open loop: COUNT extra requests all due at once, AT into the run (\'2000@15s\'); repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l ca-cert -d 'Also trust this CA certificate (PEM file; repeatable), e.g. a staging endpoint\'s own CA' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l timeout -d 'How long to wait for each answer; longer counts as a `timeout` error' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l assert -d 'A threshold that must hold, or exit 1: \'p99<200ms\', \'success>=99.9%\', \'rps>=500\', \'errors==0\'; repeatable' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l log-sample -d 'Deliveries to keep in the delivery log (failures first); 0 keeps none' -r
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l config -d 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l db -d 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]' -r -F
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l no-sign -d 'Send without signature headers (to measure an endpoint that does not verify)'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l http2 -d 'Speak HTTP/2 (h2c prior knowledge on http://, ALPN on https://); connections carry many streams'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l json -d 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s q -l quiet -d 'Print nothing but the result (no progress, no hints on stderr)'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s v -l verbose -d 'More logging on stderr (-v, -vv)'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -l no-input -d 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
complete -c hookctl -n "__fish_hookctl_using_subcommand load" -s h -l help -d 'Print help'
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
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "providers" -d 'List every provider: algorithm, signed content, headers, timestamp window'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "sign" -d 'Print the signature headers a real delivery of a body would carry'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "verify" -d 'Check a received webhook\'s signature and explain why it failed'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "trigger" -d 'Send realistic, correctly signed sample events to an endpoint, with retries'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "replay" -d 'Send stored deliveries again, byte-exact or re-signed, to any target'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "validate" -d 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "monitor" -d 'Keep probing endpoints; alert Slack, Teams or a webhook when one goes down or recovers'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "init" -d 'Set up the config file: default provider, named secrets, generic schemes'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "logs" -d 'Search, show, export, import and prune the delivery log'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "events" -d 'The event catalog: list events, show one with a sample payload, lint a payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "listen" -d 'Receive webhooks on this machine through a relay: forward, record, verify'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "relay" -d 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "load" -d 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and not __fish_seen_subcommand_from providers sign verify trigger replay validate monitor init logs events listen relay load completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "show" -d 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "stats" -d 'Counts, success rate and duration percentiles, overall or per event, target or status'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "export" -d 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "import" -d 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "prune" -d 'Delete records older than a duration'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "list" -d 'Every event: id, provider or domain pack, description (the default)'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "show" -d 'One event: provider, headers, schema and a freshly generated sample payload'
complete -c hookctl -n "__fish_hookctl_using_subcommand help; and __fish_seen_subcommand_from events" -f -a "lint" -d 'Check a payload against an event\'s schema; exit 1 listing each violation'
