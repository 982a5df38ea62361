<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;h2&gt;SkladHook %1&lt;/h2&gt;&lt;p&gt;MoySklad webhooks for your online shop.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SkladHook is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;</source>
        <translation>&lt;h2&gt;SkladHook %1&lt;/h2&gt;&lt;p&gt;MoySklad webhooks for your online shop.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SkladHook is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;</translation>
    </message>
    <message>
        <source>About SkladHook</source>
        <translation>About SkladHook</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>network error</source>
        <translation>network error</translation>
    </message>
    <message>
        <source>no answer from MoySklad in time</source>
        <translation>no answer from MoySklad in time</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>invalid input</translation>
    </message>
    <message>
        <source>unexpected answer from MoySklad</source>
        <translation>unexpected answer from MoySklad</translation>
    </message>
    <message>
        <source>(code %1)</source>
        <translation>(code %1)</translation>
    </message>
    <message>
        <source>refused by MoySklad</source>
        <translation>refused by MoySklad</translation>
    </message>
</context>
<context>
    <name>AssistantPage</name>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>&amp;Stop waiting</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>Waiting for the answer</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>wrong verification string</source>
        <translation>wrong verification string</translation>
    </message>
    <message>
        <source>no verification string</source>
        <translation>no verification string</translation>
    </message>
    <message>
        <source>not a webhook address</source>
        <translation>not a webhook address</translation>
    </message>
    <message>
        <source>method not allowed</source>
        <translation>method not allowed</translation>
    </message>
    <message>
        <source>no requestId</source>
        <translation>no requestId</translation>
    </message>
    <message>
        <source>body too large</source>
        <translation>body too large</translation>
    </message>
    <message>
        <source>malformed body</source>
        <translation>malformed body</translation>
    </message>
    <message>
        <source>Deliveries received</source>
        <translation>Deliveries received</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>stored</translation>
    </message>
    <message>
        <source>redelivered</source>
        <translation>redelivered</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>not stored (500/503)</source>
        <translation>not stored (500/503)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>processed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Queue backlog</source>
        <translation>Queue backlog</translation>
    </message>
    <message>
        <source>tasks waiting</source>
        <translation>tasks waiting</translation>
    </message>
    <message>
        <source>waiting (highest)</source>
        <translation>waiting (highest)</translation>
    </message>
    <message>
        <source>Answer time to MoySklad</source>
        <translation>Answer time to MoySklad</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>median (p50)</source>
        <translation>median (p50)</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Requests to the MoySklad API</source>
        <translation>Requests to the MoySklad API</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>answered</translation>
    </message>
    <message>
        <source>429 Too Many Requests</source>
        <translation>429 Too Many Requests</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>timed out</translation>
    </message>
    <message>
        <source>server errors</source>
        <translation>server errors</translation>
    </message>
    <message>
        <source>Rate limit budget left</source>
        <translation>Rate limit budget left</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requests</translation>
    </message>
    <message>
        <source>remaining (lowest)</source>
        <translation>remaining (lowest)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>&amp;Refused requests by cause</source>
        <translation>&amp;Refused requests by cause</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Refused requests by cause</source>
        <translation>Refused requests by cause</translation>
    </message>
    <message numerus="yes">
        <source>per %n min</source>
        <translation>
            <numerusform>per %n min</numerusform>
            <numerusform>per %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2, a point per %n minute(s)</source>
        <translation>
            <numerusform>%1 – %2, a point per %n minute</numerusform>
            <numerusform>%1 – %2, a point per %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>The charts cannot be read: %1</source>
        <translation>The charts cannot be read: %1</translation>
    </message>
    <message>
        <source>No data yet for this period. While SkladHook receives, it records once a minute what arrived, what the worker did and how MoySklad answered; the charts fill in from the first minute.</source>
        <translation>No data yet for this period. While SkladHook receives, it records once a minute what arrived, what the worker did and how MoySklad answered; the charts fill in from the first minute.</translation>
    </message>
    <message>
        <source>No request was refused</source>
        <translation>No request was refused</translation>
    </message>
    <message>
        <source>%1: %2 in the period</source>
        <translation>%1: %2 in the period</translation>
    </message>
    <message>
        <source>%1: %2 at the end</source>
        <translation>%1: %2 at the end</translation>
    </message>
    <message>
        <source>%1
%2: %3 %4</source>
        <translation>%1
%2: %3 %4</translation>
    </message>
    <message>
        <source>Reading the charts…</source>
        <translation>Reading the charts…</translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>Backed up %1 to %2</source>
        <translation>Backed up %1 to %2</translation>
    </message>
    <message>
        <source>cannot restore while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>cannot restore while a service serves %1 (%2): stop it first (and close the desktop app)</translation>
    </message>
    <message>
        <source>Restored %1 from %2. The next start of the service catches up with MoySklad.</source>
        <translation>Restored %1 from %2. The next start of the service catches up with MoySklad.</translation>
    </message>
    <message>
        <source>Restored %1 from %2; the previous database is kept as %3. The next start of the service catches up with MoySklad.</source>
        <translation>Restored %1 from %2; the previous database is kept as %3. The next start of the service catches up with MoySklad.</translation>
    </message>
    <message>
        <source>cannot move the database aside while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>cannot move the database aside while a service serves %1 (%2): stop it first (and close the desktop app)</translation>
    </message>
    <message>
        <source>Moved %1 aside to %2 (kept). The next start creates a fresh database; run `skladhook-cli sync --since DATE` to fetch the documents again.</source>
        <translation>Moved %1 aside to %2 (kept). The next start creates a fresh database; run `skladhook-cli sync --since DATE` to fetch the documents again.</translation>
    </message>
    <message>
        <source>the store is the PostgreSQL database %1 (store.url), not skladhook.db: back it up and restore it with PostgreSQL&apos;s own tools (pg_dump, pg_restore)</source>
        <translation>the store is the PostgreSQL database %1 (store.url), not skladhook.db: back it up and restore it with PostgreSQL&apos;s own tools (pg_dump, pg_restore)</translation>
    </message>
    <message>
        <source>FILE must not be empty (usage: skladhook-cli %1)</source>
        <translation>FILE must not be empty (usage: skladhook-cli %1)</translation>
    </message>
    <message>
        <source>cannot write the backup %1: the directory %2 does not exist</source>
        <translation>cannot write the backup %1: the directory %2 does not exist</translation>
    </message>
    <message>
        <source>%1 is a directory, not a backup file</source>
        <translation>%1 is a directory, not a backup file</translation>
    </message>
</context>
<context>
    <name>CliCheck</name>
    <message>
        <source>API:      %1 reachable</source>
        <translation>API:      %1 reachable</translation>
    </message>
    <message>
        <source>Token:    valid</source>
        <translation>Token:    valid</translation>
    </message>
    <message>
        <source>Token:    valid (%1)</source>
        <translation>Token:    valid (%1)</translation>
    </message>
    <message>
        <source>Webhooks: may be managed</source>
        <translation>Webhooks: may be managed</translation>
    </message>
    <message>
        <source>Webhooks: may NOT be managed: %1</source>
        <translation>Webhooks: may NOT be managed: %1</translation>
    </message>
    <message>
        <source>this user may not manage webhooks: %1</source>
        <translation>this user may not manage webhooks: %1</translation>
    </message>
    <message>
        <source>MoySklad at %1: %2 (%3)</source>
        <translation>MoySklad at %1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>CliConfig</name>
    <message>
        <source>unknown setting &apos;%1&apos;; see &apos;skladhook-cli config list&apos;</source>
        <translation>unknown setting &apos;%1&apos;; see &apos;skladhook-cli config list&apos;</translation>
    </message>
    <message>
        <source>%1 (not shown): </source>
        <translation>%1 (not shown): </translation>
    </message>
    <message>
        <source>cannot read %1 from standard input: %2</source>
        <translation>cannot read %1 from standard input: %2</translation>
    </message>
    <message>
        <source>%1 on standard input is longer than %2 characters</source>
        <translation>%1 on standard input is longer than %2 characters</translation>
    </message>
    <message>
        <source>no %1 on standard input: give it as one non-empty line</source>
        <translation>no %1 on standard input: give it as one non-empty line</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 must not be empty</translation>
    </message>
    <message>
        <source>cannot save %1 in %2: %3</source>
        <translation>cannot save %1 in %2: %3</translation>
    </message>
    <message>
        <source>%1 saved in %2</source>
        <translation>%1 saved in %2</translation>
    </message>
    <message>
        <source>the previous verification string stays accepted until %1 or until the hooks carry the new one: &apos;skladhook-cli webhooks apply --update-own&apos;</source>
        <translation>the previous verification string stays accepted until %1 or until the hooks carry the new one: &apos;skladhook-cli webhooks apply --update-own&apos;</translation>
    </message>
    <message>
        <source>secrets will be kept in plaintext in %1</source>
        <translation>secrets will be kept in plaintext in %1</translation>
    </message>
    <message>
        <source>[this machine]</source>
        <translation>[this machine]</translation>
    </message>
    <message>
        <source>[account]</source>
        <translation>[account]</translation>
    </message>
    <message>
        <source>the secrets stay in %1: the OS keychain could not take them: %2</source>
        <translation>the secrets stay in %1: the OS keychain could not take them: %2</translation>
    </message>
    <message>
        <source>secrets are now kept in %1</source>
        <translation>secrets are now kept in %1</translation>
    </message>
    <message>
        <source>the secrets in %1 could not be read (%2), so they were not moved: save them again with &apos;config set api.token -&apos; and &apos;config set site.secret -&apos;</source>
        <translation>the secrets in %1 could not be read (%2), so they were not moved: save them again with &apos;config set api.token -&apos; and &apos;config set site.secret -&apos;</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 is not set</translation>
    </message>
    <message>
        <source>site.secret, api.token and store.password are secrets: &apos;config get&apos; shows them masked.</source>
        <translation>site.secret, api.token and store.password are secrets: &apos;config get&apos; shows them masked.</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>usage: skladhook-cli %1</source>
        <translation>usage: skladhook-cli %1</translation>
    </message>
    <message>
        <source>cannot read %1 from %2: %3</source>
        <translation>cannot read %1 from %2: %3</translation>
    </message>
    <message>
        <source>the API URL &apos;%1&apos; is not an absolute URL (--api-url or config api.url)</source>
        <translation>the API URL &apos;%1&apos; is not an absolute URL (--api-url or config api.url)</translation>
    </message>
    <message>
        <source>cannot obtain a token with MOYSKLAD_LOGIN: %1</source>
        <translation>cannot obtain a token with MOYSKLAD_LOGIN: %1</translation>
    </message>
    <message>
        <source>obtained a new API token with MOYSKLAD_LOGIN (the user&apos;s earlier tokens are revoked) and saved it in %1</source>
        <translation>obtained a new API token with MOYSKLAD_LOGIN (the user&apos;s earlier tokens are revoked) and saved it in %1</translation>
    </message>
    <message>
        <source>cannot read the API token from %1: %2</source>
        <translation>cannot read the API token from %1: %2</translation>
    </message>
    <message>
        <source>no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and MOYSKLAD_PASSWORD, or save a token with &apos;skladhook-cli config set api.token -&apos;</source>
        <translation>no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and MOYSKLAD_PASSWORD, or save a token with &apos;skladhook-cli config set api.token -&apos;</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>A consistent copy of skladhook.db (safe while the service runs).</source>
        <translation>A consistent copy of skladhook.db (safe while the service runs).</translation>
    </message>
    <message>
        <source>Puts a backup in place of skladhook.db (the current one is kept aside); the service must be stopped.</source>
        <translation>Puts a backup in place of skladhook.db (the current one is kept aside); the service must be stopped.</translation>
    </message>
    <message>
        <source>Renames a damaged skladhook.db (kept, never deleted) so that the next start begins afresh.</source>
        <translation>Renames a damaged skladhook.db (kept, never deleted) so that the next start begins afresh.</translation>
    </message>
    <message>
        <source>Check that the API is reachable, the token is valid and may manage webhooks.</source>
        <translation>Check that the API is reachable, the token is valid and may manage webhooks.</translation>
    </message>
    <message>
        <source>Print one setting. site.secret and api.token are printed masked (their first two characters): they are never shown in full.</source>
        <translation>Print one setting. site.secret and api.token are printed masked (their first two characters): they are never shown in full.</translation>
    </message>
    <message>
        <source>Print every setting.</source>
        <translation>Print every setting.</translation>
    </message>
    <message>
        <source>log: keep printing new rows.</source>
        <translation>log: keep printing new rows.</translation>
    </message>
    <message>
        <source>log: the lowest level shown: debug, info, warning, error.</source>
        <translation>log: the lowest level shown: debug, info, warning, error.</translation>
    </message>
    <message>
        <source>The diagnostics log (newest 1000 rows; --follow keeps printing).</source>
        <translation>The diagnostics log (newest 1000 rows; --follow keeps printing).</translation>
    </message>
    <message>
        <source>Send a test delivery to every hook URL (through the proxy or tunnel) and report each step; never creates a task.</source>
        <translation>Send a test delivery to every hook URL (through the proxy or tunnel) and report each step; never creates a task.</translation>
    </message>
    <message>
        <source>Run the receiver and the worker without a GUI (SIGINT/SIGTERM stop it cleanly).</source>
        <translation>Run the receiver and the worker without a GUI (SIGINT/SIGTERM stop it cleanly).</translation>
    </message>
    <message>
        <source>Orders in the local shop store (sums in kopecks with --json).</source>
        <translation>Orders in the local shop store (sums in kopecks with --json).</translation>
    </message>
    <message>
        <source>Incoming payments (paymentin, cashin) in the local shop store, with the orders they pay (sums in kopecks with --json).</source>
        <translation>Incoming payments (paymentin, cashin) in the local shop store, with the orders they pay (sums in kopecks with --json).</translation>
    </message>
    <message>
        <source>Shipments (demand) in the local shop store, with their order (sums in kopecks with --json).</source>
        <translation>Shipments (demand) in the local shop store, with their order (sums in kopecks with --json).</translation>
    </message>
    <message>
        <source>Catch up with MoySklad now: apply every handled document changed since the store was last known complete (or since --since), and mark the deleted ones.</source>
        <translation>Catch up with MoySklad now: apply every handled document changed since the store was last known complete (or since --since), and mark the deleted ones.</translation>
    </message>
    <message>
        <source>Fetch what changed since this moment, Moscow time, as MoySklad writes it.</source>
        <translation>Fetch what changed since this moment, Moscow time, as MoySklad writes it.</translation>
    </message>
    <message>
        <source>verify: only the documents updated in MoySklad at or after MOMENT, Moscow time as MoySklad shows it: &quot;YYYY-MM-DD HH:MM:SS&quot;.</source>
        <translation>verify: only the documents updated in MoySklad at or after MOMENT, Moscow time as MoySklad shows it: &quot;YYYY-MM-DD HH:MM:SS&quot;.</translation>
    </message>
    <message>
        <source>Compare the shop store with MoySklad: documents missing, stale (older `updated`) or extra (gone from MoySklad). Exit 0 when they match, 1 when they differ, 3 when the comparison failed.</source>
        <translation>Compare the shop store with MoySklad: documents missing, stale (older `updated`) or extra (gone from MoySklad). Exit 0 when they match, 1 when they differ, 3 when the comparison failed.</translation>
    </message>
    <message>
        <source>List every webhook of the account (the key= secret masked).</source>
        <translation>List every webhook of the account (the key= secret masked).</translation>
    </message>
    <message>
        <source>webhooks apply: also rewrite our outdated hook URLs.</source>
        <translation>webhooks apply: also rewrite our outdated hook URLs.</translation>
    </message>
    <message>
        <source>webhooks apply: delete our hooks no longer in the catalog.</source>
        <translation>webhooks apply: delete our hooks no longer in the catalog.</translation>
    </message>
    <message>
        <source>Show what apply would do, per hook (ours and other applications&apos;).</source>
        <translation>Show what apply would do, per hook (ours and other applications&apos;).</translation>
    </message>
    <message>
        <source>Create missing hooks and enable our disabled ones.</source>
        <translation>Create missing hooks and enable our disabled ones.</translation>
    </message>
    <message>
        <source>Set a hook&apos;s execution mode: immediate, queued or first-immediate.</source>
        <translation>Set a hook&apos;s execution mode: immediate, queued or first-immediate.</translation>
    </message>
    <message>
        <source>queue: tasks whose document number or id, request id, task id, hook or last error contains TEXT.</source>
        <translation>queue: tasks whose document number or id, request id, task id, hook or last error contains TEXT.</translation>
    </message>
    <message>
        <source>queue: tasks of this hook, e.g. customerorder/UPDATE.</source>
        <translation>queue: tasks of this hook, e.g. customerorder/UPDATE.</translation>
    </message>
    <message>
        <source>queue: tasks in this status.</source>
        <translation>queue: tasks in this status.</translation>
    </message>
    <message>
        <source>queue: do it; without it only the count is printed.</source>
        <translation>queue: do it; without it only the count is printed.</translation>
    </message>
    <message>
        <source>Task counts per status.</source>
        <translation>Task counts per status.</translation>
    </message>
    <message>
        <source>Pause processing (deliveries are still received and queued); survives a restart.</source>
        <translation>Pause processing (deliveries are still received and queued); survives a restart.</translation>
    </message>
    <message>
        <source>Resume processing after queue pause.</source>
        <translation>Resume processing after queue pause.</translation>
    </message>
    <message>
        <source>The newest tasks, with attempts and last error; --search and --hook narrow them.</source>
        <translation>The newest tasks, with attempts and last error; --search and --hook narrow them.</translation>
    </message>
    <message>
        <source>A task&apos;s attempts: start, duration, HTTP status, result, error.</source>
        <translation>A task&apos;s attempts: start, duration, HTTP status, result, error.</translation>
    </message>
    <message>
        <source>Queue again every dead, cancelled or retrying task that matches --status, --search and --hook (the count only, without --yes).</source>
        <translation>Queue again every dead, cancelled or retrying task that matches --status, --search and --hook (the count only, without --yes).</translation>
    </message>
    <message>
        <source>Cancel every pending, retrying or dead task that matches --status, --search and --hook (the count only, without --yes).</source>
        <translation>Cancel every pending, retrying or dead task that matches --status, --search and --hook (the count only, without --yes).</translation>
    </message>
    <message>
        <source>The newest stored deliveries (hook, sender, events, times), or one.</source>
        <translation>The newest stored deliveries (hook, sender, events, times), or one.</translation>
    </message>
    <message>
        <source>Queue a dead, cancelled or retrying task again now.</source>
        <translation>Queue a dead, cancelled or retrying task again now.</translation>
    </message>
    <message>
        <source>Queue every dead task again.</source>
        <translation>Queue every dead task again.</translation>
    </message>
    <message>
        <source>Cancel a waiting or dead task.</source>
        <translation>Cancel a waiting or dead task.</translation>
    </message>
    <message>
        <source>store migrate: the PostgreSQL database to copy the store into, postgresql://user@host:port/dbname (password from PGPASSWORD).</source>
        <translation>store migrate: the PostgreSQL database to copy the store into, postgresql://user@host:port/dbname (password from PGPASSWORD).</translation>
    </message>
    <message>
        <source>Copies the local store (queue, log, shop data, sync state) into an empty PostgreSQL database, all or nothing.</source>
        <translation>Copies the local store (queue, log, shop data, sync state) into an empty PostgreSQL database, all or nothing.</translation>
    </message>
    <message>
        <source>Change one setting. With VALUE &apos;-&apos; site.secret, api.token or store.password is read from standard input (one line, not echoed on a terminal), so that it shows neither in ps nor in the shell history. Keys: those &apos;config list&apos; prints, with what each accepts, and the secrets site.secret, api.token and store.password (the PostgreSQL store&apos;s password on this machine), which go to the OS keychain; with --data-dir and no keychain, &apos;config set secrets.store file&apos; keeps them in the data directory (plaintext, explicit opt-in). site.secret (the verification string in every hook URL): 16-128 characters A-Z a-z 0-9 - _ . ~; when unset, &apos;webhooks plan&apos; or &apos;apply&apos; generates a random one and saves it.</source>
        <translation>Change one setting. With VALUE &apos;-&apos; site.secret, api.token or store.password is read from standard input (one line, not echoed on a terminal), so that it shows neither in ps nor in the shell history. Keys: those &apos;config list&apos; prints, with what each accepts, and the secrets site.secret, api.token and store.password (the PostgreSQL store&apos;s password on this machine), which go to the OS keychain; with --data-dir and no keychain, &apos;config set secrets.store file&apos; keeps them in the data directory (plaintext, explicit opt-in). site.secret (the verification string in every hook URL): 16-128 characters A-Z a-z 0-9 - _ . ~; when unset, &apos;webhooks plan&apos; or &apos;apply&apos; generates a random one and saves it.</translation>
    </message>
