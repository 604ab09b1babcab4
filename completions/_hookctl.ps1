
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hookctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hookctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hookctl' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List every provider: algorithm, signed content, headers, timestamp window')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a real delivery of a body would carry')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a received webhook''s signature and explain why it failed')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send realistic, correctly signed sample events to an endpoint, with retries')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send stored deliveries again, byte-exact or re-signed, to any target')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Keep probing endpoints; alert Slack, Teams, a webhook, email or SMS when one goes down or recovers; report on the history')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set up the config file: default provider, named secrets, generic schemes, the relay listen uses')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Search, show, export, import and prune the delivery log')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The event catalog: list events, show one with a sample payload, lint a payload')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Open the web console: every delivery live, its detail and signature verdict, replay, diff, send test events')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on this machine through a relay: forward, record, verify')
            [CompletionResult]::new('relay', 'relay', [CompletionResultType]::ParameterValue, 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), e.g. `hookctl man > hookctl.1`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;providers' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;sign' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file [default: the config''s default_provider]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider id (see `hookctl providers`), `generic`, or a scheme named in the config file [default: the config''s default_provider]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Shared secret [default: the provider''s secret in the config file]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key for asymmetric schemes: hex Ed25519 seed, whsk_ key, or PKCS#8 PEM (text or file path)')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the body from a file, byte-exact')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body as a string, byte-exact (no newline added)')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'Unix seconds to sign at [default: now]; the scheme renders it in its own form')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Message / delivery id, where the scheme signs one [default: derived from body and time]')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the private key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the delivery is posted to (Twilio, Square and HubSpot sign it)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A request header the scheme signs or reads (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'A request header the scheme signs or reads (''Name: value''); repeatable')
            [CompletionResult]::new('--variant', '--variant', [CompletionResultType]::ParameterName, 'One of the provider''s schemes (hubspot v1|v2|v3, standard-webhooks v1|v1a, github sha256|sha1)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;verify' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider id, `auto` to detect it from the headers, `generic`, or a scheme named in the config file')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Shared secret; repeat for rotation (valid if any verifies) [env: HOOKCTL_SECRET]')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key for asymmetric schemes: hex, base64, base64 DER, PEM, whpk_, or JWK / JWK set (text or file path)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'A raw HTTP/1.1 request: request line, headers, blank line, body')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'A delivery from the delivery log (`hookctl logs`): its id, a unique prefix, or `last`')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Read the body from a file, byte-exact')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body as a string, byte-exact (no newline added)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A received header (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'A received header (''Name: value''); repeatable')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The URL the provider posted to (for schemes that sign it)')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'The HTTP method of the delivery')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Timestamp window, overriding the provider''s documented default (300, 5m, 1h)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The current time as Unix seconds (reproduce an old delivery, tests)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;trigger' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to send it [default: the public URL of the `hookctl listen` running on this machine]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Without --to: the running listen to send to, by its tunnel name (when several run)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret to sign with [default: the config''s, or a development secret]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key to sign with, for asymmetric schemes (a file, or the key itself)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Send this file as the payload instead of a generated one')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many deliveries, each with fresh ids and timestamps')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many deliveries, each with fresh ids and timestamps')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after the first attempt, on connection errors, timeouts, 5xx and 429')
            [CompletionResult]::new('--backoff', '--backoff', [CompletionResultType]::ParameterName, 'First retry delay; doubles each retry, with full jitter')
            [CompletionResult]::new('--max-backoff', '--max-backoff', [CompletionResultType]::ParameterName, 'Longest retry delay (a Retry-After answer is honoured beyond it)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;replay' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type glob (`invoice.*`); repeat to accept any of several')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records with this status')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records written by this command')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records up to this time: RFC 3339 or a duration ago (1h)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'With filters: replay at most the N newest matching records; 0 for all [default: all of them]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to send: a URL with a path is the exact destination; a bare origin (http://localhost:4000) keeps each delivery''s original path and query [default: the original URL]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The provider to re-sign as [default: the delivery''s own]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The provider to re-sign as [default: the delivery''s own]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret to re-sign with [default: the provider''s secret in the config file]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key to re-sign with, for asymmetric schemes')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Requests per second at most')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Requests in flight at once')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Requests in flight at once')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--resign', '--resign', [CompletionResultType]::ParameterName, 'Re-sign with a fresh timestamp and id instead of sending the stored signature')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be sent; send and record nothing')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'With --dry-run, show credentials as they would be sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookctl;validate' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The event to send [default: the provider''s first catalog event; standard-webhooks: standard-webhooks.contact.created]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret to sign with [default: the config''s, or a development secret]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key to sign with, for asymmetric schemes (a file, or the key itself)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Send this file as the payload instead of a generated one')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('--probes', '--probes', [CompletionResultType]::ParameterName, 'Signed deliveries to time for the latency check')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long a provider waits for an answer before it gives up and retries')
            [CompletionResult]::new('--slow', '--slow', [CompletionResultType]::ParameterName, 'Answers slower than this warn: providers retry slow endpoints and may disable them')
            [CompletionResult]::new('--large-payload', '--large-payload', [CompletionResultType]::ParameterName, 'Size of the large_payload delivery (1MiB, 512KiB, 256KB, or bytes)')
            [CompletionResult]::new('--checks', '--checks', [CompletionResultType]::ParameterName, 'Run only these checks (comma-separated ids; see below)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave out these checks (comma-separated ids)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust this CA certificate (PEM file; repeatable), e.g. an internal CA')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Write the results as JUnit XML for CI systems (one testcase per check)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'A warning fails the run too (exit 1)')
            [CompletionResult]::new('--require-https', '--require-https', [CompletionResultType]::ParameterName, 'Plain http fails instead of warning')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;monitor' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between probes of one endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for an answer; a probe past it has failed')
            [CompletionResult]::new('--probe', '--probe', [CompletionResultType]::ParameterName, 'What a probe sends to URLs given on the command line (the config file sets it per endpoint)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The event a signed probe sends [default: as validate]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret to sign with [default: the config''s, or a development secret]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key to sign with, for asymmetric schemes (a file, or the key itself)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Send this file as the payload instead of a generated one')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('--down-after', '--down-after', [CompletionResultType]::ParameterName, 'Failed probes in a row before an endpoint counts as down (--once: 1)')
            [CompletionResult]::new('--degraded', '--degraded', [CompletionResultType]::ParameterName, 'An endpoint whose p95 latency over the window is above this is degraded')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'Probes per endpoint kept for availability and latency')
            [CompletionResult]::new('--alert', '--alert', [CompletionResultType]::ParameterName, 'Where to send alerts: slack:URL (incoming webhook), teams:URL (message card), webhook:URL (JSON signed with Standard Webhooks), email:ADDRESS (through --smtp) or sms:+E164 (through Twilio); repeatable')
            [CompletionResult]::new('--alert-secret', '--alert-secret', [CompletionResultType]::ParameterName, 'Secret that signs webhook: alerts [default: the standard-webhooks secret in the config]')
            [CompletionResult]::new('--metrics', '--metrics', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics on this address (e.g. 127.0.0.1:9464) at /metrics')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'How long the probe history (monitor.db beside the delivery log) keeps probes and alerts')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust this CA certificate (PEM file; repeatable): for endpoints, alert receivers and the SMTP server')
            [CompletionResult]::new('--smtp', '--smtp', [CompletionResultType]::ParameterName, 'SMTP server for email: alerts: smtp://[user:pass@]host:port (STARTTLS) or smtps://… (TLS) [default: the config''s [smtp] url]')
            [CompletionResult]::new('--smtp-from', '--smtp-from', [CompletionResultType]::ParameterName, 'The sender of email: alerts, e.g. ''hookctl <alerts@example.com>'' [default: the config''s [smtp] from]')
            [CompletionResult]::new('--twilio-account', '--twilio-account', [CompletionResultType]::ParameterName, 'Twilio account SID (AC…) for sms: alerts [default: the config''s [twilio] account]')
            [CompletionResult]::new('--twilio-token', '--twilio-token', [CompletionResultType]::ParameterName, 'Twilio auth token [default: the variable the config''s [twilio] token_env names]')
            [CompletionResult]::new('--twilio-from', '--twilio-from', [CompletionResultType]::ParameterName, 'The number texts come from, in E.164 (+14155550100) [default: the config''s [twilio] from]')
            [CompletionResult]::new('--twilio-api', '--twilio-api', [CompletionResultType]::ParameterName, 'Base URL of Twilio''s API [default: the config''s [twilio] api, else https://api.twilio.com]')
            [CompletionResult]::new('--sms-on', '--sms-on', [CompletionResultType]::ParameterName, 'Which changes send sms: alerts')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Probe every endpoint once, alert on the ones down, and exit 1 if any is down (cron, CI)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise the probe history: availability, latency, incidents and alerts per endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;monitor;report' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Probes newer than this: a duration ago (24h, 7d, 30d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Probes up to this time: RFC 3339 or a duration ago [default: now]')
            [CompletionResult]::new('--min-availability', '--min-availability', [CompletionResultType]::ParameterName, 'Exit 1 if an endpoint''s availability is below this percentage (e.g. 99.9)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--markdown', '--markdown', [CompletionResultType]::ParameterName, 'A Markdown status-review table instead of plain text')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;monitor;help' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise the probe history: availability, latency, incidents and alerts per endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;monitor;help;report' {
            break
        }
        'hookctl;monitor;help;help' {
            break
        }
        'hookctl;init' {
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Save a secret for a provider (''stripe=whsec_…''); repeatable. Without it, init asks on a terminal')
            [CompletionResult]::new('--relay', '--relay', [CompletionResultType]::ParameterName, 'The relay `listen` connects to by default (https://hooks.example.com); saved in the config')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'The relay''s token, saved for that relay beside the delivery log (mode 0600), not in the config')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Update an existing config file without asking, and let --secret replace a saved secret')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;logs' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type glob (`invoice.*`); repeat to accept any of several')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records with this status')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records written by this command')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records up to this time: RFC 3339 or a duration ago (1h)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many records, newest first; 0 for all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'After the last --limit records (oldest first), print new ones as they land, from any process, until Ctrl-C')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts, success rate and duration percentiles, overall or per event, target or status')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete records older than a duration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;logs;show' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to show it [default: pretty, or json with --json]')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask a JSON path in the bodies (''data.email'', ''data.items[*].card''); repeatable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookctl;logs;tail' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type glob (`invoice.*`); repeat to accept any of several')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records with this status')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records written by this command')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records up to this time: RFC 3339 or a duration ago (1h)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many recent records to print first (oldest first); 0 for all')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookctl;logs;stats' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type glob (`invoice.*`); repeat to accept any of several')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records with this status')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records written by this command')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records up to this time: RFC 3339 or a duration ago (1h)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One row per event type, target URL or status')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookctl;logs;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Event type glob (`invoice.*`); repeat to accept any of several')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only records with this status')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only records written by this command')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only records newer than this: a duration ago (30m, 1h, 7d) or an RFC 3339 time')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only records up to this time: RFC 3339 or a duration ago (1h)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A condition on the JSON request body, all must hold: ''data.amount > 100'', "type ~ ''^invoice\.''", ''data.tags contains vip'', ''data.email exists'', ''data.currency in [usd,eur]'' (also ==, !=, >=, <=)')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask a JSON path in the bodies (''data.email''); repeatable')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--reveal', '--reveal', [CompletionResultType]::ParameterName, 'Show credentials as they were sent (Authorization, Cookie, API-key and token headers, a URL''s password) instead of masked')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'hookctl;logs;import' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;logs;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete records created longer ago than this, with its unit (30d, 12h, 30m)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say how many records would go; delete nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;logs;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts, success rate and duration percentiles, overall or per event, target or status')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete records older than a duration')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;logs;help;show' {
            break
        }
        'hookctl;logs;help;tail' {
            break
        }
        'hookctl;logs;help;stats' {
            break
        }
        'hookctl;logs;help;export' {
            break
        }
        'hookctl;logs;help;import' {
            break
        }
        'hookctl;logs;help;prune' {
            break
        }
        'hookctl;logs;help;help' {
            break
        }
        'hookctl;events' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every event: id, provider or domain pack, description (the default)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check a payload against an event''s schema; exit 1 listing each violation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;events;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s events, or a domain pack''s (business, crm, commerce, wedding)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;events;show' {
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Also print the event''s JSON Schema, after the sample (--json always has it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;events;lint' {
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'The event whose schema to check against')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'The event whose schema to check against')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;events;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every event: id, provider or domain pack, description (the default)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check a payload against an event''s schema; exit 1 listing each violation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;events;help;list' {
            break
        }
        'hookctl;events;help;show' {
            break
        }
        'hookctl;events;help;lint' {
            break
        }
        'hookctl;events;help;help' {
            break
        }
        'hookctl;inspect' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1; when it is taken, the next free one (said on the URL''s line); 0 picks any')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to serve on instead, e.g. 0.0.0.0:4040 to be reachable from other machines (a warning says so)')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Write the console''s URL, with its token, on one line to this file once it answers')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--no-open', '--no-open', [CompletionResultType]::ParameterName, 'Do not open a browser')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;listen' {
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Where deliveries go: URL, or PATH_PREFIX=URL to route by path (repeatable). Without it, listen only receives and answers --respond')
            [CompletionResult]::new('--relay', '--relay', [CompletionResultType]::ParameterName, 'The relay to connect to; several (repeated or comma-separated: the nodes of one relay service) are tried in turn, and listen moves to the next when its relay is gone [default: the one `hookctl init --relay` saved, else an embedded relay on 127.0.0.1:--port]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Token the relay expects (every relay of a list gets the same) [default: the one `hookctl init --token` saved for this relay, or for the first of several]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust this CA certificate (PEM file; repeatable) for a wss:// relay, besides the system''s roots: a relay with a private or test CA')
            [CompletionResult]::new('--relay-ip', '--relay-ip', [CompletionResultType]::ParameterName, 'Connect to this IP address instead of looking the relay''s host name up (a relay whose DNS record is not in place yet); TLS still checks the certificate for the host name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Tunnel name to ask for (kept across reconnects; with a token, reserved for it) [default: one made once per relay and kept, so the URL stays the same across runs]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port of the embedded relay (without --relay); 0 picks a free one')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Forward only these event types (glob, repeatable); others are answered 200 and not forwarded')
            [CompletionResult]::new('--verify-provider', '--verify-provider', [CompletionResultType]::ParameterName, 'Verify each delivery''s signature with this provider''s scheme (`auto`: told from each delivery''s headers) and show the verdict')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret for --verify-provider [env: HOOKCTL_SECRET; default: the provider''s secret in the config]')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Public key for --verify-provider''s asymmetric schemes (Discord, SendGrid, Plaid, …): hex, base64, PEM, whpk_, or JWK (text or file path) [default: the provider''s key pair in the config]')
            [CompletionResult]::new('--respond', '--respond', [CompletionResultType]::ParameterName, 'Status to answer with when there is no --forward-to')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Write the public URL to this file once listen can receive (CI waits on it)')
            [CompletionResult]::new('--inspect', '--inspect', [CompletionResultType]::ParameterName, 'Where the web console serves (as `hookctl inspect`); when its port is taken, the next free one')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long a local target may take to answer before the sender gets 504')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--no-inspect', '--no-inspect', [CompletionResultType]::ParameterName, 'Do not serve the web console')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;relay' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on; a host name (localhost:8787) binds its first IPv4 address')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'The public base URL senders use [default: derived from --listen]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'A token tunnel clients must present; repeatable. Without tokens the relay is open')
            [CompletionResult]::new('--tokens-file', '--tokens-file', [CompletionResultType]::ParameterName, 'A file with one token per line')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest request body accepted (25MiB, 10MB, or bytes)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long a sender waits for the client''s answer before 504')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'What happens to requests for a tunnel whose client is away [default: buffer with --data-dir, else reject]')
            [CompletionResult]::new('--buffer-ttl', '--buffer-ttl', [CompletionResultType]::ParameterName, 'How long a buffered request is kept')
            [CompletionResult]::new('--buffer-max', '--buffer-max', [CompletionResultType]::ParameterName, 'Most requests buffered per tunnel')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where buffered requests and reserved tunnel names are kept')
            [CompletionResult]::new('--max-in-flight', '--max-in-flight', [CompletionResultType]::ParameterName, 'Most requests one tunnel may have in flight; past it senders get 503')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'How long a sender may take to send its request headers (slow clients are cut off)')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'PEM certificate chain, to serve HTTPS directly (with --tls-key); read again when the file changes. With --domain, a wildcard certificate serves every tunnel subdomain')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'PEM private key for --tls-cert')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The relay''s DNS name: HTTPS by ACME (Let''s Encrypt) unless --tls-cert is given, and tunnel NAME also served at https://NAME.HOST. Needs --data-dir for the certificate')
            [CompletionResult]::new('--acme-directory', '--acme-directory', [CompletionResultType]::ParameterName, 'The ACME directory certificates come from [default: Let''s Encrypt, https://acme-v02.api.letsencrypt.org/directory; staging, for trials: https://acme-staging-v02.api.letsencrypt.org/directory]')
            [CompletionResult]::new('--acme-email', '--acme-email', [CompletionResultType]::ParameterName, 'Contact address given to the ACME CA (expiry warnings, policy news)')
            [CompletionResult]::new('--acme-ca-cert', '--acme-ca-cert', [CompletionResultType]::ParameterName, 'A PEM CA certificate to trust for the ACME server (a private CA, e.g. pebble)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'A PEM CA certificate to trust for the ACME server (a private CA, e.g. pebble)')
            [CompletionResult]::new('--http-listen', '--http-listen', [CompletionResultType]::ParameterName, 'Also serve plain HTTP here (e.g. 0.0.0.0:80): ACME''s HTTP-01 challenge, and a redirect to https for everything else')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Threads serving requests. One carries thousands of requests a second at the least CPU per request; give more when the relay''s traffic outgrows a core')
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'Run as one node of a cluster sharing this Redis (redis://[:PASSWORD@]HOST:PORT[/DB], on a private network): routing, tokens, reserved names and the offline buffer live there, and any node serves any tunnel. Needs --node-url')
            [CompletionResult]::new('--node-url', '--node-url', [CompletionResultType]::ParameterName, 'The URL at which the other nodes of the cluster reach this one (its --listen address as seen from them, e.g. http://10.0.0.5:8787)')
            [CompletionResult]::new('--heartbeat', '--heartbeat', [CompletionResultType]::ParameterName, 'How often relay and clients ping each other; three missed pings drop the connection')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;load' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Catalog event to send, each request with fresh ids (`hookctl events list`) [default: payment.succeeded]')
            [CompletionResult]::new('--body-file', '--body-file', [CompletionResultType]::ParameterName, 'Send this body, with `{{id}}` and `{{timestamp}}` replaced for each request [signed as standard-webhooks unless --provider]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Sign as this provider, or a scheme named in the config [default: the event''s own; domain packs: standard-webhooks]')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'Secret to sign with [default: the config''s, or a development secret]')
            [CompletionResult]::new('--private-key', '--private-key', [CompletionResultType]::ParameterName, 'Private key to sign with, for asymmetric schemes (a file, or the key itself)')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Key id the JWT names, for Plaid and Google [default: the key''s JWK kid, else its RFC 7638 thumbprint]')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a payload field (''data.object.amount=5000''); numbers, booleans and JSON are typed; JSON-quote to force text (''id="42"'')')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Send this file as the payload instead of a generated one')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--request-header', '--request-header', [CompletionResultType]::ParameterName, 'Add or replace a request header (''Name: value''); repeatable')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Another directory of event files (JSON/YAML), read after $XDG_CONFIG_HOME/hookctl/events/')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Signature header name')
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'sha1, sha256 or sha512')
            [CompletionResult]::new('--encoding', '--encoding', [CompletionResultType]::ParameterName, 'hex, base64 or base64url')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Text before the signature, e.g. ''sha256=''')
            [CompletionResult]::new('--timestamp-header', '--timestamp-header', [CompletionResultType]::ParameterName, 'Header carrying the Unix timestamp that is signed')
            [CompletionResult]::new('--signed-template', '--signed-template', [CompletionResultType]::ParameterName, 'What is signed, e.g. ''{timestamp}.{body}'' ({body} {timestamp} {id} {url} {method} {header:Name})')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Connections (closed loop: workers sending as fast as answers come; open loop: the most requests in flight)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Requests to send in all [default: 200, unless -d or --stage sets a duration]')
            [CompletionResult]::new('--requests', '--requests', [CompletionResultType]::ParameterName, 'Requests to send in all [default: 200, unless -d or --stage sets a duration]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Send for this long (300, 30s, 5m, 1h30m)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Send for this long (300, 30s, 5m, 1h30m)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Open loop: start this many requests per second on a fixed schedule, whatever the answers')
            [CompletionResult]::new('--stage', '--stage', [CompletionResultType]::ParameterName, 'Open loop: ramp the rate linearly to RPS over DUR (from --rate, or 0); repeatable, in order')
            [CompletionResult]::new('--burst', '--burst', [CompletionResultType]::ParameterName, 'Open loop: COUNT extra requests all due at once, AT into the run (''2000@15s''); repeatable')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Also trust this CA certificate (PEM file; repeatable), e.g. a staging endpoint''s own CA')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer; longer counts as a `timeout` error')
            [CompletionResult]::new('--assert', '--assert', [CompletionResultType]::ParameterName, 'A threshold that must hold, or exit 1: ''p99<200ms'', ''success>=99.9%'', ''rps>=500'', ''errors==0''; repeatable')
            [CompletionResult]::new('--log-sample', '--log-sample', [CompletionResultType]::ParameterName, 'Deliveries to keep in the delivery log (failures first); 0 keeps none')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Send without signature headers (to measure an endpoint that does not verify)')
            [CompletionResult]::new('--http2', '--http2', [CompletionResultType]::ParameterName, 'Speak HTTP/2 (h2c prior knowledge on http://, ALPN on https://); connections carry many streams')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;man' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/hookctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Delivery log database [default: $XDG_DATA_HOME/hookctl/deliveries.db]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document (streaming commands: one object per line)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing but the result (no progress, no hints on stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v, -vv)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error naming the flag (also when CI is set)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'hookctl;help' {
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List every provider: algorithm, signed content, headers, timestamp window')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the signature headers a real delivery of a body would carry')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a received webhook''s signature and explain why it failed')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Send realistic, correctly signed sample events to an endpoint, with retries')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send stored deliveries again, byte-exact or re-signed, to any target')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check that a webhook endpoint handles deliveries safely: signatures, replays, TLS, latency')
            [CompletionResult]::new('monitor', 'monitor', [CompletionResultType]::ParameterValue, 'Keep probing endpoints; alert Slack, Teams, a webhook, email or SMS when one goes down or recovers; report on the history')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Set up the config file: default provider, named secrets, generic schemes, the relay listen uses')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Search, show, export, import and prune the delivery log')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'The event catalog: list events, show one with a sample payload, lint a payload')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Open the web console: every delivery live, its detail and signature verdict, replay, diff, send test events')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhooks on this machine through a relay: forward, record, verify')
            [CompletionResult]::new('relay', 'relay', [CompletionResultType]::ParameterValue, 'Run the self-hostable relay in-process (the same server and flags as hookctl-relay)')
            [CompletionResult]::new('load', 'load', [CompletionResultType]::ParameterValue, 'Load-test an endpoint with unique, signed deliveries: closed or open loop, HDR latencies, assertions')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), e.g. `hookctl man > hookctl.1`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hookctl;help;providers' {
            break
        }
        'hookctl;help;sign' {
            break
        }
        'hookctl;help;verify' {
            break
        }
        'hookctl;help;trigger' {
            break
        }
        'hookctl;help;replay' {
            break
        }
        'hookctl;help;validate' {
            break
        }
        'hookctl;help;monitor' {
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Summarise the probe history: availability, latency, incidents and alerts per endpoint')
            break
        }
        'hookctl;help;monitor;report' {
            break
        }
        'hookctl;help;init' {
            break
        }
        'hookctl;help;logs' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one record: pretty, the raw HTTP request, a curl command, HAR or JSON')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print the last records, then new ones as they land, until Ctrl-C (the same as `logs --follow`)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Counts, success rate and duration percentiles, overall or per event, target or status')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write records to stdout as JSON Lines or HAR 1.2 (oldest first)')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Add the records of a JSONL or HAR file (`-` for stdin); ids already present are skipped')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete records older than a duration')
            break
        }
        'hookctl;help;logs;show' {
            break
        }
        'hookctl;help;logs;tail' {
            break
        }
        'hookctl;help;logs;stats' {
            break
        }
        'hookctl;help;logs;export' {
            break
        }
        'hookctl;help;logs;import' {
            break
        }
        'hookctl;help;logs;prune' {
            break
        }
        'hookctl;help;events' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every event: id, provider or domain pack, description (the default)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One event: provider, a freshly generated sample payload, headers, and with --schema its JSON Schema')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check a payload against an event''s schema; exit 1 listing each violation')
            break
        }
        'hookctl;help;events;list' {
            break
        }
        'hookctl;help;events;show' {
            break
        }
        'hookctl;help;events;lint' {
            break
        }
        'hookctl;help;inspect' {
            break
        }
        'hookctl;help;listen' {
            break
        }
        'hookctl;help;relay' {
            break
        }
        'hookctl;help;load' {
            break
        }
        'hookctl;help;completions' {
            break
        }
        'hookctl;help;man' {
            break
        }
        'hookctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
