
use builtin;
use str;

set edit:completion:arg-completer[hookctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hookctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hookctl'= {
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand providers 'List every provider: algorithm, signed content, headers, timestamp window'
            cand sign 'Print the signature headers a real delivery of a body would carry'
            cand verify 'Check a received webhook''s signature and explain why it failed'
            cand trigger 'Send realistic, correctly signed sample events to an endpoint, with retries'
            cand replay 'Send stored deliveries again, byte-exact or re-signed, to any target'
            cand validate 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency'
            cand monitor 'Keep probing endpoints; alert Slack, Teams or a webhook when one goes down or recovers'
            cand init 'Set up the config file: default provider, named secrets, generic schemes'
            cand logs 'Search, show, export, import and prune the delivery log'
            cand events 'The event catalog: list events, show one with a sample payload, lint a payload'
            cand inspect 'Open the web console: every delivery live, its detail and signature verdict, replay, diff, send test events'
            cand listen 'Receive webhooks on this machine through a relay: forward, record, verify'
            cand relay 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)'
            cand load 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), e.g. `hookctl man > hookctl.1`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;providers'= {
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;sign'= {
            cand -p 'Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file [default: the config''s default_provider]'
            cand --provider 'Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file [default: the config''s default_provider]'
            cand --secret 'Shared secret [default: the provider''s secret in the config file]'
            cand --private-key 'Private key for asymmetric schemes: hex Ed25519 seed, whsk_ key, or PKCS#8 PEM (text or file path)'
            cand --body-file 'Read the body from a file, byte-exact'
            cand --body 'The body as a string, byte-exact (no newline added)'
            cand --timestamp 'Unix seconds to sign at [default: now]; the scheme renders it in its own form'
            cand --id 'Message / delivery id, where the scheme signs one [default: derived from body and time]'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the private key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --url 'The URL the delivery is posted to (Twilio, Square and HubSpot sign it)'
            cand --method 'The HTTP method'
            cand -H 'A request header the scheme signs or reads (''Name: value''); repeatable'
            cand --request-header 'A request header the scheme signs or reads (''Name: value''); repeatable'
            cand --variant 'One of the provider''s schemes (hubspot v1|v2|v3, standard-webhooks v1|v1a, github sha256|sha1)'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;verify'= {
            cand -p 'Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file'
            cand --provider 'Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file'
            cand --secret 'Shared secret; repeat for rotation (valid if any verifies) [env: HOOKCTL_SECRET]'
            cand --public-key 'Public key for asymmetric schemes: hex, base64, base64 DER, PEM, whpk_, or JWK / JWK set (text or file path)'
            cand --request 'A raw HTTP/1.1 request: request line, headers, blank line, body'
            cand --log 'A delivery from the delivery log (`hookctl logs`): its id, a unique prefix, or `last`'
            cand --body-file 'Read the body from a file, byte-exact'
            cand --body 'The body as a string, byte-exact (no newline added)'
            cand -H 'A received header (''Name: value''); repeatable'
            cand --request-header 'A received header (''Name: value''); repeatable'
            cand --url 'The URL the provider posted to (for schemes that sign it)'
            cand --method 'The HTTP method of the delivery'
            cand --tolerance 'Timestamp window, overriding the provider''s documented default (300, 5m, 1h)'
            cand --now 'The current time as Unix seconds (reproduce an old delivery, tests)'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;trigger'= {
            cand --to 'Where to send it'
            cand -p 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --provider 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --secret 'Secret to sign with [default: the config''s, or a development secret]'
            cand --private-key 'Private key to sign with, for asymmetric schemes (a file, or the key itself)'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --set 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')'
            cand --data 'Send this file as the payload instead of a generated one'
            cand -H 'Add or replace a request header (''Name: value''); repeatable'
            cand --request-header 'Add or replace a request header (''Name: value''); repeatable'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand -n 'How many deliveries, each with fresh ids and timestamps'
            cand --count 'How many deliveries, each with fresh ids and timestamps'
            cand -c 'Deliveries in flight at once'
            cand --concurrency 'Deliveries in flight at once'
            cand --retries 'Retries after the first attempt, on connection errors, timeouts, 5xx and 429'
            cand --backoff 'First retry delay; doubles each retry, with full jitter'
            cand --max-backoff 'Longest retry delay (a Retry-After answer is honoured beyond it)'
            cand --timeout 'How long to wait for each answer'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;replay'= {
            cand --event 'Event type glob (`invoice.*`); repeat to accept any of several'
            cand --status 'Only records with this status'
            cand --source 'Only records written by this command'
            cand --since 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time'
            cand --until 'Only records up to this time: RFC 3339 or a duration ago (1h)'
            cand --where 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)'
            cand --limit 'With filters: replay at most the N newest matching records; 0 for all [default: all of them]'
            cand --to 'Where to send: a URL with a path is the exact destination; a bare origin (http://localhost:4000) keeps each delivery''s original path and query [default: the original URL]'
            cand -p 'The provider to re-sign as [default: the delivery''s own]'
            cand --provider 'The provider to re-sign as [default: the delivery''s own]'
            cand --secret 'Secret to re-sign with [default: the provider''s secret in the config file]'
            cand --private-key 'Private key to re-sign with, for asymmetric schemes'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --rate 'Requests per second at most'
            cand -c 'Requests in flight at once'
            cand --concurrency 'Requests in flight at once'
            cand --timeout 'How long to wait for each answer'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --resign 'Re-sign with a fresh timestamp and id instead of sending the stored signature'
            cand --dry-run 'Print what would be sent; send and record nothing'
            cand --reveal 'With --dry-run, show credentials as they would be sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;validate'= {
            cand --event 'The event to send [default: the provider''s first catalog event; standard-webhooks: standard-webhooks.contact.created]'
            cand -p 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --provider 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --secret 'Secret to sign with [default: the config''s, or a development secret]'
            cand --private-key 'Private key to sign with, for asymmetric schemes (a file, or the key itself)'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --set 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')'
            cand --data 'Send this file as the payload instead of a generated one'
            cand -H 'Add or replace a request header (''Name: value''); repeatable'
            cand --request-header 'Add or replace a request header (''Name: value''); repeatable'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand --probes 'Signed deliveries to time for the latency check'
            cand --timeout 'How long a provider waits for an answer before it gives up and retries'
            cand --slow 'Answers slower than this warn: providers retry slow endpoints and may disable them'
            cand --large-payload 'Size of the large_payload delivery (1MiB, 512KiB, 256KB, or bytes)'
            cand --checks 'Run only these checks (comma-separated ids; see below)'
            cand --skip 'Leave out these checks (comma-separated ids)'
            cand --ca-cert 'Also trust this CA certificate (PEM file; repeatable), e.g. an internal CA'
            cand --junit 'Write the results as JUnit XML for CI systems (one testcase per check)'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --strict 'A warning fails the run too (exit 1)'
            cand --require-https 'Plain http fails instead of warning'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;monitor'= {
            cand --interval 'Time between probes of one endpoint'
            cand --timeout 'How long to wait for an answer; a probe past it has failed'
            cand --probe 'What a probe sends to URLs given on the command line (the config file sets it per endpoint)'
            cand --event 'The event a signed probe sends [default: as validate]'
            cand -p 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --provider 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --secret 'Secret to sign with [default: the config''s, or a development secret]'
            cand --private-key 'Private key to sign with, for asymmetric schemes (a file, or the key itself)'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --set 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')'
            cand --data 'Send this file as the payload instead of a generated one'
            cand -H 'Add or replace a request header (''Name: value''); repeatable'
            cand --request-header 'Add or replace a request header (''Name: value''); repeatable'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand --down-after 'Failed probes in a row before an endpoint counts as down (--once: 1)'
            cand --degraded 'An endpoint whose p95 latency over the window is above this is degraded'
            cand --window 'Probes per endpoint kept for availability and latency'
            cand --alert 'Where to send alerts: slack:URL (incoming webhook), teams:URL (message card), or webhook:URL (JSON signed with Standard Webhooks); repeatable'
            cand --alert-secret 'Secret that signs webhook: alerts [default: the standard-webhooks secret in the config]'
            cand --metrics 'Serve Prometheus metrics on this address (e.g. 127.0.0.1:9464) at /metrics'
            cand --ca-cert 'Also trust this CA certificate (PEM file; repeatable)'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --once 'Probe every endpoint once, alert on the ones down, and exit 1 if any is down (cron, CI)'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;init'= {
            cand --secret 'Save a secret for a provider (''stripe=whsec_…''); repeatable. Without it, init asks on a terminal'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --force 'Update an existing config file without asking, and let --secret replace a saved secret'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;logs'= {
            cand --event 'Event type glob (`invoice.*`); repeat to accept any of several'
            cand --status 'Only records with this status'
            cand --source 'Only records written by this command'
            cand --since 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time'
            cand --until 'Only records up to this time: RFC 3339 or a duration ago (1h)'
            cand --where 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)'
            cand --limit 'How many records, newest first; 0 for all'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand -f 'After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C'
            cand --follow 'After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C'
            cand --reveal 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
            cand tail 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)'
            cand stats 'Counts, success rate and duration percentiles, overall or per event, target or status'
            cand export 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
            cand import 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
            cand prune 'Delete records older than a duration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;logs;show'= {
            cand --format 'How to show it [default: pretty, or json with --json]'
            cand --redact 'Mask a JSON path in the bodies (''data.email'', ''data.items[*].card''); repeatable'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --reveal 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;logs;tail'= {
            cand --event 'Event type glob (`invoice.*`); repeat to accept any of several'
            cand --status 'Only records with this status'
            cand --source 'Only records written by this command'
            cand --since 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time'
            cand --until 'Only records up to this time: RFC 3339 or a duration ago (1h)'
            cand --where 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)'
            cand --limit 'How many recent records to print first (oldest first); 0 for all'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --reveal 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;logs;stats'= {
            cand --event 'Event type glob (`invoice.*`); repeat to accept any of several'
            cand --status 'Only records with this status'
            cand --source 'Only records written by this command'
            cand --since 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time'
            cand --until 'Only records up to this time: RFC 3339 or a duration ago (1h)'
            cand --where 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)'
            cand --by 'One row per event type, target URL or status'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;logs;export'= {
            cand --format 'Output format'
            cand --event 'Event type glob (`invoice.*`); repeat to accept any of several'
            cand --status 'Only records with this status'
            cand --source 'Only records written by this command'
            cand --since 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time'
            cand --until 'Only records up to this time: RFC 3339 or a duration ago (1h)'
            cand --where 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)'
            cand --redact 'Mask a JSON path in the bodies (''data.email''); repeatable'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --reveal 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'hookctl;logs;import'= {
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;logs;prune'= {
            cand --older-than 'Delete records created longer ago than this, with its unit (30d, 12h, 30m)'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --dry-run 'Say how many records would go; delete nothing'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;logs;help'= {
            cand show 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
            cand tail 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)'
            cand stats 'Counts, success rate and duration percentiles, overall or per event, target or status'
            cand export 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
            cand import 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
            cand prune 'Delete records older than a duration'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;logs;help;show'= {
        }
        &'hookctl;logs;help;tail'= {
        }
        &'hookctl;logs;help;stats'= {
        }
        &'hookctl;logs;help;export'= {
        }
        &'hookctl;logs;help;import'= {
        }
        &'hookctl;logs;help;prune'= {
        }
        &'hookctl;logs;help;help'= {
        }
        &'hookctl;events'= {
            cand -p 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)'
            cand --provider 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every event: id, provider or domain pack, description (the default)'
            cand show 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema'
            cand lint 'Check a payload against an event''s schema; exit 1 listing each violation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;events;list'= {
            cand -p 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)'
            cand --provider 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;events;show'= {
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --schema 'Also print the event''s JSON Schema, after the sample (--json always has it)'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;events;lint'= {
            cand -e 'The event whose schema to check against'
            cand --event 'The event whose schema to check against'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;events;help'= {
            cand list 'Every event: id, provider or domain pack, description (the default)'
            cand show 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema'
            cand lint 'Check a payload against an event''s schema; exit 1 listing each violation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;events;help;list'= {
        }
        &'hookctl;events;help;show'= {
        }
        &'hookctl;events;help;lint'= {
        }
        &'hookctl;events;help;help'= {
        }
        &'hookctl;inspect'= {
            cand --port 'Port on 127.0.0.1; when it is taken, the next free one (said on the URL''s line); 0 picks any'
            cand --listen 'Address to serve on instead, e.g. 0.0.0.0:4040 to be reachable from other machines (a warning says so)'
            cand --ready-file 'Write the console''s URL, with its token, on one line to this file once it answers'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --no-open 'Do not open a browser'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;listen'= {
            cand --forward-to 'Where deliveries go: URL, or PATH_PREFIX=URL to route by path (repeatable). Without it, listen only receives and answers --respond'
            cand --relay 'The relay to connect to [default: an embedded relay on 127.0.0.1:--port]'
            cand --token 'Token the relay expects'
            cand --name 'Tunnel name to ask for (kept across reconnects; with a token, reserved for it)'
            cand --port 'Port of the embedded relay (without --relay); 0 picks a free one'
            cand --events 'Forward only these event types (glob, repeatable); others are answered 200 and not forwarded'
            cand --verify-provider 'Verify each delivery''s signature with this provider''s scheme (`auto`: told from each delivery''s headers) and show the verdict'
            cand --secret 'Secret for --verify-provider [env: HOOKCTL_SECRET; default: the provider''s secret in the config]'
            cand --public-key 'Public key for --verify-provider''s asymmetric schemes (Discord, SendGrid, Plaid, …): hex, base64, PEM, whpk_, or JWK (text or file path) [default: the provider''s key pair in the config]'
            cand --respond 'Status to answer with when there is no --forward-to'
            cand --ready-file 'Write the public URL to this file once listen can receive (CI waits on it)'
            cand --timeout 'How long a local target may take to answer before the sender gets 504'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;relay'= {
            cand --listen 'Address to listen on; a host name (localhost:8787) binds its first IPv4 address'
            cand --public-url 'The public base URL senders use [default: derived from --listen]'
            cand --token 'A token tunnel clients must present; repeatable. Without tokens the relay is open'
            cand --tokens-file 'A file with one token per line'
            cand --max-body 'Largest request body accepted (25MiB, 10MB, or bytes)'
            cand --request-timeout 'How long a sender waits for the client''s answer before 504'
            cand --offline 'What happens to requests for a tunnel whose client is away [default: buffer with --data-dir, else reject]'
            cand --buffer-ttl 'How long a buffered request is kept'
            cand --buffer-max 'Most requests buffered per tunnel'
            cand --data-dir 'Where buffered requests and reserved tunnel names are kept'
            cand --max-in-flight 'Most requests one tunnel may have in flight; past it senders get 503'
            cand --header-timeout 'How long a sender may take to send its request headers (slow clients are cut off)'
            cand --tls-cert 'PEM certificate chain, to serve HTTPS directly (with --tls-key)'
            cand --tls-key 'PEM private key for --tls-cert'
            cand --threads 'Threads serving requests. One carries thousands of requests a second at the least CPU per request; give more when the relay''s traffic outgrows a core'
            cand --heartbeat 'How often relay and clients ping each other; three missed pings drop the connection'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;load'= {
            cand --event 'Catalog event to send, each request with fresh ids (`hookctl events list`) [default: payment.succeeded]'
            cand --body-file 'Send this body, with `{{id}}` and `{{timestamp}}` replaced for each request [signed as standard-webhooks unless --provider]'
            cand -p 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --provider 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]'
            cand --secret 'Secret to sign with [default: the config''s, or a development secret]'
            cand --private-key 'Private key to sign with, for asymmetric schemes (a file, or the key itself)'
            cand --key-id 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]'
            cand --set 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')'
            cand --data 'Send this file as the payload instead of a generated one'
            cand -H 'Add or replace a request header (''Name: value''); repeatable'
            cand --request-header 'Add or replace a request header (''Name: value''); repeatable'
            cand --catalog 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/'
            cand --header 'Signature header name'
            cand --algorithm 'sha1, sha256 or sha512'
            cand --encoding 'hex, base64 or base64url'
            cand --prefix 'Text before the signature, e.g. ''sha256='''
            cand --timestamp-header 'Header carrying the Unix timestamp that is signed'
            cand --signed-template 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})'
            cand -c 'Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight)'
            cand --concurrency 'Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight)'
            cand -n 'Requests to send in all [default: 200, unless -d or --stage sets a duration]'
            cand --requests 'Requests to send in all [default: 200, unless -d or --stage sets a duration]'
            cand -d 'Send for this long (300, 30s, 5m, 1h30m)'
            cand --duration 'Send for this long (300, 30s, 5m, 1h30m)'
            cand --rate 'Open loop: start this many requests per second on a fixed schedule, whatever the answers'
            cand --stage 'Open loop: ramp the rate linearly to RPS over DUR (from --rate, or 0); repeatable, in order'
            cand --burst 'Open loop: COUNT extra requests all due at once, AT into the run (''2000@15s''); repeatable'
            cand --ca-cert 'Also trust this CA certificate (PEM file; repeatable), e.g. a staging endpoint''s own CA'
            cand --timeout 'How long to wait for each answer; longer counts as a `timeout` error'
            cand --assert 'A threshold that must hold, or exit 1: ''p99<200ms'', ''success>=99.9%'', ''rps>=500'', ''errors==0''; repeatable'
            cand --log-sample 'Deliveries to keep in the delivery log (failures first); 0 keeps none'
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --no-sign 'Send without signature headers (to measure an endpoint that does not verify)'
            cand --http2 'Speak HTTP/2 (h2c prior knowledge on http://, ALPN on https://); connections carry many streams'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;completions'= {
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;man'= {
            cand --color 'When to use colour'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]'
            cand --db 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]'
            cand --json 'Machine output on stdout: one JSON document (streaming commands: one object per line)'
            cand -q 'Print nothing but the result (no progress, no hints on stderr)'
            cand --quiet 'Print nothing but the result (no progress, no hints on stderr)'
            cand -v 'More logging on stderr (-v, -vv)'
            cand --verbose 'More logging on stderr (-v, -vv)'
            cand --no-input 'Never prompt; a missing value is an error naming the flag (also when CI is set)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'hookctl;help'= {
            cand providers 'List every provider: algorithm, signed content, headers, timestamp window'
            cand sign 'Print the signature headers a real delivery of a body would carry'
            cand verify 'Check a received webhook''s signature and explain why it failed'
            cand trigger 'Send realistic, correctly signed sample events to an endpoint, with retries'
            cand replay 'Send stored deliveries again, byte-exact or re-signed, to any target'
            cand validate 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency'
            cand monitor 'Keep probing endpoints; alert Slack, Teams or a webhook when one goes down or recovers'
            cand init 'Set up the config file: default provider, named secrets, generic schemes'
            cand logs 'Search, show, export, import and prune the delivery log'
            cand events 'The event catalog: list events, show one with a sample payload, lint a payload'
            cand inspect 'Open the web console: every delivery live, its detail and signature verdict, replay, diff, send test events'
            cand listen 'Receive webhooks on this machine through a relay: forward, record, verify'
            cand relay 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)'
            cand load 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), e.g. `hookctl man > hookctl.1`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hookctl;help;providers'= {
        }
        &'hookctl;help;sign'= {
        }
        &'hookctl;help;verify'= {
        }
        &'hookctl;help;trigger'= {
        }
        &'hookctl;help;replay'= {
        }
        &'hookctl;help;validate'= {
        }
        &'hookctl;help;monitor'= {
        }
        &'hookctl;help;init'= {
        }
        &'hookctl;help;logs'= {
            cand show 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON'
            cand tail 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)'
            cand stats 'Counts, success rate and duration percentiles, overall or per event, target or status'
            cand export 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)'
            cand import 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped'
            cand prune 'Delete records older than a duration'
        }
        &'hookctl;help;logs;show'= {
        }
        &'hookctl;help;logs;tail'= {
        }
        &'hookctl;help;logs;stats'= {
        }
        &'hookctl;help;logs;export'= {
        }
        &'hookctl;help;logs;import'= {
        }
        &'hookctl;help;logs;prune'= {
        }
        &'hookctl;help;events'= {
            cand list 'Every event: id, provider or domain pack, description (the default)'
            cand show 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema'
            cand lint 'Check a payload against an event''s schema; exit 1 listing each violation'
        }
        &'hookctl;help;events;list'= {
        }
        &'hookctl;help;events;show'= {
        }
        &'hookctl;help;events;lint'= {
        }
        &'hookctl;help;inspect'= {
        }
        &'hookctl;help;listen'= {
        }
        &'hookctl;help;relay'= {
        }
        &'hookctl;help;load'= {
        }
        &'hookctl;help;completions'= {
        }
        &'hookctl;help;man'= {
        }
        &'hookctl;help;help'= {
        }
    ]
    $completions[$command]
}