</context>
<context>
    <name>CliLog</name>
    <message>
        <source>unknown level &apos;%1&apos;: debug, info, warning or error</source>
        <translation>unknown level &apos;%1&apos;: debug, info, warning or error</translation>
    </message>
    <message>
        <source>cannot read the log: %1</source>
        <translation>cannot read the log: %1</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>Credentials: MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the keychain.</source>
        <translation>Credentials: MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the keychain.</translation>
    </message>
    <message>
        <source>Exit code 0 on success; on failure non-zero and one line on stderr.</source>
        <translation>Exit code 0 on success; on failure non-zero and one line on stderr.</translation>
    </message>
    <message>
        <source>SkladHook: MoySklad webhooks for your online shop.</source>
        <translation>SkladHook: MoySklad webhooks for your online shop.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Show the version.</translation>
    </message>
    <message>
        <source>Keep every file SkladHook writes inside DIR.</source>
        <translation>Keep every file SkladHook writes inside DIR.</translation>
    </message>
    <message>
        <source>MoySklad API base URL.</source>
        <translation>MoySklad API base URL.</translation>
    </message>
    <message>
        <source>Machine-readable JSON output.</source>
        <translation>Machine-readable JSON output.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see skladhook-cli --help</source>
        <translation>unknown command &apos;%1&apos;; see skladhook-cli --help</translation>
    </message>
    <message>
        <source>option --%1 is not valid for &apos;%2&apos;</source>
        <translation>option --%1 is not valid for &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--data-dir must name a directory (got an empty value)</source>
        <translation>--data-dir must name a directory (got an empty value)</translation>
    </message>
    <message>
        <source>--api-url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</source>
        <translation>--api-url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subcommand: %2</source>
        <translation>&apos;%1&apos; needs a subcommand: %2</translation>
    </message>
