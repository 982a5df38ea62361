<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConnectionPage</name>
    <message>
        <source>MoySklad connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a token, or obtain one below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obtain token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obtaining a token with the login and password revokes this user&apos;s earlier tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification string:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the site URL or the verification string marks the module&apos;s hooks outdated: tick Update on them in the Webhooks tab and click Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment exchange:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shipment exchange:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import orders from MoySklad (customerorder/CREATE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the token and the verification string in the settings file, unencrypted (only when no keychain is available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site URL not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (paymentin and cashin hooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (demand hooks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this only on a machine without a keychain: anyone who can read the settings file can read the secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in the settings file, unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are kept in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried in every hook URL of the module as key=…; at least 128 random bits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SkladHook — MoySklad webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection and exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Connection tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available, so the API token and the verification string cannot be saved. Start a keychain service (GNOME Keyring or KWallet) and restart SkladHook, or keep the secrets in the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain is locked, so the API token and the verification string cannot be read or saved. Unlock it (for example by logging in to the desktop session or unlocking the login keyring) and restart SkladHook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow SkladHook to use the keychain and restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain reported an error, so the secrets cannot be read or saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Keychain: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until then, secrets you type are used for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets in the settings file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obtain a new token?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad revokes this user&apos;s earlier tokens when a new one is obtained: programs that use them (another SkladHook included) stop working until they get the new token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Obtain token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep secrets in the settings file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token and the verification string will be saved unencrypted in %1. Anyone who can read this file can use your MoySklad account. Choose this only where no keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in the settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file, unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookController</name>
    <message>
        <source>Cannot read the API token from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the verification string from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification string cannot be empty: type one or click Generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file (plaintext), as chosen by the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are now kept in the OS keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password, on the Connection tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) in the account.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Set the site URL on the Connection tab so that SkladHook can tell its own hooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the site URL (Connection tab) first: the hooks point to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification string is not available: set or generate one on the Connection tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hook URL would be too long for MoySklad: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click Refresh first, so that SkladHook knows the account&apos;s hooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to write: the webhooks are already as they should be.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1 created, %2 updated, %3 enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the token&apos;s user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to MoySklad as %1; this user may manage webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1, but this user may not manage webhooks: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter both the login and the password to obtain a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not obtain a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new API token was obtained and saved; earlier tokens of this user no longer work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network connection and the API URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token or the login and password are wrong: enter a valid token or obtain a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user lacks the rights: webhooks need an administrator of the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad limits the request rate: try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhookTableModel</name>
    <message>
        <source>Run immediately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run later in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First item immediately, the rest in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by another application (%1). SkladHook shows it and never changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points to another site or application. SkladHook shows it and never changes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will become: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hook is installed and up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not installed yet: Apply or Install missing hooks creates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site URL or the verification string changed: tick Update and click Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MoySklad disabled this hook (it failed too often): Apply enables it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ours, but the exchange settings no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply creates this hook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick to rewrite this hook with the current URL and verification string on Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the events of this hook are processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Click Refresh to load the webhooks of the MoySklad account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outdated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other applications: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks — %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) ticked for update.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the webhooks of the MoySklad account again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install missing hooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the module&apos;s hooks that the account does not have yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the missing hooks, enable the disabled ones and rewrite the ticked ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talking to MoySklad…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MoySklad webhooks for your online shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep settings and data in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this MoySklad API base URL for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api-url: not a URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