</context>
<context>
    <name>CliPing</name>
    <message>
        <source>skip</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>(%1 ms)</source>
        <translation>(%1 ms)</translation>
    </message>
    <message>
        <source>cannot read the verification string from %1: %2</source>
        <translation>cannot read the verification string from %1: %2</translation>
    </message>
    <message>
        <source>Every hook URL reached the receiver (%1).</source>
        <translation>Every hook URL reached the receiver (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n hook URL(s) failed.</source>
        <translation>
            <numerusform>%1 of %n hook URL failed.</numerusform>
            <numerusform>%1 of %n hook URLs failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliQueue</name>
    <message>
        <source>pending %1, running %2, retrying %3, dead %4, done %5, cancelled %6</source>
        <translation>pending %1, running %2, retrying %3, dead %4, done %5, cancelled %6</translation>
    </message>
    <message>
        <source>oldest waiting since %1</source>
        <translation>oldest waiting since %1</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;: pending, running, retrying, dead, done or cancelled</source>
        <translation>unknown status &apos;%1&apos;: pending, running, retrying, dead, done or cancelled</translation>
    </message>
    <message>
        <source> (the running service, %1, takes it within 2 s)</source>
        <translation> (the running service, %1, takes it within 2 s)</translation>
    </message>
    <message>
        <source>processing paused: &apos;skladhook-cli queue resume&apos; continues it</source>
        <translation>processing paused: &apos;skladhook-cli queue resume&apos; continues it</translation>
    </message>
    <message>
        <source>processing on hold: no API token (&apos;skladhook-cli config set api.token -&apos;)</source>
        <translation>processing on hold: no API token (&apos;skladhook-cli config set api.token -&apos;)</translation>
    </message>
    <message>
        <source>processing on hold: MoySklad refused the API token (revoked by a newer login?); tasks keep their attempts until a working token is saved (&apos;skladhook-cli config set api.token -&apos;)</source>
        <translation>processing on hold: MoySklad refused the API token (revoked by a newer login?); tasks keep their attempts until a working token is saved (&apos;skladhook-cli config set api.token -&apos;)</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: tasks wait without spending attempts; processing resumes once it answers again</source>
        <translation>MoySklad unreachable since %1: tasks wait without spending attempts; processing resumes once it answers again</translation>
    </message>
    <message>
        <source>usage: skladhook-cli queue list [STATUS] [--search TEXT] [--hook HOOK]</source>
        <translation>usage: skladhook-cli queue list [STATUS] [--search TEXT] [--hook HOOK]</translation>
    </message>
    <message>
        <source>attempts %1</source>
        <translation>attempts %1</translation>
    </message>
    <message>
        <source>the task id must be a number (got &apos;%1&apos;)</source>
        <translation>the task id must be a number (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>no task %1</source>
        <translation>no task %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>task %1 has no attempt yet</source>
        <translation>task %1 has no attempt yet</translation>
    </message>
    <message>
        <source>give at least one of --status, --search or --hook</source>
        <translation>give at least one of --status, --search or --hook</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) match and can be retried; add --yes to retry them</source>
        <translation>
            <numerusform>%n task match and can be retried; add --yes to retry them</numerusform>
            <numerusform>%n tasks match and can be retried; add --yes to retry them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) match and can be cancelled; add --yes to cancel them</source>
        <translation>
            <numerusform>%n task match and can be cancelled; add --yes to cancel them</numerusform>
            <numerusform>%n tasks match and can be cancelled; add --yes to cancel them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) queued again</source>
        <translation>
            <numerusform>%n task queued again</numerusform>
            <numerusform>%n tasks queued again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled</source>
        <translation>
            <numerusform>%n task cancelled</numerusform>
            <numerusform>%n tasks cancelled</numerusform>
        </translation>
    </message>
    <message>
        <source>no delivery with requestId %1</source>
        <translation>no delivery with requestId %1</translation>
    </message>
    <message>
        <source>task %1 cannot be %2 (no such task, or its status does not allow it)</source>
        <translation>task %1 cannot be %2 (no such task, or its status does not allow it)</translation>
    </message>
    <message>
        <source>task %1 %2</source>
        <translation>task %1 %2</translation>
    </message>
    <message>
        <source>queued again</source>
        <translation>queued again</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message numerus="yes">
        <source>%n dead task(s) queued again</source>
        <translation>
            <numerusform>%n dead task queued again</numerusform>
            <numerusform>%n dead tasks queued again</numerusform>
        </translation>
    </message>
    <message>
        <source>processing paused: deliveries are still received and queued</source>
        <translation>processing paused: deliveries are still received and queued</translation>
    </message>
    <message>
        <source>processing resumed</source>
        <translation>processing resumed</translation>
    </message>
    <message>
        <source> (the running service, %1, follows within 2 s)</source>
        <translation> (the running service, %1, follows within 2 s)</translation>
    </message>
    <message>
        <source>unknown hook &apos;%1&apos;: give ENTITY/ACTION of one of the module&apos;s hooks, e.g. customerorder/UPDATE (see &apos;skladhook-cli webhooks plan&apos;)</source>
        <translation>unknown hook &apos;%1&apos;: give ENTITY/ACTION of one of the module&apos;s hooks, e.g. customerorder/UPDATE (see &apos;skladhook-cli webhooks plan&apos;)</translation>
    </message>
    <message>
        <source>the task id must be 1 or more (got &apos;%1&apos;)</source>
        <translation>the task id must be 1 or more (got &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>CliServe</name>
    <message>
        <source>listening on %1</source>
        <translation>listening on %1</translation>
    </message>
    <message>
        <source>site.secret is not set: run &apos;skladhook-cli webhooks apply&apos; (it generates one) or &apos;skladhook-cli config set site.secret VALUE&apos;</source>
        <translation>site.secret is not set: run &apos;skladhook-cli webhooks apply&apos; (it generates one) or &apos;skladhook-cli config set site.secret VALUE&apos;</translation>
    </message>
    <message>
        <source>cannot serve: another SkladHook (%1) is already serving %2</source>
        <translation>cannot serve: another SkladHook (%1) is already serving %2</translation>
    </message>
    <message>
        <source>cannot serve: %1</source>
        <translation>cannot serve: %1</translation>
    </message>
    <message>
        <source>no API token yet: deliveries are answered and queued; processing starts as soon as one is saved (&apos;skladhook-cli config set api.token TOKEN&apos;)</source>
        <translation>no API token yet: deliveries are answered and queued; processing starts as soon as one is saved (&apos;skladhook-cli config set api.token TOKEN&apos;)</translation>
    </message>
    <message>
        <source>cannot set up signal handling</source>
        <translation>cannot set up signal handling</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>stopping…</translation>
    </message>
    <message>
        <source>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</source>
        <translation>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</translation>
    </message>
    <message>
        <source>cannot read the secrets from %1: %2</source>
        <translation>cannot read the secrets from %1: %2</translation>
    </message>
</context>
<context>
    <name>CliStore</name>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>%1  %2  %3  sum %4  paid %5%6</source>
        <translation>%1  %2  %3  sum %4  paid %5%6</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  sum %5%6%7</source>
        <translation>%1  %2  %3  %4  sum %5%6%7</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>%1  %2  %3  sum %4%5%6</source>
        <translation>%1  %2  %3  sum %4%5%6</translation>
    </message>
    <message>
        <source>for order %1</source>
        <translation>for order %1</translation>
    </message>
</context>
<context>
    <name>CliStoreMigrate</name>
    <message>
        <source>cannot migrate the store while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>cannot migrate the store while a service serves %1 (%2): stop it first (and close the desktop app)</translation>
    </message>
    <message>
        <source>nothing was copied to %1: %2</source>
        <translation>nothing was copied to %1: %2</translation>
    </message>
    <message>
        <source>Copied the store to %1. The service keeps using SQLite until it can run on PostgreSQL.</source>
        <translation>Copied the store to %1. The service keeps using SQLite until it can run on PostgreSQL.</translation>
    </message>
</context>
<context>
    <name>CliSync</name>
    <message>
        <source>Window:   %1 – %2 (Moscow time)</source>
        <translation>Window:   %1 – %2 (Moscow time)</translation>
    </message>
    <message>
        <source>%1 %2 fetched, %3 applied, %4 marked deleted, %5 requests</source>
        <translation>%1 %2 fetched, %3 applied, %4 marked deleted, %5 requests</translation>
    </message>
    <message>
        <source>Total:          %1 fetched, %2 applied, %3 marked deleted, %4 requests</source>
        <translation>Total:          %1 fetched, %2 applied, %3 marked deleted, %4 requests</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos;: expected &quot;YYYY-MM-DD HH:MM:SS&quot; (Moscow time, as MoySklad writes it)</source>
        <translation>--since &apos;%1&apos;: expected &quot;YYYY-MM-DD HH:MM:SS&quot; (Moscow time, as MoySklad writes it)</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos; is in the future</source>
        <translation>--since &apos;%1&apos; is in the future</translation>
    </message>
    <message>
        <source>%1: %2 fetched, %3 pages left</source>
        <translation>%1: %2 fetched, %3 pages left</translation>
    </message>
    <message>
        <source>MoySklad refused the API token (%1): save a working one with &apos;skladhook-cli config set api.token -&apos;</source>
        <translation>MoySklad refused the API token (%1): save a working one with &apos;skladhook-cli config set api.token -&apos;</translation>
    </message>
    <message>
        <source>the sync stopped: %1 (what was applied stays; run it again)</source>
        <translation>the sync stopped: %1 (what was applied stays; run it again)</translation>
    </message>
</context>
<context>
    <name>CliVerify</name>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <source>Documents updated in MoySklad since %1 (Moscow time); extra is judged only among stored documents updated since then.</source>
        <translation>Documents updated in MoySklad since %1 (Moscow time); extra is judged only among stored documents updated since then.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>MOYSKLAD</source>
        <translation>MOYSKLAD</translation>
    </message>
    <message>
        <source>STORE</source>
        <translation>STORE</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>MISSING</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>STALE</translation>
    </message>
    <message>
        <source>EXTRA</source>
        <translation>EXTRA</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>extra</translation>
    </message>
    <message>
        <source>The store matches MoySklad.</source>
        <translation>The store matches MoySklad.</translation>
    </message>
    <message>
        <source>The store differs from MoySklad.</source>
        <translation>The store differs from MoySklad.</translation>
    </message>
    <message>
        <source>--since must be a Moscow time as MoySklad writes it, &quot;YYYY-MM-DD HH:MM:SS&quot; (got &apos;%1&apos;)</source>
        <translation>--since must be a Moscow time as MoySklad writes it, &quot;YYYY-MM-DD HH:MM:SS&quot; (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>listing %1: %2 of %3</source>
        <translation>listing %1: %2 of %3</translation>
    </message>
    <message>
        <source>MoySklad refused the token: save a working one with &apos;skladhook-cli config set api.token -&apos;, or set MOYSKLAD_TOKEN</source>
        <translation>MoySklad refused the token: save a working one with &apos;skladhook-cli config set api.token -&apos;, or set MOYSKLAD_TOKEN</translation>
    </message>
</context>
<context>
    <name>CliWebhooks</name>
    <message>
        <source>cannot list webhooks: %1</source>
        <translation>cannot list webhooks: %1</translation>
    </message>
    <message>
        <source>ENTITY</source>
        <translation>ENTITY</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>ACTION</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>ENABLED</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>CREATED BY</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>user</source>
        <translation>user</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
    <message>
        <source>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</source>
        <translation>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</translation>
    </message>
    <message>
        <source>site.secret is not set: skladhook-cli config set site.secret VALUE</source>
        <translation>site.secret is not set: skladhook-cli config set site.secret VALUE</translation>
    </message>
    <message>
        <source>site.secret was not set: generated a new verification string and saved it in %1</source>
        <translation>site.secret was not set: generated a new verification string and saved it in %1</translation>
    </message>
    <message>
        <source>cannot read the secrets from %1: %2</source>
        <translation>cannot read the secrets from %1: %2</translation>
    </message>
    <message>
        <source>%1 MoySklad said: %2</source>
        <translation>%1 MoySklad said: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n outdated hook(s) of ours left as they are: add --update-own to rewrite them</source>
        <translation>
            <numerusform>%n outdated hook of ours left as they are: add --update-own to rewrite them</numerusform>
            <numerusform>%n outdated hooks of ours left as they are: add --update-own to rewrite them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) of ours are no longer needed: add --remove-unwanted to delete them</source>
        <translation>
            <numerusform>%n hook of ours are no longer needed: add --remove-unwanted to delete them</numerusform>
            <numerusform>%n hooks of ours are no longer needed: add --remove-unwanted to delete them</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 enabled, %4 deleted</source>
        <translation>%1 created, %2 updated, %3 enabled, %4 deleted</translation>
    </message>
    <message>
        <source>%1/%2 is not one of the module&apos;s hooks</source>
        <translation>%1/%2 is not one of the module&apos;s hooks</translation>
    </message>
    <message>
        <source>the mode must be immediate, queued or first-immediate (got &apos;%1&apos;)</source>
        <translation>the mode must be immediate, queued or first-immediate (got &apos;%1&apos;)</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>MoySklad connection</source>
        <translation>MoySklad connection</translation>
    </message>
    <message>
        <source>Paste a token, or obtain one below</source>
        <translation>Paste a token, or obtain one below</translation>
    </message>
    <message>
        <source>Obtaining a token with the login and password revokes this user&apos;s earlier tokens.</source>
        <translation>Obtaining a token with the login and password revokes this user&apos;s earlier tokens.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Changing the site URL or the verification string marks the module&apos;s hooks outdated: tick Update on them in the Webhooks tab and click Apply.</source>
        <translation>Changing the site URL or the verification string marks the module&apos;s hooks outdated: tick Update on them in the Webhooks tab and click Apply.</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>API URL not saved: %1</source>
        <translation>API URL not saved: %1</translation>
    </message>
    <message>
        <source>Site URL not saved: %1</source>
        <translation>Site URL not saved: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Full (paymentin and cashin hooks)</source>
        <translation>Full (paymentin and cashin hooks)</translation>
    </message>
    <message>
        <source>Full (demand hooks)</source>
        <translation>Full (demand hooks)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Use this only on a machine without a keychain: anyone who can read the settings file can read the secrets.</source>
        <translation>Use this only on a machine without a keychain: anyone who can read the settings file can read the secrets.</translation>
    </message>
    <message>
        <source>Secrets are kept in the settings file, unencrypted.</source>
        <translation>Secrets are kept in the settings file, unencrypted.</translation>
    </message>
    <message>
        <source>Secrets are kept in the OS keychain.</source>
        <translation>Secrets are kept in the OS keychain.</translation>
    </message>
    <message>
        <source>Carried in every hook URL of the module as key=…; at least 128 random bits.</source>
        <translation>Carried in every hook URL of the module as key=…; at least 128 random bits.</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>API &amp;URL:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API &amp;token:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Obtain token</source>
        <translation>&amp;Obtain token</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Check connection</translation>
    </message>
    <message>
        <source>&amp;Site URL:</source>
        <translation>&amp;Site URL:</translation>
    </message>
    <message>
        <source>&amp;Verification string:</source>
        <translation>&amp;Verification string:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Sho&amp;w</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Generate…</translation>
    </message>
    <message>
        <source>Pa&amp;yment exchange:</source>
        <translation>Pa&amp;yment exchange:</translation>
    </message>
    <message>
        <source>Shipme&amp;nt exchange:</source>
        <translation>Shipme&amp;nt exchange:</translation>
    </message>
    <message>
        <source>&amp;Import orders from MoySklad (customerorder/CREATE)</source>
        <translation>&amp;Import orders from MoySklad (customerorder/CREATE)</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>L&amp;anguage:</translation>
    </message>
    <message>
        <source>&amp;Keep the token and the verification string in the settings file, unencrypted (only when no keychain is available)</source>
        <translation>&amp;Keep the token and the verification string in the settings file, unencrypted (only when no keychain is available)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Keep receiving in the tray</source>
        <translation>Keep receiving in the tray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>W&amp;hen the window is closed:</source>
        <translation>W&amp;hen the window is closed:</translation>
    </message>
    <message>
        <source>While SkladHook receives MoySklad&apos;s deliveries, closing the window can keep it receiving in the system tray, or quit</source>
        <translation>While SkladHook receives MoySklad&apos;s deliveries, closing the window can keep it receiving in the system tray, or quit</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>Canc&amp;el</translation>
    </message>
    <message>
        <source>Stop waiting for MoySklad&apos;s answer (it may take minutes)</source>
        <translation>Stop waiting for MoySklad&apos;s answer (it may take minutes)</translation>
    </message>
    <message>
        <source>The secret store reported an error (see the message above): the secrets you type are used for this session only.</source>
        <translation>The secret store reported an error (see the message above): the secrets you type are used for this session only.</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Keep receiving in the tray?</source>
        <translation>Keep receiving in the tray?</translation>
    </message>
    <message>
        <source>SkladHook is receiving MoySklad&apos;s deliveries. If it quits, MoySklad&apos;s webhooks get no answer until it runs again (MoySklad retries a delivery only a few times, then drops it). Keep receiving in the system tray, or quit?</source>
        <translation>SkladHook is receiving MoySklad&apos;s deliveries. If it quits, MoySklad&apos;s webhooks get no answer until it runs again (MoySklad retries a delivery only a few times, then drops it). Keep receiving in the system tray, or quit?</translation>
    </message>
    <message>
        <source>Keep in the tray</source>
        <translation>Keep in the tray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About SkladHook</source>
        <translation>&amp;About SkladHook</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad answers again after an outage of %n minute(s) (since %1): the waiting tasks are being processed, none lost an attempt.</source>
        <translation>
            <numerusform>MoySklad answers again after an outage of %n minute (since %1): the waiting tasks are being processed, none lost an attempt.</numerusform>
            <numerusform>MoySklad answers again after an outage of %n minutes (since %1): the waiting tasks are being processed, none lost an attempt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosticsPane</name>
    <message>
        <source>Debug and above</source>
        <translation>Debug and above</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>All hooks</source>
        <translation>All hooks</translation>
    </message>
    <message>
        <source>Search messages, details, request or document ids</source>
        <translation>Search messages, details, request or document ids</translation>
    </message>
    <message>
        <source>Keep the view still while new rows arrive</source>
        <translation>Keep the view still while new rows arrive</translation>
    </message>
    <message>
        <source>Select a row to see its details</source>
        <translation>Select a row to see its details</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Request: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Export the log</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting… %p%</source>
        <translation>Exporting… %p%</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>An export is already running.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Export &amp;JSON…</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>Cancel e&amp;xport</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;Don&apos;t ask again</translation>
    </message>
</context>
<context>
    <name>HookErrors</name>
    <message>
        <source>A webhook for this entity, action and URL already exists in MoySklad. Refresh the list: it is probably already installed.</source>
        <translation>A webhook for this entity, action and URL already exists in MoySklad. Refresh the list: it is probably already installed.</translation>
    </message>
    <message>
        <source>Only the MoySklad account administrator may manage webhooks. Use an administrator&apos;s token or login.</source>
        <translation>Only the MoySklad account administrator may manage webhooks. Use an administrator&apos;s token or login.</translation>
    </message>
    <message>
        <source>The free MoySklad tariff cannot create or change webhooks. Switch the account to a paid tariff.</source>
        <translation>The free MoySklad tariff cannot create or change webhooks. Switch the account to a paid tariff.</translation>
    </message>
    <message>
        <source>MoySklad allows at most 5 webhooks per entity and action. Delete unused webhooks of the same event (other applications&apos; or old ones) in MoySklad.</source>
        <translation>MoySklad allows at most 5 webhooks per entity and action. Delete unused webhooks of the same event (other applications&apos; or old ones) in MoySklad.</translation>
    </message>
    <message>
        <source>MoySklad refused the hook URL. Check the site URL (site.url): it must be a public http(s) address and hook URLs may have at most 255 characters.</source>
        <translation>MoySklad refused the hook URL. Check the site URL (site.url): it must be a public http(s) address and hook URLs may have at most 255 characters.</translation>
    </message>
    <message>
        <source>MoySklad refused the hook&apos;s entity type, action or diff type.</source>
        <translation>MoySklad refused the hook&apos;s entity type, action or diff type.</translation>
    </message>
    <message>
        <source>MoySklad did not accept the credentials: check the token, or the login and password.</source>
        <translation>MoySklad did not accept the credentials: check the token, or the login and password.</translation>
    </message>
    <message>
        <source>This MoySklad user may not do this.</source>
        <translation>This MoySklad user may not do this.</translation>
    </message>
    <message>
        <source>MoySklad&apos;s request limit was reached even after waiting; try again in a minute.</source>
        <translation>MoySklad&apos;s request limit was reached even after waiting; try again in a minute.</translation>
    </message>
    <message>
        <source>MoySklad could not be reached: check the network and the API URL (api.url).</source>
        <translation>MoySklad could not be reached: check the network and the API URL (api.url).</translation>
    </message>
    <message>
        <source>MoySklad refused the request.</source>
        <translation>MoySklad refused the request.</translation>
    </message>
</context>
<context>
    <name>HookUrl</name>
    <message>
        <source>The site URL (site.url) is empty: enter the public address of the shop, e.g. https://shop.example.com/</source>
        <translation>The site URL (site.url) is empty: enter the public address of the shop, e.g. https://shop.example.com/</translation>
    </message>
    <message>
        <source>The site URL (site.url) &apos;%1&apos; is not an absolute URL, e.g. https://shop.example.com/</source>
        <translation>The site URL (site.url) &apos;%1&apos; is not an absolute URL, e.g. https://shop.example.com/</translation>
    </message>
    <message>
        <source>The site URL (site.url) must start with http:// or https://, not &apos;%1:&apos;</source>
        <translation>The site URL (site.url) must start with http:// or https://, not &apos;%1:&apos;</translation>
    </message>
    <message>
        <source>The site URL (site.url) must not contain a query, a fragment or a user name</source>
        <translation>The site URL (site.url) must not contain a query, a fragment or a user name</translation>
    </message>
    <message>
        <source>The site URL (site.url) with this verification string (site.secret) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path or the verification string by %3 characters.</source>
        <translation>The site URL (site.url) with this verification string (site.secret) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path or the verification string by %3 characters.</translation>
    </message>
    <message>
        <source>The site URL (site.url) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path by %3 characters.</source>
        <translation>The site URL (site.url) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path by %3 characters.</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>LogMessage</name>
    <message>
        <source>from the command line</source>
        <translation>from the command line</translation>
    </message>
    <message>
        <source>Applying webhooks failed: %1</source>
        <translation>Applying webhooks failed: %1</translation>
    </message>
    <message>
        <source>%1 from %2: %3 event(s), not queued (no task, no request to MoySklad)</source>
        <translation>%1 from %2: %3 event(s), not queued (no task, no request to MoySklad)</translation>
    </message>
    <message>
        <source>Task %1 is dead: %2</source>
        <translation>Task %1 is dead: %2</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: %2. Tasks wait without spending attempts; one request every %3 checks whether it is back</source>
        <translation>MoySklad unreachable since %1: %2. Tasks wait without spending attempts; one request every %3 checks whether it is back</translation>
    </message>
    <message>
        <source>MoySklad reachable again after %1 (unreachable since %2)</source>
        <translation>MoySklad reachable again after %1 (unreachable since %2)</translation>
    </message>
    <message>
        <source>Claiming tasks failed: %1</source>
        <translation>Claiming tasks failed: %1</translation>
    </message>
    <message>
        <source>Worker run: %1 due task(s)</source>
        <translation>Worker run: %1 due task(s)</translation>
    </message>
    <message>
        <source>Task %1 could not be finished: %2</source>
        <translation>Task %1 could not be finished: %2</translation>
    </message>
    <message>
        <source>Processed %1 %2</source>
        <translation>Processed %1 %2</translation>
    </message>
    <message>
        <source>Task %1 was claimed again meanwhile: result dropped</source>
        <translation>Task %1 was claimed again meanwhile: result dropped</translation>
    </message>
    <message>
        <source>Task %1 was claimed again meanwhile: failure dropped</source>
        <translation>Task %1 was claimed again meanwhile: failure dropped</translation>
    </message>
    <message>
        <source>Task %1 failed, will retry: %2</source>
        <translation>Task %1 failed, will retry: %2</translation>
    </message>
    <message>
        <source>%1 task(s) left running by a stopped process are due again</source>
        <translation>%1 task(s) left running by a stopped process are due again</translation>
    </message>
    <message>
        <source>The receiver could not start: %1</source>
        <translation>The receiver could not start: %1</translation>
    </message>
    <message>
        <source>Serving %1 on %2%3; worker every %4 s</source>
        <translation>Serving %1 on %2%3; worker every %4 s</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Pruned %1 finished task(s) older than %2 day(s)</source>
        <translation>Pruned %1 finished task(s) older than %2 day(s)</translation>
    </message>
    <message>
        <source>Worker settings changed: every %1 s, order import on</source>
        <translation>Worker settings changed: every %1 s, order import on</translation>
    </message>
    <message>
        <source>Worker settings changed: every %1 s, order import off</source>
        <translation>Worker settings changed: every %1 s, order import off</translation>
    </message>
    <message>
        <source>The receiver could not restart: %1</source>
        <translation>The receiver could not restart: %1</translation>
    </message>
    <message>
        <source>The receiver now serves %1%2</source>
        <translation>The receiver now serves %1%2</translation>
    </message>
    <message>
        <source>The receiver serves %1 only</source>
        <translation>The receiver serves %1 only</translation>
    </message>
    <message>
        <source>The site URL is moving: the receiver serves %1 and still %2, the previous path, until the hooks point at the new URL</source>
        <translation>The site URL is moving: the receiver serves %1 and still %2, the previous path, until the hooks point at the new URL</translation>
    </message>
    <message>
        <source>The receiver accepts the current verification string only</source>
        <translation>The receiver accepts the current verification string only</translation>
    </message>
    <message>
        <source>The receiver accepts the new verification string, and the previous one until the hooks carry the new one</source>
        <translation>The receiver accepts the new verification string, and the previous one until the hooks carry the new one</translation>
    </message>
    <message>
        <source>Processing resumed</source>
        <translation>Processing resumed</translation>
    </message>
    <message>
        <source>Processing is on hold: no API token. Deliveries are still answered and queued; save a token to resume</source>
        <translation>Processing is on hold: no API token. Deliveries are still answered and queued; save a token to resume</translation>
    </message>
    <message>
        <source>MoySklad refused the API token (revoked by a newer login, or wrong): processing is on hold and the tasks keep their attempts. Save a working token to resume</source>
        <translation>MoySklad refused the API token (revoked by a newer login, or wrong): processing is on hold and the tasks keep their attempts. Save a working token to resume</translation>
    </message>
    <message>
        <source>Processing is paused. Deliveries are still answered and queued; resume it to process them</source>
        <translation>Processing is paused. Deliveries are still answered and queued; resume it to process them</translation>
    </message>
    <message>
        <source>Comparison with MoySklad started%1: %2, documents updated since %3 (Moscow time)</source>
        <translation>Comparison with MoySklad started%1: %2, documents updated since %3 (Moscow time)</translation>
    </message>
    <message>
        <source>Comparison with MoySklad started%1: %2</source>
        <translation>Comparison with MoySklad started%1: %2</translation>
    </message>
    <message>
        <source>Cannot record the comparison with MoySklad: %1</source>
        <translation>Cannot record the comparison with MoySklad: %1</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 failed: %2</source>
        <translation>Comparison with MoySklad%1 failed: %2</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1: the store matches (%2)</source>
        <translation>Comparison with MoySklad%1: the store matches (%2)</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 found differences: %2</source>
        <translation>Comparison with MoySklad%1 found differences: %2</translation>
    </message>
    <message>
        <source>by the service</source>
        <translation>by the service</translation>
    </message>
    <message>
        <source>Catch-up sync not started: %1</source>
        <translation>Catch-up sync not started: %1</translation>
    </message>
    <message>
        <source>Catch-up sync of %1 started %2, since %3 (Moscow time)</source>
        <translation>Catch-up sync of %1 started %2, since %3 (Moscow time)</translation>
    </message>
    <message>
        <source>Catch-up sync of %1 started %2</source>
        <translation>Catch-up sync of %1 started %2</translation>
    </message>
    <message>
        <source>Catch-up sync done: %1</source>
        <translation>Catch-up sync done: %1</translation>
    </message>
    <message>
        <source>Catch-up sync failed: %1. What was applied before stays; the next run starts where the last complete one ended</source>
        <translation>Catch-up sync failed: %1. What was applied before stays; the next run starts where the last complete one ended</translation>
    </message>
    <message>
        <source>Hooks are not checked: MoySklad refused the API token. They are checked again once a working token is saved</source>
        <translation>Hooks are not checked: MoySklad refused the API token. They are checked again once a working token is saved</translation>
    </message>
    <message>
        <source>Hooks are not checked: %1</source>
        <translation>Hooks are not checked: %1</translation>
    </message>
    <message>
        <source>Hooks are not checked: no API token yet</source>
        <translation>Hooks are not checked: no API token yet</translation>
    </message>
    <message>
        <source>Hooks are not checked: no site URL (site.url)</source>
        <translation>Hooks are not checked: no site URL (site.url)</translation>
    </message>
    <message>
        <source>Hooks are not checked: no verification string yet</source>
        <translation>Hooks are not checked: no verification string yet</translation>
    </message>
    <message>
        <source>Hooks could not be checked: %1</source>
        <translation>Hooks could not be checked: %1</translation>
    </message>
    <message>
        <source>No hook of ours is installed in MoySklad: nothing to check until the hooks are applied</source>
        <translation>No hook of ours is installed in MoySklad: nothing to check until the hooks are applied</translation>
    </message>
    <message>
        <source>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered</source>
        <translation>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered</translation>
    </message>
    <message>
        <source>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered</source>
        <translation>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered</translation>
    </message>
    <message>
        <source>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</source>
        <translation>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</translation>
    </message>
    <message>
        <source>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</source>
        <translation>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</translation>
    </message>
    <message>
        <source>Every hook of ours is enabled in MoySklad again</source>
        <translation>Every hook of ours is enabled in MoySklad again</translation>
    </message>
    <message>
        <source>The hook %1 of ours was created again</source>
        <translation>The hook %1 of ours was created again</translation>
    </message>
    <message>
        <source>The hook %1 of ours was enabled again</source>
        <translation>The hook %1 of ours was enabled again</translation>
    </message>
    <message>
        <source>The hooks of ours could not all be repaired</source>
        <translation>The hooks of ours could not all be repaired</translation>
    </message>
    <message>
        <source>Repaired %1 hook(s) of ours: %2; changes made in MoySklad while they were off need a catch-up sync</source>
        <translation>Repaired %1 hook(s) of ours: %2; changes made in MoySklad while they were off need a catch-up sync</translation>
    </message>
    <message>
        <source>The connection check failed</source>
        <translation>The connection check failed</translation>
    </message>
    <message>
        <source>Connected to MoySklad as %1; webhooks may be managed</source>
        <translation>Connected to MoySklad as %1; webhooks may be managed</translation>
    </message>
    <message>
        <source>Connected as %1, but webhooks may not be managed: %2</source>
        <translation>Connected as %1, but webhooks may not be managed: %2</translation>
    </message>
    <message>
        <source>Could not list the webhooks</source>
        <translation>Could not list the webhooks</translation>
    </message>
    <message>
        <source>Listed %1 webhooks: %2 in sync, %3 missing, %4 outdated, %5 disabled, %6 not needed, %7 foreign</source>
        <translation>Listed %1 webhooks: %2 in sync, %3 missing, %4 outdated, %5 disabled, %6 not needed, %7 foreign</translation>
    </message>
    <message>
        <source>every hook of ours carries the new verification string</source>
        <translation>every hook of ours carries the new verification string</translation>
    </message>
    <message>
        <source>every hook of ours points at the new site URL</source>
        <translation>every hook of ours points at the new site URL</translation>
    </message>
    <message>
        <source>%1 document(s) queued to be fetched again %2</source>
        <translation>%1 document(s) queued to be fetched again %2</translation>
    </message>
    <message>
        <source>Task %1 queued again %2</source>
        <translation>Task %1 queued again %2</translation>
    </message>
    <message>
        <source>%1 dead task(s) queued again %2</source>
        <translation>%1 dead task(s) queued again %2</translation>
    </message>
    <message>
        <source>Task %1 cancelled %2</source>
        <translation>Task %1 cancelled %2</translation>
    </message>
    <message>
        <source>Processing paused %1</source>
        <translation>Processing paused %1</translation>
    </message>
    <message>
        <source>Processing resumed %1</source>
        <translation>Processing resumed %1</translation>
    </message>
    <message>
        <source>Test delivery to %1: received and recorded by the receiver</source>
        <translation>Test delivery to %1: received and recorded by the receiver</translation>
    </message>
    <message>
        <source>Test delivery to %1 failed at the %2 step: %3</source>
        <translation>Test delivery to %1 failed at the %2 step: %3</translation>
    </message>
    <message>
        <source>%1 cannot be made owner-only</source>
        <translation>%1 cannot be made owner-only</translation>
    </message>
    <message>
        <source>after a hook repair</source>
        <translation>after a hook repair</translation>
    </message>
    <message>
        <source>Catch-up sync after a hook repair not started: %1</source>
        <translation>Catch-up sync after a hook repair not started: %1</translation>
    </message>
    <message>
        <source>Execution mode of %1/%2: %3</source>
        <translation>Execution mode of %1/%2: %3</translation>
    </message>
    <message>
        <source>Cannot read the API token from %1</source>
        <translation>Cannot read the API token from %1</translation>
    </message>
    <message>
        <source>Cannot read the verification string from %1</source>
        <translation>Cannot read the verification string from %1</translation>
    </message>
    <message>
        <source>A verification string was generated and saved in %1</source>
        <translation>A verification string was generated and saved in %1</translation>
    </message>
    <message>
        <source>A new API token was saved by another process</source>
        <translation>A new API token was saved by another process</translation>
    </message>
    <message>
        <source>The API token was removed by another process</source>
        <translation>The API token was removed by another process</translation>
    </message>
    <message>
        <source>A new verification string was saved by another process</source>
        <translation>A new verification string was saved by another process</translation>
    </message>
    <message>
        <source>The previous verification string is refused from now on: %1</source>
        <translation>The previous verification string is refused from now on: %1</translation>
    </message>
    <message>
        <source>The previous site path is refused from now on: %1</source>
        <translation>The previous site path is refused from now on: %1</translation>
    </message>
    <message>
        <source>Deliveries to the previous site URL %1 stay accepted until %2 or until every hook of ours points at the new one</source>
        <translation>Deliveries to the previous site URL %1 stay accepted until %2 or until every hook of ours points at the new one</translation>
    </message>
    <message>
        <source>Cannot save %1 in %2</source>
        <translation>Cannot save %1 in %2</translation>
    </message>
    <message>
        <source>The API token was removed from %1</source>
        <translation>The API token was removed from %1</translation>
    </message>
    <message>
        <source>An API token was saved in %1</source>
        <translation>An API token was saved in %1</translation>
    </message>
    <message>
        <source>The previous verification string stays accepted until %1 or until every hook of ours carries the new one</source>
        <translation>The previous verification string stays accepted until %1 or until every hook of ours carries the new one</translation>
    </message>
    <message>
        <source>A new verification string was saved in %1</source>
        <translation>A new verification string was saved in %1</translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file (plaintext), as chosen by the user</source>
        <translation>Secrets are now kept in the settings file (plaintext), as chosen by the user</translation>
    </message>
    <message>
        <source>Secrets are now kept in the OS keychain</source>
        <translation>Secrets are now kept in the OS keychain</translation>
    </message>
    <message>
        <source>Could not obtain a token with the login</source>
        <translation>Could not obtain a token with the login</translation>
    </message>
    <message>
        <source>A new API token was obtained with the login; the user&apos;s earlier tokens are revoked</source>
        <translation>A new API token was obtained with the login; the user&apos;s earlier tokens are revoked</translation>
    </message>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (empty)</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>from the desktop app</source>
        <translation>from the desktop app</translation>
    </message>
    <message>
        <source>Connection check: token valid for %1, webhooks may be managed</source>
        <translation>Connection check: token valid for %1, webhooks may be managed</translation>
    </message>
    <message>
        <source>Connection check: token valid for %1, webhooks may not be managed: %2</source>
        <translation>Connection check: token valid for %1, webhooks may not be managed: %2</translation>
    </message>
    <message>
        <source>Listed %1 webhook(s) of the account</source>
        <translation>Listed %1 webhook(s) of the account</translation>
    </message>
    <message>
        <source>%1 %2: the document is gone from MoySklad, marked deleted</source>
        <translation>%1 %2: the document is gone from MoySklad, marked deleted</translation>
    </message>
    <message>
        <source>%1 matching task(s) queued again %2</source>
        <translation>%1 matching task(s) queued again %2</translation>
    </message>
    <message>
        <source>%1 matching task(s) cancelled %2</source>
        <translation>%1 matching task(s) cancelled %2</translation>
    </message>
    <message>
        <source>%1 was moved aside to %2 (kept); started with a fresh one</source>
        <translation>%1 was moved aside to %2 (kept); started with a fresh one</translation>
    </message>
    <message>
        <source>Refused %1 request(s) in the minute from %2 UTC: %3</source>
        <translation>Refused %1 request(s) in the minute from %2 UTC: %3</translation>
    </message>
    <message>
        <source>Delivery could not be stored, answered 503 so that MoySklad retries (%1 ms)</source>
        <translation>Delivery could not be stored, answered 503 so that MoySklad retries (%1 ms)</translation>
    </message>
    <message>
        <source>Delivery not committed within %1 ms, answered 503 so that MoySklad retries</source>
        <translation>Delivery not committed within %1 ms, answered 503 so that MoySklad retries</translation>
    </message>
    <message>
        <source>Receiver not started: %1</source>
        <translation>Receiver not started: %1</translation>
    </message>
    <message>
        <source>Receiver listening on %1, serving %2</source>
        <translation>Receiver listening on %1, serving %2</translation>
    </message>
    <message>
        <source>Receiver listening on %1, serving %2 and, while the site moves, %3</source>
        <translation>Receiver listening on %1, serving %2 and, while the site moves, %3</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>Receiver stopped</translation>
    </message>
    <message>
        <source>The delivery could not be stored: MoySklad will retry</source>
        <translation>The delivery could not be stored: MoySklad will retry</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Deliveries are answered 503 so that MoySklad retries them; nothing is acknowledged unstored</source>
        <translation>Cannot write %1: %2. Deliveries are answered 503 so that MoySklad retries them; nothing is acknowledged unstored</translation>
    </message>
    <message>
        <source>Writing works again: %1 from %2 to %3. Deliveries meanwhile were answered 503 and retried by MoySklad; processing resumed by itself</source>
        <translation>Writing works again: %1 from %2 to %3. Deliveries meanwhile were answered 503 and retried by MoySklad; processing resumed by itself</translation>
    </message>
    <message>
        <source>A fresh store: the first catch-up fetches what changed since %1</source>
        <translation>A fresh store: the first catch-up fetches what changed since %1</translation>
    </message>
    <message>
        <source>created %1/%2 → %3</source>
        <translation>created %1/%2 → %3</translation>
    </message>
    <message>
        <source>updated %1/%2 → %3</source>
        <translation>updated %1/%2 → %3</translation>
    </message>
    <message>
        <source>enabled %1/%2 → %3</source>
        <translation>enabled %1/%2 → %3</translation>
    </message>
    <message>
        <source>deleted %1/%2 → %3</source>
        <translation>deleted %1/%2 → %3</translation>
    </message>
    <message>
        <source>create %1</source>
        <translation>create %1</translation>
    </message>
    <message>
        <source>update %1</source>
        <translation>update %1</translation>
    </message>
    <message>
        <source>enable %1</source>
        <translation>enable %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>delete %1</translation>
    </message>
    <message>
        <source>Nothing to write: the webhooks are in sync.</source>
        <translation>Nothing to write: the webhooks are in sync.</translation>
    </message>
    <message>
        <source>the OS keychain</source>
        <translation>the OS keychain</translation>
    </message>
    <message>
        <source>Test delivery cancelled before it ended</source>
        <translation>Test delivery cancelled before it ended</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 stopped by the user</source>
        <translation>Comparison with MoySklad%1 stopped by the user</translation>
    </message>
    <message>
        <source>Catch-up sync stopped by the user: %1. What was applied stays; the next run starts where it stopped</source>
        <translation>Catch-up sync stopped by the user: %1. What was applied stays; the next run starts where it stopped</translation>
    </message>
    <message>
        <source>Store migrated to %1</source>
        <translation>Store migrated to %1</translation>
    </message>
    <message>
        <source>The database password was removed from %1</source>
        <translation>The database password was removed from %1</translation>
    </message>
    <message>
        <source>A database password was saved in %1</source>
        <translation>A database password was saved in %1</translation>
    </message>
    <message>
        <source>the settings file settings.ini (plaintext, chosen explicitly)</source>
        <translation>the settings file settings.ini (plaintext, chosen explicitly)</translation>
    </message>
    <message>
        <source>The data directory %1 looks shared (it holds directories, or is /tmp or the home directory): it was left as it is, and only SkladHook&apos;s own files in it were made owner-only. A directory of its own is safer.</source>
        <translation>The data directory %1 looks shared (it holds directories, or is /tmp or the home directory): it was left as it is, and only SkladHook&apos;s own files in it were made owner-only. A directory of its own is safer.</translation>
    </message>
    <message>
        <source>Receiver not moved: %1; it keeps serving %2</source>
        <translation>Receiver not moved: %1; it keeps serving %2</translation>
    </message>
    <message>
        <source>The secrets stay in the settings file: the OS keychain could not take them</source>
        <translation>The secrets stay in the settings file: the OS keychain could not take them</translation>
    </message>
    <message>
        <source>Nothing written: these options leave the other webhooks of ours as they are.</source>
        <translation>Nothing written: these options leave the other webhooks of ours as they are.</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Hook</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SkladHook — MoySklad webhooks</source>
        <translation>SkladHook — MoySklad webhooks</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Connection and exchange</source>
        <translation>Connection and exchange</translation>
    </message>
    <message>
        <source>Open the Connection tab</source>
        <translation>Open the Connection tab</translation>
    </message>
    <message>
        <source>No keychain is available, so the API token and the verification string cannot be saved. Start a keychain service (GNOME Keyring or KWallet) and restart SkladHook, or keep the secrets in the settings file.</source>
        <translation>No keychain is available, so the API token and the verification string cannot be saved. Start a keychain service (GNOME Keyring or KWallet) and restart SkladHook, or keep the secrets in the settings file.</translation>
    </message>
    <message>
        <source>The keychain is locked, so the API token and the verification string cannot be read or saved. Unlock it (for example by logging in to the desktop session or unlocking the login keyring) and restart SkladHook.</source>
        <translation>The keychain is locked, so the API token and the verification string cannot be read or saved. Unlock it (for example by logging in to the desktop session or unlocking the login keyring) and restart SkladHook.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow SkladHook to use the keychain and restart it.</source>
        <translation>Access to the keychain was denied. Allow SkladHook to use the keychain and restart it.</translation>
    </message>
    <message>
        <source>The keychain reported an error, so the secrets cannot be read or saved.</source>
        <translation>The keychain reported an error, so the secrets cannot be read or saved.</translation>
    </message>
    <message>
        <source>(Keychain: %1)</source>
        <translation>(Keychain: %1)</translation>
    </message>
    <message>
        <source>Until then, secrets you type are used for this session only.</source>
        <translation>Until then, secrets you type are used for this session only.</translation>
    </message>
    <message>
        <source>Keep secrets in the settings file…</source>
        <translation>Keep secrets in the settings file…</translation>
    </message>
    <message>
        <source>Obtain a new token?</source>
        <translation>Obtain a new token?</translation>
    </message>
    <message>
        <source>MoySklad revokes this user&apos;s earlier tokens when a new one is obtained: programs that use them (another SkladHook included) stop working until they get the new token.</source>
        <translation>MoySklad revokes this user&apos;s earlier tokens when a new one is obtained: programs that use them (another SkladHook included) stop working until they get the new token.</translation>
    </message>
    <message>
        <source>Obtain token</source>
        <translation>Obtain token</translation>
    </message>
    <message>
        <source>Keep secrets in the settings file?</source>
        <translation>Keep secrets in the settings file?</translation>
    </message>
    <message>
        <source>The API token and the verification string will be saved unencrypted in %1. Anyone who can read this file can use your MoySklad account. Choose this only where no keychain is available.</source>
        <translation>The API token and the verification string will be saved unencrypted in %1. Anyone who can read this file can use your MoySklad account. Choose this only where no keychain is available.</translation>
    </message>
    <message>
        <source>Keep in the settings file</source>
        <translation>Keep in the settings file</translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file, unencrypted.</source>
        <translation>Secrets are now kept in the settings file, unencrypted.</translation>
    </message>
    <message>
        <source>Remove unneeded hooks?</source>
        <translation>Remove unneeded hooks?</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) of this module are no longer needed by the exchange settings. Delete them from MoySklad? Other applications&apos; hooks are not touched.</source>
        <translation>
            <numerusform>%n hook of this module are no longer needed by the exchange settings. Delete them from MoySklad? Other applications&apos; hooks are not touched.</numerusform>
            <numerusform>%n hooks of this module are no longer needed by the exchange settings. Delete them from MoySklad? Other applications&apos; hooks are not touched.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>The verification string cannot be empty: type one or click Generate.</source>
        <translation>The verification string cannot be empty: type one or click Generate.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Refresh webhooks</source>
        <translation>&amp;Refresh webhooks</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Generate a new verification string?</source>
        <translation>Generate a new verification string?</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message numerus="yes">
        <source>A new verification string was generated: %n hook(s) are now outdated. Tick Update on them (or Tick all outdated), then Apply.</source>
        <translation>
            <numerusform>A new verification string was generated: %n hook is now outdated. Tick Update on it (or Tick all outdated), then Apply.</numerusform>
            <numerusform>A new verification string was generated: %n hooks are now outdated. Tick Update on them (or Tick all outdated), then Apply.</numerusform>
        </translation>
    </message>
    <message>
        <source>A new verification string was generated.</source>
        <translation>A new verification string was generated.</translation>
    </message>
    <message numerus="yes">
        <source>The hooks installed in MoySklad carry the current verification string in their URL. After a new one is generated they are outdated: update them (tick Update, or Tick all outdated, then Apply on the Webhooks tab). The current string stays accepted until they are updated, for %n hour(s) at most; after that SkladHook refuses MoySklad&apos;s deliveries to hooks not updated.</source>
        <translation>
            <numerusform>The hooks installed in MoySklad carry the current verification string in their URL. After a new one is generated they are outdated: update them (tick Update, or Tick all outdated, then Apply on the Webhooks tab). The current string stays accepted until they are updated, for %n hour at most; after that SkladHook refuses MoySklad&apos;s deliveries to hooks not updated.</numerusform>
            <numerusform>The hooks installed in MoySklad carry the current verification string in their URL. After a new one is generated they are outdated: update them (tick Update, or Tick all outdated, then Apply on the Webhooks tab). The current string stays accepted until they are updated, for %n hours at most; after that SkladHook refuses MoySklad&apos;s deliveries to hooks not updated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a test &amp;delivery…</source>
        <translation>Send a test &amp;delivery…</translation>
    </message>
    <message>
        <source>Setup &amp;assistant…</source>
        <translation>Setup &amp;assistant…</translation>
    </message>
    <message>
        <source>Find in this tab</source>
        <translation>Find in this tab</translation>
    </message>
    <message>
        <source>Writing to the database works again; processing resumed.</source>
        <translation>Writing to the database works again; processing resumed.</translation>
    </message>
    <message>
        <source>Cannot write the database: %1. Deliveries are answered 503 so that MoySklad retries them; free some space and SkladHook resumes by itself.</source>
        <translation>Cannot write the database: %1. Deliveries are answered 503 so that MoySklad retries them; free some space and SkladHook resumes by itself.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>OrderDetailsPanel</name>
    <message>
        <source>Select an order to see its payments and shipments.</source>
        <translation>Select an order to see its payments and shipments.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>&amp;Payments of the order:</source>
        <translation>&amp;Payments of the order:</translation>
    </message>
    <message>
        <source>S&amp;hipments of the order:</source>
        <translation>S&amp;hipments of the order:</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Payments of the order</translation>
    </message>
    <message>
        <source>Shipments of the order</source>
        <translation>Shipments of the order</translation>
    </message>
    <message>
        <source>Open in MoySklad</source>
        <translation>Open in MoySklad</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>Usage: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[options]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments:</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Unknown option &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Unknown options: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Missing value after &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Unexpected value after &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Oldest waiting task:</source>
        <translation>Oldest waiting task:</translation>
    </message>
    <message>
        <source>Worker&apos;s last run:</source>
        <translation>Worker&apos;s last run:</translation>
    </message>
    <message>
        <source>Worker&apos;s next run:</source>
        <translation>Worker&apos;s next run:</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>All tasks</translation>
    </message>
    <message>
        <source>Process the selected task again now, with its attempts reset</source>
        <translation>Process the selected task again now, with its attempts reset</translation>
    </message>
    <message>
        <source>Select a task to see its attempts, errors and timings</source>
        <translation>Select a task to see its attempts, errors and timings</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>nothing waits</translation>
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
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>not scheduled</translation>
    </message>
    <message>
        <source>Task %1: %2, document %3</source>
        <translation>Task %1: %2, document %3</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Attempts: %1</translation>
    </message>
    <message>
        <source>Request: %1 (event %2)</source>
        <translation>Request: %1 (event %2)</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Created: %1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Next attempt: %1</translation>
    </message>
    <message>
        <source>Leased until: %1</source>
        <translation>Leased until: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Finished: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <source>Task %1 will be processed again.</source>
        <translation>Task %1 will be processed again.</translation>
    </message>
    <message>
        <source>Task %1 cannot be retried in its current status.</source>
        <translation>Task %1 cannot be retried in its current status.</translation>
    </message>
    <message numerus="yes">
        <source>%n dead task(s) will be processed again.</source>
        <translation>
            <numerusform>%n dead task will be processed again.</numerusform>
            <numerusform>%n dead tasks will be processed again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 was cancelled.</source>
        <translation>Task %1 was cancelled.</translation>
    </message>
    <message>
        <source>Task %1 cannot be cancelled in its current status.</source>
        <translation>Task %1 cannot be cancelled in its current status.</translation>
    </message>
    <message>
        <source>Processing is paused: deliveries are still received and queued.</source>
        <translation>Processing is paused: deliveries are still received and queued.</translation>
    </message>
    <message>
        <source>Processing resumed.</source>
        <translation>Processing resumed.</translation>
    </message>
    <message>
        <source>All hooks</source>
        <translation>All hooks</translation>
    </message>
    <message>
        <source>Search: document number or id, request id, hook, error text</source>
        <translation>Search: document number or id, request id, hook, error text</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Search tasks</translation>
    </message>
    <message>
        <source>Retry &amp;matching…</source>
        <translation>Retry &amp;matching…</translation>
    </message>
    <message>
        <source>Process again every dead, cancelled or retrying task that matches the filter</source>
        <translation>Process again every dead, cancelled or retrying task that matches the filter</translation>
    </message>
    <message>
        <source>Cancel ma&amp;tching…</source>
        <translation>Cancel ma&amp;tching…</translation>
    </message>
    <message>
        <source>Cancel every pending, retrying or dead task that matches the filter</source>
        <translation>Cancel every pending, retrying or dead task that matches the filter</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP status</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>no request</source>
        <translation>no request</translation>
    </message>
    <message>
        <source>No task that matches the filter can be retried (only dead, cancelled and retrying tasks can).</source>
        <translation>No task that matches the filter can be retried (only dead, cancelled and retrying tasks can).</translation>
    </message>
    <message>
        <source>No task that matches the filter can be cancelled (only pending, retrying and dead tasks can).</source>
        <translation>No task that matches the filter can be cancelled (only pending, retrying and dead tasks can).</translation>
    </message>
    <message>
        <source>Retry matching tasks</source>
        <translation>Retry matching tasks</translation>
    </message>
    <message>
        <source>Cancel matching tasks</source>
        <translation>Cancel matching tasks</translation>
    </message>
    <message numerus="yes">
        <source>Process %n task(s) that match the filter again now, with their attempts reset?</source>
        <translation>
            <numerusform>Process %n task that match the filter again now, with their attempts reset?</numerusform>
            <numerusform>Process %n tasks that match the filter again now, with their attempts reset?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n task(s) that match the filter? Their documents will not be fetched.</source>
        <translation>
            <numerusform>Cancel %n task that match the filter? Their documents will not be fetched.</numerusform>
            <numerusform>Cancel %n tasks that match the filter? Their documents will not be fetched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n task(s)</source>
        <translation>
            <numerusform>Retry %n task</numerusform>
            <numerusform>Retry %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n task(s)</source>
        <translation>
            <numerusform>Cancel %n task</numerusform>
            <numerusform>Cancel %n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) will be processed again.</source>
        <translation>
            <numerusform>%n task will be processed again.</numerusform>
            <numerusform>%n tasks will be processed again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled.</source>
        <translation>
            <numerusform>%n task cancelled.</numerusform>
            <numerusform>%n tasks cancelled.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>Retry all &amp;dead</source>
        <translation>Retry all &amp;dead</translation>
    </message>
    <message>
        <source>Cancel t&amp;ask</source>
        <translation>Cancel t&amp;ask</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>Refres&amp;h</translation>
    </message>
    <message>
        <source>Resume &amp;processing</source>
        <translation>Resume &amp;processing</translation>
    </message>
    <message>
        <source>&amp;Pause processing</source>
        <translation>&amp;Pause processing</translation>
    </message>
    <message>
        <source>No task matches the filter.</source>
        <translation>No task matches the filter.</translation>
    </message>
    <message>
        <source>No tasks yet. Each event MoySklad delivers becomes a task here; finished ones are kept for the retention period.</source>
        <translation>No tasks yet. Each event MoySklad delivers becomes a task here; finished ones are kept for the retention period.</translation>
    </message>
</context>
<context>
    <name>SecretError</name>
    <message>
        <source>No keychain is available (no Secret Service such as GNOME Keyring or KWallet on the session bus). Start one, or explicitly allow keeping secrets in the settings file (secrets.store = file).</source>
        <translation>No keychain is available (no Secret Service such as GNOME Keyring or KWallet on the session bus). Start one, or explicitly allow keeping secrets in the settings file (secrets.store = file).</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it (e.g. log in to the desktop session or unlock the login keyring) and try again.</source>
        <translation>The keychain is locked or refused access. Unlock it (e.g. log in to the desktop session or unlock the login keyring) and try again.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow SkladHook to use the keychain and try again.</source>
        <translation>Access to the keychain was denied. Allow SkladHook to use the keychain and try again.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>The keychain reported an error.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>another SkladHook (%1) is already serving %2</source>
        <translation>another SkladHook (%1) is already serving %2</translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation>unknown process</translation>
    </message>
</context>
<context>
    <name>ServiceStatus</name>
    <message>
        <source>Receiver listening on %1</source>
        <translation>Receiver listening on %1</translation>
    </message>
    <message>
        <source>Receiver run by skladhook-cli serve (%1)</source>
        <translation>Receiver run by skladhook-cli serve (%1)</translation>
    </message>
    <message>
        <source>Receiver run by skladhook-cli serve (%1) on %2</source>
        <translation>Receiver run by skladhook-cli serve (%1) on %2</translation>
    </message>
    <message>
        <source>Receiver off: set the site URL</source>
        <translation>Receiver off: set the site URL</translation>
    </message>
    <message>
        <source>Receiver off: no verification string yet</source>
        <translation>Receiver off: no verification string yet</translation>
    </message>
    <message>
        <source>Receiver off: %1</source>
        <translation>Receiver off: %1</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>Receiver stopped</translation>
    </message>
    <message>
        <source>processing on hold: no API token</source>
        <translation>processing on hold: no API token</translation>
    </message>
    <message>
        <source>processing paused</source>
        <translation>processing paused</translation>
    </message>
    <message>
        <source>processing on hold: MoySklad refused the API token, save a new one</source>
        <translation>processing on hold: MoySklad refused the API token, save a new one</translation>
    </message>
    <message>
        <source>the previous verification string is accepted until %1 or until the hooks are updated</source>
        <translation>the previous verification string is accepted until %1 or until the hooks are updated</translation>
    </message>
    <message>
        <source>the site URL is moving: deliveries to the previous one (%1) are accepted until %2 or until the hooks are updated</source>
        <translation>the site URL is moving: deliveries to the previous one (%1) are accepted until %2 or until the hooks are updated</translation>
    </message>
    <message>
        <source>%1 was removed from MoySklad and has been created again</source>
        <translation>%1 was removed from MoySklad and has been created again</translation>
    </message>
    <message>
        <source>%1 is missing from MoySklad</source>
        <translation>%1 is missing from MoySklad</translation>
    </message>
    <message>
        <source>%1 was disabled in MoySklad and has been enabled again</source>
        <translation>%1 was disabled in MoySklad and has been enabled again</translation>
    </message>
    <message>
        <source>%1 is disabled in MoySklad</source>
        <translation>%1 is disabled in MoySklad</translation>
    </message>
    <message>
        <source>Webhook check at %1: %2.</source>
        <translation>Webhook check at %1: %2.</translation>
    </message>
    <message>
        <source>Its changes are not delivered: apply the webhooks to repair it.</source>
        <translation>Its changes are not delivered: apply the webhooks to repair it.</translation>
    </message>
    <message>
        <source>Changes made meanwhile arrive with the next catch-up.</source>
        <translation>Changes made meanwhile arrive with the next catch-up.</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: tasks wait without spending attempts</source>
        <translation>MoySklad unreachable since %1: tasks wait without spending attempts</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>a machine, its receiver</comment>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>%1 has no API token</source>
        <comment>a machine</comment>
        <translation>%1 has no API token</translation>
    </message>
    <message>
        <source>%1 has no verification string</source>
        <comment>a machine</comment>
        <translation>%1 has no verification string</translation>
    </message>
    <message>
        <source>Remote mode on %1: no service is running</source>
        <translation>Remote mode on %1: no service is running</translation>
    </message>
    <message numerus="yes">
        <source>Remote mode on %1: %n service(s) (%2)</source>
        <translation>
            <numerusform>Remote mode on %1: %n service (%2)</numerusform>
            <numerusform>Remote mode on %1: %n services (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>%1 must be one of: %2 (got &apos;%3&apos;)</source>
        <translation>%1 must be one of: %2 (got &apos;%3&apos;)</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</source>
        <translation>%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</translation>
    </message>
    <message>
        <source>api.url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</source>
        <translation>api.url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>receiver.listen must be ADDRESS:PORT, e.g. 127.0.0.1:8765 (got &apos;%1&apos;)</source>
        <translation>receiver.listen must be ADDRESS:PORT, e.g. 127.0.0.1:8765 (got &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>receiver.listen %1 is reachable from other machines: set receiver.allowExternal on first if that is what you want (put a TLS proxy in front of it)</source>
        <translation>receiver.listen %1 is reachable from other machines: set receiver.allowExternal on first if that is what you want (put a TLS proxy in front of it)</translation>
    </message>
    <message>
        <source>%1 = &apos;%2&apos; in %3 is not valid (%4): the default &apos;%5&apos; is used</source>
        <translation>%1 = &apos;%2&apos; in %3 is not valid (%4): the default &apos;%5&apos; is used</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos;</source>
        <translation>unknown setting &apos;%1&apos;</translation>
    </message>
    <message>
        <source>MoySklad API base URL</source>
        <translation>MoySklad API base URL</translation>
    </message>
    <message>
        <source>public base URL of the shop that MoySklad&apos;s hooks point to</source>
        <translation>public base URL of the shop that MoySklad&apos;s hooks point to</translation>
    </message>
    <message>
        <source>payment exchange: full installs the paymentin and cashin hooks</source>
        <translation>payment exchange: full installs the paymentin and cashin hooks</translation>
    </message>
    <message>
        <source>shipment exchange: full installs the demand hooks</source>
        <translation>shipment exchange: full installs the demand hooks</translation>
    </message>
    <message>
        <source>order import: on installs customerorder/CREATE and lets new orders into the store</source>
        <translation>order import: on installs customerorder/CREATE and lets new orders into the store</translation>
    </message>
    <message>
        <source>address and port of the embedded receiver</source>
        <translation>address and port of the embedded receiver</translation>
    </message>
    <message>
        <source>on lets the receiver listen on a non-loopback address</source>
        <translation>on lets the receiver listen on a non-loopback address</translation>
    </message>
    <message>
        <source>seconds between worker runs over the queue</source>
        <translation>seconds between worker runs over the queue</translation>
    </message>
    <message>
        <source>attempts before a task is marked dead</source>
        <translation>attempts before a task is marked dead</translation>
    </message>
    <message>
        <source>days done tasks and log rows are kept</source>
        <translation>days done tasks and log rows are kept</translation>
    </message>
    <message>
        <source>where secrets live: keychain, or file (plaintext in the data directory, explicit opt-in)</source>
        <translation>where secrets live: keychain, or file (plaintext in the data directory, explicit opt-in)</translation>
    </message>
    <message>
        <source>closing the window while the receiver runs: on keeps receiving in the system tray, off quits, ask asks once</source>
        <translation>closing the window while the receiver runs: on keeps receiving in the system tray, off quits, ask asks once</translation>
    </message>
    <message>
        <source>language of the desktop app</source>
        <translation>language of the desktop app</translation>
    </message>
    <message>
        <source>on: processing is paused (queue pause/resume); deliveries are still received and queued</source>
        <translation>on: processing is paused (queue pause/resume); deliveries are still received and queued</translation>
    </message>
    <message>
        <source>hours a replaced verification string, or the path of a replaced site URL, is still accepted, unless every hook of ours carries the new one sooner (0: refused at once)</source>
        <translation>hours a replaced verification string, or the path of a replaced site URL, is still accepted, unless every hook of ours carries the new one sooner (0: refused at once)</translation>
    </message>
    <message>
        <source>seconds between catch-up syncs with MoySklad while serving (0: only at start and on demand)</source>
        <translation>seconds between catch-up syncs with MoySklad while serving (0: only at start and on demand)</translation>
    </message>
    <message>
        <source>seconds between checks that the hooks of ours are still enabled in MoySklad (5 or more)</source>
        <translation>seconds between checks that the hooks of ours are still enabled in MoySklad (5 or more)</translation>
    </message>
    <message>
        <source>on: a hook of ours found disabled or removed is enabled or created again by the service</source>
        <translation>on: a hook of ours found disabled or removed is enabled or created again by the service</translation>
    </message>
    <message>
        <source>connections the receiver accepts at once from one address; behind a reverse proxy every request comes from the proxy&apos;s address (0: no limit)</source>
        <translation>connections the receiver accepts at once from one address; behind a reverse proxy every request comes from the proxy&apos;s address (0: no limit)</translation>
    </message>
    <message>
        <source>the store %1</source>
        <translation>the store %1</translation>
    </message>
    <message>
        <source>the settings file %1</source>
        <translation>the settings file %1</translation>
    </message>
    <message>
        <source>store.url: %1</source>
        <translation>store.url: %1</translation>
    </message>
    <message>
        <source>empty: the store is skladhook.db in the data directory; postgresql://user@host:port/dbname: a PostgreSQL database shared with the services of other machines (applies at the next start)</source>
        <translation>empty: the store is skladhook.db in the data directory; postgresql://user@host:port/dbname: a PostgreSQL database shared with the services of other machines (applies at the next start)</translation>
    </message>
    <message>
        <source>the account&apos;s settings cannot be copied into %1</source>
        <translation>the account&apos;s settings cannot be copied into %1</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>%1 cannot be written</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ask</translation>
    </message>
    <message>
        <source>Keep receiving in the tray</source>
        <translation>Keep receiving in the tray</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Webhooks health</source>
        <translation>Webhooks health</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>&amp;Listen on (address:port):</source>
        <translation>&amp;Listen on (address:port):</translation>
    </message>
    <message>
        <source>Allow connections from other &amp;machines</source>
        <translation>Allow connections from other &amp;machines</translation>
    </message>
    <message>
        <source>Connections from one a&amp;ddress at once:</source>
        <translation>Connections from one a&amp;ddress at once:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>Process the queue &amp;every:</source>
        <translation>Process the queue &amp;every:</translation>
    </message>
    <message numerus="yes">
        <source> second(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> second</numerusform>
            <numerusform> seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;ttempts before a task is dead:</source>
        <translation>A&amp;ttempts before a task is dead:</translation>
    </message>
    <message>
        <source>Catch-&amp;up sync every:</source>
        <translation>Catch-&amp;up sync every:</translation>
    </message>
    <message>
        <source>Only at start and on demand</source>
        <translation>Only at start and on demand</translation>
    </message>
    <message>
        <source>C&amp;heck the hooks every:</source>
        <translation>C&amp;heck the hooks every:</translation>
    </message>
    <message>
        <source>&amp;Repair hooks found disabled or removed</source>
        <translation>&amp;Repair hooks found disabled or removed</translation>
    </message>
    <message>
        <source>Accept the &amp;previous verification string for:</source>
        <translation>Accept the &amp;previous verification string for:</translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> hour</numerusform>
            <numerusform> hours</numerusform>
        </translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Not at all</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;nguage:</translation>
    </message>
    <message>
        <source>When the &amp;window is closed:</source>
        <translation>When the &amp;window is closed:</translation>
    </message>
    <message>
        <source>&amp;Keep done tasks and log rows for:</source>
        <translation>&amp;Keep done tasks and log rows for:</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared &amp;store (PostgreSQL):</source>
        <translation>Shared &amp;store (PostgreSQL):</translation>
    </message>
</context>
<context>
    <name>SetupAssistant</name>
    <message>
        <source>Enter both the login and the password to obtain a token.</source>
        <translation>Enter both the login and the password to obtain a token.</translation>
    </message>
    <message>
        <source>A token is saved. Click Next to check what it opens.</source>
        <translation>A token is saved. Click Next to check what it opens.</translation>
    </message>
    <message>
        <source>No API token yet: go Back and enter a token, or obtain one with the login and password.</source>
        <translation>No API token yet: go Back and enter a token, or obtain one with the login and password.</translation>
    </message>
    <message>
        <source>Listing the webhooks of the account…</source>
        <translation>Listing the webhooks of the account…</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad accepted the token and listed the webhooks: %n row(s) in the table, counting the hooks still to install.</source>
        <translation>
            <numerusform>MoySklad accepted the token and listed the webhooks: %n row in the table, counting the hooks still to install.</numerusform>
            <numerusform>MoySklad accepted the token and listed the webhooks: %n rows in the table, counting the hooks still to install.</numerusform>
        </translation>
    </message>
    <message>
        <source>MoySklad did not accept the token (401): it is mistyped, or it was revoked — obtaining a token with the password revokes the user&apos;s earlier ones. Go Back and paste a valid token, or obtain a new one.</source>
        <translation>MoySklad did not accept the token (401): it is mistyped, or it was revoked — obtaining a token with the password revokes the user&apos;s earlier ones. Go Back and paste a valid token, or obtain a new one.</translation>
    </message>
    <message>
        <source>MoySklad refused access (403): webhooks need a user who is an administrator of the account, and a tariff that includes the API. Use a token of an administrator (MoySklad: Settings → Users), or check the account&apos;s subscription in MoySklad.</source>
        <translation>MoySklad refused access (403): webhooks need a user who is an administrator of the account, and a tariff that includes the API. Use a token of an administrator (MoySklad: Settings → Users), or check the account&apos;s subscription in MoySklad.</translation>
    </message>
    <message>
        <source>MoySklad cannot be reached: check the internet connection, a proxy if one is needed, and the API URL on the Connection tab. Then click Check again.</source>
        <translation>MoySklad cannot be reached: check the internet connection, a proxy if one is needed, and the API URL on the Connection tab. Then click Check again.</translation>
    </message>
    <message>
        <source>MoySklad limits the request rate: wait a minute, then click Check again.</source>
        <translation>MoySklad limits the request rate: wait a minute, then click Check again.</translation>
    </message>
    <message>
        <source>MoySklad refused the request (402): the account&apos;s tariff or subscription does not allow the API. Renew or change it in MoySklad, then click Check again.</source>
        <translation>MoySklad refused the request (402): the account&apos;s tariff or subscription does not allow the API. Renew or change it in MoySklad, then click Check again.</translation>
    </message>
    <message>
        <source>The check failed. Click Check again; if it keeps failing, see the Diagnostics tab.</source>
        <translation>The check failed. Click Check again; if it keeps failing, see the Diagnostics tab.</translation>
    </message>
    <message>
        <source>MoySklad said: %1</source>
        <translation>MoySklad said: %1</translation>
    </message>
    <message>
        <source>Enter the address, for example https://shop.ru/skladhook/</source>
        <translation>Enter the address, for example https://shop.ru/skladhook/</translation>
    </message>
    <message>
        <source>%1 is an address of this computer or of the local network: MoySklad cannot reach it from the internet. Use the public address of the reverse proxy or the tunnel.</source>
        <translation>%1 is an address of this computer or of the local network: MoySklad cannot reach it from the internet. Use the public address of the reverse proxy or the tunnel.</translation>
    </message>
    <message>
        <source>The site URL is not usable: %1. Enter the full address, beginning with https://.</source>
        <translation>The site URL is not usable: %1. Enter the full address, beginning with https://.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Full (paymentin and cashin hooks)</source>
        <translation>Full (paymentin and cashin hooks)</translation>
    </message>
    <message>
        <source>Full (demand hooks)</source>
        <translation>Full (demand hooks)</translation>
    </message>
    <message>
        <source>The account&apos;s webhooks are not listed yet: go Back to the check of access.</source>
        <translation>The account&apos;s webhooks are not listed yet: go Back to the check of access.</translation>
    </message>
    <message>
        <source>To write: %1 missing, %2 outdated, %3 disabled. Click Install the hooks.</source>
        <translation>To write: %1 missing, %2 outdated, %3 disabled. Click Install the hooks.</translation>
    </message>
    <message numerus="yes">
        <source>Every hook of the module is installed and up to date (%n hook(s)).</source>
        <translation>
            <numerusform>Every hook of the module is installed and up to date (%n hook).</numerusform>
            <numerusform>Every hook of the module is installed and up to date (%n hooks).</numerusform>
        </translation>
    </message>
    <message>
        <source>Installing the hooks…</source>
        <translation>Installing the hooks…</translation>
    </message>
    <message>
        <source>Sending a test delivery to every hook URL…</source>
        <translation>Sending a test delivery to every hook URL…</translation>
    </message>
    <message>
        <source>Every hook URL reached SkladHook&apos;s receiver: MoySklad&apos;s deliveries will arrive.</source>
        <translation>Every hook URL reached SkladHook&apos;s receiver: MoySklad&apos;s deliveries will arrive.</translation>
    </message>
    <message>
        <source>A test delivery did not reach the receiver: the failed step is shown in the test window. Check that the reverse proxy or the tunnel forwards the site URL to the receiver, and that SkladHook is receiving; then send again.</source>
        <translation>A test delivery did not reach the receiver: the failed step is shown in the test window. Check that the reverse proxy or the tunnel forwards the site URL to the receiver, and that SkladHook is receiving; then send again.</translation>
    </message>
    <message>
        <source>SkladHook setup assistant</source>
        <translation>SkladHook setup assistant</translation>
    </message>
    <message>
        <source>S&amp;kip this step (set it up later on the main window)</source>
        <translation>S&amp;kip this step (set it up later on the main window)</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API token</translation>
    </message>
    <message>
        <source>SkladHook works with MoySklad through the JSON API, with the token of a user who may manage webhooks (an administrator). Paste a token created in MoySklad (Settings → Users → the user → Access tokens).</source>
        <translation>SkladHook works with MoySklad through the JSON API, with the token of a user who may manage webhooks (an administrator). Paste a token created in MoySklad (Settings → Users → the user → Access tokens).</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API &amp;token:</translation>
    </message>
    <message>
        <source>Or obtain a token with the user&apos;s login and password:</source>
        <translation>Or obtain a token with the user&apos;s login and password:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Obtain token…</source>
        <translation>&amp;Obtain token…</translation>
    </message>
    <message>
        <source>Warning: obtaining a token with the password revokes this user&apos;s other tokens; programs that use them stop working until they get the new one.</source>
        <translation>Warning: obtaining a token with the password revokes this user&apos;s other tokens; programs that use them stop working until they get the new one.</translation>
    </message>
    <message>
        <source>Check of access</source>
        <translation>Check of access</translation>
    </message>
    <message>
        <source>SkladHook lists the account&apos;s webhooks with the token: this shows that the token is valid, that the user may manage webhooks and that the tariff allows the API.</source>
        <translation>SkladHook lists the account&apos;s webhooks with the token: this shows that the token is valid, that the user may manage webhooks and that the tariff allows the API.</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <source>Site URL</source>
        <translation>Site URL</translation>
    </message>
    <message>
        <source>MoySklad sends the webhooks to this address, so it must be reachable from the internet: MoySklad&apos;s servers connect to it, not this computer. Forward it to SkladHook&apos;s receiver (listening on %1) with a reverse proxy on the web server (nginx, Apache) or with a tunnel (cloudflared, ngrok).</source>
        <translation>MoySklad sends the webhooks to this address, so it must be reachable from the internet: MoySklad&apos;s servers connect to it, not this computer. Forward it to SkladHook&apos;s receiver (listening on %1) with a reverse proxy on the web server (nginx, Apache) or with a tunnel (cloudflared, ngrok).</translation>
    </message>
    <message>
        <source>Site &amp;URL:</source>
        <translation>Site &amp;URL:</translation>
    </message>
    <message>
        <source>Exchange settings</source>
        <translation>Exchange settings</translation>
    </message>
    <message>
        <source>customerorder/UPDATE is always installed: it passes the changes of orders from MoySklad to the site. Choose what else is exchanged; each choice adds its hooks.</source>
        <translation>customerorder/UPDATE is always installed: it passes the changes of orders from MoySklad to the site. Choose what else is exchanged; each choice adds its hooks.</translation>
    </message>
    <message>
        <source>&amp;Import orders from MoySklad (customerorder/CREATE)</source>
        <translation>&amp;Import orders from MoySklad (customerorder/CREATE)</translation>
    </message>
    <message>
        <source>&amp;Payments:</source>
        <translation>&amp;Payments:</translation>
    </message>
    <message>
        <source>S&amp;hipments:</source>
        <translation>S&amp;hipments:</translation>
    </message>
    <message>
        <source>Install the hooks</source>
        <translation>Install the hooks</translation>
    </message>
    <message>
        <source>SkladHook creates the module&apos;s hooks in MoySklad, pointing at the site URL with the verification string; other applications&apos; hooks are not touched.</source>
        <translation>SkladHook creates the module&apos;s hooks in MoySklad, pointing at the site URL with the verification string; other applications&apos; hooks are not touched.</translation>
    </message>
    <message>
        <source>&amp;Install the hooks</source>
        <translation>&amp;Install the hooks</translation>
    </message>
    <message>
        <source>Test delivery</source>
        <translation>Test delivery</translation>
    </message>
    <message>
        <source>SkladHook sends a delivery shaped like MoySklad&apos;s to every hook URL, through the reverse proxy or the tunnel, and shows each step. It never creates a task.</source>
        <translation>SkladHook sends a delivery shaped like MoySklad&apos;s to every hook URL, through the reverse proxy or the tunnel, and shows each step. It never creates a task.</translation>
    </message>
    <message>
        <source>Send a test &amp;delivery</source>
        <translation>Send a test &amp;delivery</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad. If it issued a token meanwhile, the token is saved and shown here; otherwise obtain one again, or paste a token.</source>
        <translation>Stopped waiting for MoySklad. If it issued a token meanwhile, the token is saved and shown here; otherwise obtain one again, or paste a token.</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad: the access is not checked. Click Check again when the connection is better, or skip this step.</source>
        <translation>Stopped waiting for MoySklad: the access is not checked. Click Check again when the connection is better, or skip this step.</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad: hooks already sent may be installed. Click Install the hooks: the account&apos;s hooks are read again first, so none is installed twice.</source>
        <translation>Stopped waiting for MoySklad: hooks already sent may be installed. Click Install the hooks: the account&apos;s hooks are read again first, so none is installed twice.</translation>
    </message>
    <message>
        <source>Reading the account&apos;s hooks again, since the last install was stopped…</source>
        <translation>Reading the account&apos;s hooks again, since the last install was stopped…</translation>
    </message>
    <message>
        <source>The test delivery was stopped before it ended. Send it again, or skip this step.</source>
        <translation>The test delivery was stopped before it ended. Send it again, or skip this step.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShopDocumentModel</name>
    <message>
        <source>Bank payment</source>
        <translation>Bank payment</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <source>Deleted in MoySklad</source>
        <translation>Deleted in MoySklad</translation>
    </message>
    <message>
        <source>MoySklad gave no sum that can be money</source>
        <translation>MoySklad gave no sum that can be money</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Sum</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Shipped</translation>
    </message>
</context>
<context>
    <name>ShopTab</name>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Shipments</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>The shop store cannot be read: %1</source>
        <translation>The shop store cannot be read: %1</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Number or counterparty</source>
        <translation>Number or counterparty</translation>
    </message>
    <message>
        <source>Search by number or counterparty</source>
        <translation>Search by number or counterparty</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tate:</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Payment type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Show &amp;deleted</source>
        <translation>Show &amp;deleted</translation>
    </message>
    <message>
        <source>Documents deleted in MoySklad, struck out</source>
        <translation>Documents deleted in MoySklad, struck out</translation>
    </message>
    <message>
        <source>Open in MoySklad</source>
        <translation>Open in MoySklad</translation>
    </message>
    <message>
        <source>Nothing matches the search or the filter.</source>
        <translation>Nothing matches the search or the filter.</translation>
    </message>
    <message>
        <source>No orders yet. They appear when MoySklad sends a change of one (new orders only with order import on) and after a catch-up sync.</source>
        <translation>No orders yet. They appear when MoySklad sends a change of one (new orders only with order import on) and after a catch-up sync.</translation>
    </message>
    <message>
        <source>No payments yet. They appear with payment exchange set to full, when MoySklad sends one and after a catch-up sync.</source>
        <translation>No payments yet. They appear with payment exchange set to full, when MoySklad sends one and after a catch-up sync.</translation>
    </message>
    <message>
        <source>No shipments yet. They appear with shipment exchange set to full, when MoySklad sends one and after a catch-up sync.</source>
        <translation>No shipments yet. They appear with shipment exchange set to full, when MoySklad sends one and after a catch-up sync.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message numerus="yes">
        <source>Queue: %n waiting</source>
        <translation>
            <numerusform>Queue: %n waiting</numerusform>
            <numerusform>Queue: %n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dead</source>
        <translation>
            <numerusform>%n dead</numerusform>
            <numerusform>%n dead</numerusform>
        </translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Service status</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Needs attention: %1</translation>
    </message>
</context>
<context>
    <name>StoreProblemPrompt</name>
    <message>
        <source>SkladHook cannot open its database</source>
        <translation>SkladHook cannot open its database</translation>
    </message>
    <message>
        <source>%1 is not a SkladHook database: it is damaged or was cut short.</source>
        <translation>%1 is not a SkladHook database: it is damaged or was cut short.</translation>
    </message>
    <message>
        <source>%1 is damaged: the integrity check found errors.</source>
        <translation>%1 is damaged: the integrity check found errors.</translation>
    </message>
    <message>
        <source>%1 belongs to another program.</source>
        <translation>%1 belongs to another program.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of SkladHook. Install that version, or restore a backup made by this one (skladhook-cli restore FILE).</source>
        <translation>%1 was written by a newer version of SkladHook. Install that version, or restore a backup made by this one (skladhook-cli restore FILE).</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>%1 cannot be opened.</translation>
    </message>
    <message numerus="yes">
        <source>Move it aside and start with a fresh database? The file is kept under a new name, never deleted. A catch-up sync then fetches the documents of the last %n day(s) from MoySklad again.</source>
        <translation>
            <numerusform>Move it aside and start with a fresh database? The file is kept under a new name, never deleted. A catch-up sync then fetches the documents of the last %n day from MoySklad again.</numerusform>
            <numerusform>Move it aside and start with a fresh database? The file is kept under a new name, never deleted. A catch-up sync then fetches the documents of the last %n days from MoySklad again.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move aside and start afresh</source>
        <translation>&amp;Move aside and start afresh</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Catch-up with MoySklad</source>
        <translation>Catch-up with MoySklad</translation>
    </message>
    <message>
        <source>Every change MoySklad made up to this moment is in the shop store, whether its delivery arrived or not</source>
        <translation>Every change MoySklad made up to this moment is in the shop store, whether its delivery arrived or not</translation>
    </message>
    <message>
        <source>Store complete up to:</source>
        <translation>Store complete up to:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <source>Next sync:</source>
        <translation>Next sync:</translation>
    </message>
    <message>
        <source>Last comparison:</source>
        <translation>Last comparison:</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Fetch what MoySklad changed since the store was last complete</source>
        <translation>Fetch what MoySklad changed since the store was last complete</translation>
    </message>
    <message>
        <source>Sync s&amp;ince…</source>
        <translation>Sync s&amp;ince…</translation>
    </message>
    <message>
        <source>Fetch every document changed since a moment you choose, older ones included</source>
        <translation>Fetch every document changed since a moment you choose, older ones included</translation>
    </message>
    <message>
        <source>&amp;Compare with MoySklad</source>
        <translation>&amp;Compare with MoySklad</translation>
    </message>
    <message>
        <source>List every handled document in MoySklad and compare it with the shop store: missing, outdated, or deleted in MoySklad but not here</source>
        <translation>List every handled document in MoySklad and compare it with the shop store: missing, outdated, or deleted in MoySklad but not here</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>unknown (no database yet)</source>
        <translation>unknown (no database yet)</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>not synced yet</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>%1: %2 fetched, %3 applied, %4 marked deleted</source>
        <translation>%1: %2 fetched, %3 applied, %4 marked deleted</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: failed — %2</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>running now</translation>
    </message>
    <message>
        <source>at the next start of the service, or when you ask</source>
        <translation>at the next start of the service, or when you ask</translation>
    </message>
    <message>
        <source>Sync since…</source>
        <translation>Sync since…</translation>
    </message>
    <message>
        <source>Fetch every order, payment and shipment MoySklad changed since (this computer&apos;s time):</source>
        <translation>Fetch every order, payment and shipment MoySklad changed since (this computer&apos;s time):</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 fetched, %n page(s) left</source>
        <translation>
            <numerusform>%1: %2 fetched, %n page left</numerusform>
            <numerusform>%1: %2 fetched, %n pages left</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync done: %1 fetched, %2 applied, %3 marked deleted, %4 requests</source>
        <translation>Sync done: %1 fetched, %2 applied, %3 marked deleted, %4 requests</translation>
    </message>
    <message>
        <source>MoySklad refused the API token: save a working one on the Connection tab</source>
        <translation>MoySklad refused the API token: save a working one on the Connection tab</translation>
    </message>
    <message>
        <source>Sync stopped: %1. What was applied stays; run it again.</source>
        <translation>Sync stopped: %1. What was applied stays; run it again.</translation>
    </message>
    <message>
        <source>No API token: save one on the Connection tab first</source>
        <translation>No API token: save one on the Connection tab first</translation>
    </message>
    <message>
        <source>Comparing %1: %2 of %3 listed</source>
        <translation>Comparing %1: %2 of %3 listed</translation>
    </message>
    <message>
        <source>Comparing with MoySklad…</source>
        <translation>Comparing with MoySklad…</translation>
    </message>
    <message>
        <source>The comparison stopped: %1</source>
        <translation>The comparison stopped: %1</translation>
    </message>
    <message>
        <source>The store matches MoySklad</source>
        <translation>The store matches MoySklad</translation>
    </message>
    <message>
        <source>The store differs from MoySklad (see the last comparison)</source>
        <translation>The store differs from MoySklad (see the last comparison)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Fetch the %n differing document(s)</source>
        <translation>
            <numerusform>&amp;Fetch the %n differing document</numerusform>
            <numerusform>&amp;Fetch the %n differing documents</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1: %2 missing, %3 outdated, %4 deleted in MoySklad</source>
        <translation>%1: %2 missing, %3 outdated, %4 deleted in MoySklad</translation>
    </message>
    <message>
        <source>%1: the store matches MoySklad</source>
        <translation>%1: the store matches MoySklad</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) queued: the worker fetches them at its next run (see the queue below)</source>
        <translation>
            <numerusform>%n document queued: the worker fetches them at its next run (see the queue below)</numerusform>
            <numerusform>%n documents queued: the worker fetches them at its next run (see the queue below)</numerusform>
        </translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;op</translation>
    </message>
    <message>
        <source>Stop the sync or the comparison: what was applied stays</source>
        <translation>Stop the sync or the comparison: what was applied stays</translation>
    </message>
    <message>
        <source>%1: stopped by the user</source>
        <translation>%1: stopped by the user</translation>
    </message>
    <message>
        <source>Sync stopped: what was fetched so far is applied, and the next sync starts where this one stopped.</source>
        <translation>Sync stopped: what was fetched so far is applied, and the next sync starts where this one stopped.</translation>
    </message>
    <message>
        <source>Comparison stopped before it ended: nothing was changed. Compare again to see the differences.</source>
        <translation>Comparison stopped before it ended: nothing was changed. Compare again to see the differences.</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Retrying</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Dead</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Hook</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Next attempt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Marked deleted</source>
        <translation>Marked deleted</translation>
    </message>
    <message>
        <source>Gone from MoySklad</source>
        <translation>Gone from MoySklad</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>MoySklad no longer has this document (it was deleted there): the shop store marks it deleted</source>
        <translation>MoySklad no longer has this document (it was deleted there): the shop store marks it deleted</translation>
    </message>
</context>
<context>
    <name>TestDelivery</name>
    <message>
        <source>the verification string in the URL is not the one the receiver expects (site.secret): apply the hooks again, or the proxy rewrites the query</source>
        <translation>the verification string in the URL is not the one the receiver expects (site.secret): apply the hooks again, or the proxy rewrites the query</translation>
    </message>
    <message>
        <source>the path does not reach the receiver: check the proxy&apos;s location and site.url&apos;s path</source>
        <translation>the path does not reach the receiver: check the proxy&apos;s location and site.url&apos;s path</translation>
    </message>
    <message>
        <source>POST is refused on the way (a proxy rule)</source>
        <translation>POST is refused on the way (a proxy rule)</translation>
    </message>
    <message>
        <source>the body was refused as too large on the way</source>
        <translation>the body was refused as too large on the way</translation>
    </message>
    <message>
        <source>the proxy answered but could not reach the receiver: is it running (skladhook-cli serve or the desktop app) and does proxy_pass match receiver.listen?</source>
        <translation>the proxy answered but could not reach the receiver: is it running (skladhook-cli serve or the desktop app) and does proxy_pass match receiver.listen?</translation>
    </message>
    <message>
        <source>MoySklad does not follow redirects: the hook URL must reach the receiver directly (is site.url http where the server redirects to https?)</source>
        <translation>MoySklad does not follow redirects: the hook URL must reach the receiver directly (is site.url http where the server redirects to https?)</translation>
    </message>
    <message>
        <source>No verification string (site.secret) yet: the hook URLs cannot be built</source>
        <translation>No verification string (site.secret) yet: the hook URLs cannot be built</translation>
    </message>
    <message>
        <source>skipped: the %1 step failed</source>
        <translation>skipped: the %1 step failed</translation>
    </message>
    <message>
        <source>the name resolver gave no answer for %1 within %2 s</source>
        <translation>the name resolver gave no answer for %1 within %2 s</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>cannot resolve %1: %2</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>connected to %1</translation>
    </message>
    <message>
        <source>connection refused to %1</source>
        <translation>connection refused to %1</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s (a firewall may drop the connection)</source>
        <translation>no answer from %1 within %2 s (a firewall may drop the connection)</translation>
    </message>
    <message>
        <source>TLS is not available in this build of Qt (no TLS backend)</source>
        <translation>TLS is not available in this build of Qt (no TLS backend)</translation>
    </message>
    <message>
        <source>%1, certificate for %2 issued by %3, valid until %4</source>
        <translation>%1, certificate for %2 issued by %3, valid until %4</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>TLS handshake with %1 failed: %2</translation>
    </message>
    <message>
        <source>the certificate of %1 is not accepted: %2</source>
        <translation>the certificate of %1 is not accepted: %2</translation>
    </message>
    <message>
        <source>no TLS handshake with %1 within %2 s</source>
        <translation>no TLS handshake with %1 within %2 s</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>no answer within %1 s</translation>
    </message>
    <message>
        <source>no HTTP answer: %1</source>
        <translation>no HTTP answer: %1</translation>
    </message>
    <message>
        <source>%1 %2 in %3 ms</source>
        <translation>%1 %2 in %3 ms</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>%1: MoySklad waits at most %2 ms and would count it as failed</source>
        <translation>%1: MoySklad waits at most %2 ms and would count it as failed</translation>
    </message>
    <message>
        <source>recorded by this data directory&apos;s receiver: %1</source>
        <translation>recorded by this data directory&apos;s receiver: %1</translation>
    </message>
    <message>
        <source>answered, but this data directory&apos;s receiver did not record it within %1 s: the URL reaches another server or another data directory&apos;s receiver%2</source>
        <translation>answered, but this data directory&apos;s receiver did not record it within %1 s: the URL reaches another server or another data directory&apos;s receiver%2</translation>
    </message>
    <message>
        <source> (the log could not be read: %1)</source>
        <translation> (the log could not be read: %1)</translation>
    </message>
</context>
<context>
    <name>TestDeliveryDialog</name>
    <message>
        <source>Name resolution</source>
        <translation>Name resolution</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS handshake</translation>
    </message>
    <message>
        <source>HTTP answer</source>
        <translation>HTTP answer</translation>
    </message>
    <message>
        <source>Recorded by the receiver</source>
        <translation>Recorded by the receiver</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Not tried: an earlier step failed</source>
        <translation>Not tried: an earlier step failed</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Sending a test delivery to each hook URL, as MoySklad would. It never creates a task and never reaches MoySklad…</source>
        <translation>Sending a test delivery to each hook URL, as MoySklad would. It never creates a task and never reaches MoySklad…</translation>
    </message>
    <message>
        <source>Cannot send a test delivery: %1</source>
        <translation>Cannot send a test delivery: %1</translation>
    </message>
    <message>
        <source>Every hook URL reached the receiver and was recorded: the way from MoySklad to this computer works. No task was created.</source>
        <translation>Every hook URL reached the receiver and was recorded: the way from MoySklad to this computer works. No task was created.</translation>
    </message>
    <message>
        <source>%1 of %2 hook URL(s) failed: the first step marked Failed says where the way breaks.</source>
        <translation>%1 of %2 hook URL(s) failed: the first step marked Failed says where the way breaks.</translation>
    </message>
    <message>
        <source>Test delivery</source>
        <translation>Test delivery</translation>
    </message>
    <message>
        <source>Hook / step</source>
        <translation>Hook / step</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>&amp;Send again</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>The test delivery was stopped before it ended: the steps shown are those that finished. Click Send again to try the whole way.</source>
        <translation>The test delivery was stopped before it ended: the steps shown are those that finished. Click Send again to try the whole way.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show SkladHook</source>
        <translation>Show SkladHook</translation>
    </message>
    <message>
        <source>Quit (stops the receiver)</source>
        <translation>Quit (stops the receiver)</translation>
    </message>
    <message>
        <source>%1
Queue: %2 waiting, %3 dead</source>
        <translation>%1
Queue: %2 waiting, %3 dead</translation>
    </message>
    <message>
        <source>Tasks failed for good</source>
        <translation>Tasks failed for good</translation>
    </message>
    <message>
        <source>Webhooks disabled by MoySklad</source>
        <translation>Webhooks disabled by MoySklad</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad disabled %n webhook(s) of ours. Apply the settings to enable them again.</source>
        <translation>
            <numerusform>MoySklad disabled %n webhook of ours. Apply the settings to enable them again.</numerusform>
            <numerusform>MoySklad disabled %n webhooks of ours. Apply the settings to enable them again.</numerusform>
        </translation>
    </message>
    <message>
        <source>SkladHook keeps running</source>
        <translation>SkladHook keeps running</translation>
    </message>
    <message>
        <source>The receiver and the worker go on in the background. Quit from the tray menu.</source>
        <translation>The receiver and the worker go on in the background. Quit from the tray menu.</translation>
    </message>
    <message>
        <source>MoySklad refused the API token</source>
        <translation>MoySklad refused the API token</translation>
    </message>
    <message>
        <source>Processing waits and no task loses an attempt. Save a working token on the Connection tab (a login with the password elsewhere revokes the earlier tokens).</source>
        <translation>Processing waits and no task loses an attempt. Save a working token on the Connection tab (a login with the password elsewhere revokes the earlier tokens).</translation>
    </message>
    <message>
        <source>Webhooks of ours are off</source>
        <translation>Webhooks of ours are off</translation>
    </message>
    <message>
        <source>Webhooks of ours were repaired</source>
        <translation>Webhooks of ours were repaired</translation>
    </message>
    <message>
        <source>Queue: %1 waiting, %2 dead</source>
        <translation>Queue: %1 waiting, %2 dead</translation>
    </message>
    <message numerus="yes">
        <source>Show %n dead task(s)…</source>
        <translation>
            <numerusform>Show %n dead task…</numerusform>
            <numerusform>Show %n dead tasks…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry the dead tasks</source>
        <translation>Retry the dead tasks</translation>
    </message>
    <message>
        <source>Webhooks of ours are off: open the Webhooks tab…</source>
        <translation>Webhooks of ours are off: open the Webhooks tab…</translation>
    </message>
    <message>
        <source>MoySklad refused the API token: save a new one…</source>
        <translation>MoySklad refused the API token: save a new one…</translation>
    </message>
    <message>
        <source>Resume processing</source>
        <translation>Resume processing</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) went dead after all retries. Click to see them in the queue.</source>
        <translation>
            <numerusform>%n task went dead after all retries. Click to see them in the queue.</numerusform>
            <numerusform>%n tasks went dead after all retries. Click to see them in the queue.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing is paused</source>
        <translation>Processing is paused</translation>
    </message>
    <message>
        <source>Deliveries are received and queued, but not processed. Click to resume processing.</source>
        <translation>Deliveries are received and queued, but not processed. Click to resume processing.</translation>
    </message>
    <message>
        <source>MoySklad is unreachable</source>
        <translation>MoySklad is unreachable</translation>
    </message>
    <message>
        <source>Since %1. Deliveries are still received and queued; tasks wait without spending attempts, and processing resumes by itself once MoySklad answers.</source>
        <translation>Since %1. Deliveries are still received and queued; tasks wait without spending attempts, and processing resumes by itself once MoySklad answers.</translation>
    </message>
    <message>
        <source>MoySklad answers again</source>
        <translation>MoySklad answers again</translation>
    </message>
    <message>
        <source>The waiting tasks are being processed.</source>
        <translation>The waiting tasks are being processed.</translation>
    </message>
</context>
<context>
    <name>WebhookController</name>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password, on the Connection tab.</source>
        <translation>No API token yet: enter a token, or obtain one with your login and password, on the Connection tab.</translation>
    </message>
    <message>
        <source>Could not list the webhooks</source>
        <translation>Could not list the webhooks</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) in the account.</source>
        <translation>
            <numerusform>%n webhook in the account.</numerusform>
            <numerusform>%n webhooks in the account.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Set the site URL on the Connection tab so that SkladHook can tell its own hooks.</source>
        <translation>%1 Set the site URL on the Connection tab so that SkladHook can tell its own hooks.</translation>
    </message>
    <message>
        <source>Set the site URL (Connection tab) first: the hooks point to it.</source>
        <translation>Set the site URL (Connection tab) first: the hooks point to it.</translation>
    </message>
    <message>
        <source>The verification string is not available: set or generate one on the Connection tab.</source>
        <translation>The verification string is not available: set or generate one on the Connection tab.</translation>
    </message>
    <message>
        <source>A hook URL would be too long for MoySklad: %1</source>
        <translation>A hook URL would be too long for MoySklad: %1</translation>
    </message>
    <message>
        <source>Click Refresh first, so that SkladHook knows the account&apos;s hooks.</source>
        <translation>Click Refresh first, so that SkladHook knows the account&apos;s hooks.</translation>
    </message>
    <message>
        <source>Nothing to write: the webhooks are already as they should be.</source>
        <translation>Nothing to write: the webhooks are already as they should be.</translation>
    </message>
    <message>
        <source>MoySklad refused the change: %1</source>
        <translation>MoySklad refused the change: %1</translation>
    </message>
    <message>
        <source>MoySklad said: %1</source>
        <translation>MoySklad said: %1</translation>
    </message>
    <message>
        <source>Done: %1 created, %2 updated, %3 enabled.</source>
        <translation>Done: %1 created, %2 updated, %3 enabled.</translation>
    </message>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password.</source>
        <translation>No API token yet: enter a token, or obtain one with your login and password.</translation>
    </message>
    <message>
        <source>The connection check failed</source>
        <translation>The connection check failed</translation>
    </message>
    <message>
        <source>the token&apos;s user</source>
        <translation>the token&apos;s user</translation>
    </message>
    <message>
        <source>Connected to MoySklad as %1; this user may manage webhooks.</source>
        <translation>Connected to MoySklad as %1; this user may manage webhooks.</translation>
    </message>
    <message>
        <source>Connected as %1, but this user may not manage webhooks: %2</source>
        <translation>Connected as %1, but this user may not manage webhooks: %2</translation>
    </message>
    <message>
        <source>Enter both the login and the password to obtain a token.</source>
        <translation>Enter both the login and the password to obtain a token.</translation>
    </message>
    <message>
        <source>Could not obtain a token</source>
        <translation>Could not obtain a token</translation>
    </message>
    <message>
        <source>A new API token was obtained and saved; earlier tokens of this user no longer work.</source>
        <translation>A new API token was obtained and saved; earlier tokens of this user no longer work.</translation>
    </message>
    <message>
        <source>Check the network connection and the API URL.</source>
        <translation>Check the network connection and the API URL.</translation>
    </message>
    <message>
        <source>The token or the login and password are wrong: enter a valid token or obtain a new one.</source>
        <translation>The token or the login and password are wrong: enter a valid token or obtain a new one.</translation>
    </message>
    <message>
        <source>This user lacks the rights: webhooks need an administrator of the account.</source>
        <translation>This user lacks the rights: webhooks need an administrator of the account.</translation>
    </message>
    <message>
        <source>MoySklad limits the request rate: try again in a minute.</source>
        <translation>MoySklad limits the request rate: try again in a minute.</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) deleted.</source>
        <translation>
            <numerusform>%n hook deleted.</numerusform>
            <numerusform>%n hooks deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) are outdated: tick Update on them (or Tick all outdated), then Apply.</source>
        <translation>
            <numerusform>%n hook is outdated: tick Update on it (or Tick all outdated), then Apply.</numerusform>
            <numerusform>%n hooks are outdated: tick Update on them (or Tick all outdated), then Apply.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: SkladHook no longer waits for MoySklad&apos;s answer. A change already sent may still be made; Refresh shows the account as it is.</source>
        <translation>Cancelled: SkladHook no longer waits for MoySklad&apos;s answer. A change already sent may still be made; Refresh shows the account as it is.</translation>
    </message>
</context>
<context>
    <name>WebhookTableModel</name>
    <message>
        <source>Run immediately</source>
        <translation>Run immediately</translation>
    </message>
    <message>
        <source>Run later in the queue</source>
        <translation>Run later in the queue</translation>
    </message>
    <message>
        <source>First item immediately, the rest in the queue</source>
        <translation>First item immediately, the rest in the queue</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>In sync</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Outdated</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation>Foreign</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Ours</translation>
    </message>
    <message>
        <source>Other application</source>
        <translation>Other application</translation>
    </message>
    <message>
        <source>Created by another application (%1). SkladHook shows it and never changes it.</source>
        <translation>Created by another application (%1). SkladHook shows it and never changes it.</translation>
    </message>
    <message>
        <source>Points to another site or application. SkladHook shows it and never changes it.</source>
        <translation>Points to another site or application. SkladHook shows it and never changes it.</translation>
    </message>
    <message>
        <source>Will become: %1</source>
        <translation>Will become: %1</translation>
    </message>
    <message>
        <source>The hook is installed and up to date.</source>
        <translation>The hook is installed and up to date.</translation>
    </message>
    <message>
        <source>Not installed yet: Apply or Install missing hooks creates it.</source>
        <translation>Not installed yet: Apply or Install missing hooks creates it.</translation>
    </message>
    <message>
        <source>MoySklad disabled this hook (it failed too often): Apply enables it again.</source>
        <translation>MoySklad disabled this hook (it failed too often): Apply enables it again.</translation>
    </message>
    <message>
        <source>Ours, but the exchange settings no longer need it.</source>
        <translation>Ours, but the exchange settings no longer need it.</translation>
    </message>
    <message>
        <source>Apply creates this hook.</source>
        <translation>Apply creates this hook.</translation>
    </message>
    <message>
        <source>Tick to rewrite this hook with the current URL and verification string on Apply.</source>
        <translation>Tick to rewrite this hook with the current URL and verification string on Apply.</translation>
    </message>
    <message>
        <source>How the events of this hook are processed</source>
        <translation>How the events of this hook are processed</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Execution mode</source>
        <translation>Execution mode</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>%1 · mandatory</source>
        <translation>%1 · mandatory</translation>
    </message>
    <message>
        <source>Mandatory: this hook passes the changes of orders from MoySklad to the site; the module needs it from the first setup.</source>
        <translation>Mandatory: this hook passes the changes of orders from MoySklad to the site; the module needs it from the first setup.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Now: %1</translation>
    </message>
    <message>
        <source>The site URL or the verification string changed: tick Update (or Tick all outdated) and click Apply.</source>
        <translation>The site URL or the verification string changed: tick Update (or Tick all outdated) and click Apply.</translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Click Refresh to load the webhooks of the MoySklad account.</source>
        <translation>Click Refresh to load the webhooks of the MoySklad account.</translation>
    </message>
    <message>
        <source>in sync: %1</source>
        <translation>in sync: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>missing: %1</translation>
    </message>
    <message>
        <source>outdated: %1</source>
        <translation>outdated: %1</translation>
    </message>
    <message>
        <source>disabled: %1</source>
        <translation>disabled: %1</translation>
    </message>
    <message>
        <source>not needed: %1</source>
        <translation>not needed: %1</translation>
    </message>
    <message>
        <source>other applications: %1</source>
        <translation>other applications: %1</translation>
    </message>
    <message>
        <source>Webhooks — %1.</source>
        <translation>Webhooks — %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) ticked for update.</source>
        <translation>
            <numerusform>%n hook ticked for update.</numerusform>
            <numerusform>%n hooks ticked for update.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the module&apos;s hooks that the account does not have yet</source>
        <translation>Create the module&apos;s hooks that the account does not have yet</translation>
    </message>
    <message>
        <source>Create the missing hooks, enable the disabled ones and rewrite the ticked ones</source>
        <translation>Create the missing hooks, enable the disabled ones and rewrite the ticked ones</translation>
    </message>
    <message>
        <source>Talking to MoySklad…</source>
        <translation>Talking to MoySklad…</translation>
    </message>
    <message>
        <source>Delete the hooks of ours that the exchange settings no longer need</source>
        <translation>Delete the hooks of ours that the exchange settings no longer need</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Load the webhooks of the MoySklad account again (F5)</source>
        <translation>Load the webhooks of the MoySklad account again (F5)</translation>
    </message>
    <message>
        <source>&amp;Install missing hooks</source>
        <translation>&amp;Install missing hooks</translation>
    </message>
    <message>
        <source>&amp;Tick all outdated</source>
        <translation>&amp;Tick all outdated</translation>
    </message>
    <message>
        <source>Tick Update on every outdated hook of the module, to rewrite them on Apply</source>
        <translation>Tick Update on every outdated hook of the module, to rewrite them on Apply</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Re&amp;move unneeded hooks…</source>
        <translation>Re&amp;move unneeded hooks…</translation>
    </message>
    <message>
        <source>Send a test &amp;delivery</source>
        <translation>Send a test &amp;delivery</translation>
    </message>
    <message>
        <source>POST a delivery shaped like MoySklad&apos;s to every hook URL, through the proxy or tunnel, and show each step; it never creates a task</source>
        <translation>POST a delivery shaped like MoySklad&apos;s to every hook URL, through the proxy or tunnel, and show each step; it never creates a task</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Cance&amp;l</translation>
    </message>
    <message>
        <source>Stop waiting for MoySklad&apos;s answer (it may take minutes)</source>
        <translation>Stop waiting for MoySklad&apos;s answer (it may take minutes)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MoySklad webhooks for your online shop</source>
        <translation>MoySklad webhooks for your online shop</translation>
    </message>
    <message>
        <source>Keep settings and data in DIR.</source>
        <translation>Keep settings and data in DIR.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Use this MoySklad API base URL for this session.</source>
        <translation>Use this MoySklad API base URL for this session.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>cannot create the data directory %1</translation>
    </message>
    <message>
        <source>--api-url: not a URL: %1</source>
        <translation>--api-url: not a URL: %1</translation>
    </message>
    <message>
        <source>SkladHook cannot start</source>
        <translation>SkladHook cannot start</translation>
    </message>
</context>
</TS>
