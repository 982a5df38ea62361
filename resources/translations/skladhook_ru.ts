<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;h2&gt;SkladHook %1&lt;/h2&gt;&lt;p&gt;MoySklad webhooks for your online shop.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SkladHook is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;</source>
        <translation>&lt;h2&gt;SkladHook %1&lt;/h2&gt;&lt;p&gt;Веб-хуки МойСклад для вашего интернет-магазина.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;SkladHook — свободная программа под лицензией GNU General Public License версии 3 или более поздней.&lt;/p&gt;&lt;h3&gt;Библиотеки&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;</translation>
    </message>
    <message>
        <source>About SkladHook</source>
        <translation>О программе SkladHook</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>network error</source>
        <translation>ошибка сети</translation>
    </message>
    <message>
        <source>no answer from MoySklad in time</source>
        <translation>МойСклад не ответил вовремя</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>недопустимые данные</translation>
    </message>
    <message>
        <source>unexpected answer from MoySklad</source>
        <translation>неожиданный ответ МойСклад</translation>
    </message>
    <message>
        <source>(code %1)</source>
        <translation>(код %1)</translation>
    </message>
    <message>
        <source>refused by MoySklad</source>
        <translation>МойСклад отклонил этот элемент</translation>
    </message>
</context>
<context>
    <name>AssistantPage</name>
    <message>
        <source>&amp;Stop waiting</source>
        <translation>Не &amp;ждать</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>Ожидание ответа</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>wrong verification string</source>
        <translation>неверная проверочная строка</translation>
    </message>
    <message>
        <source>no verification string</source>
        <translation>нет проверочной строки</translation>
    </message>
    <message>
        <source>not a webhook address</source>
        <translation>не адрес веб-хука</translation>
    </message>
    <message>
        <source>method not allowed</source>
        <translation>метод не разрешён</translation>
    </message>
    <message>
        <source>no requestId</source>
        <translation>нет requestId</translation>
    </message>
    <message>
        <source>body too large</source>
        <translation>слишком большое тело</translation>
    </message>
    <message>
        <source>malformed body</source>
        <translation>тело не разобрано</translation>
    </message>
    <message>
        <source>Deliveries received</source>
        <translation>Принятые уведомления</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>сохранено</translation>
    </message>
    <message>
        <source>redelivered</source>
        <translation>повторные</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>not stored (500/503)</source>
        <translation>не сохранено (500/503)</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Задачи</translation>
    </message>
    <message>
        <source>processed</source>
        <translation>обработано</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не удалось</translation>
    </message>
    <message>
        <source>Queue backlog</source>
        <translation>Длина очереди</translation>
    </message>
    <message>
        <source>tasks waiting</source>
        <translation>задач ждёт</translation>
    </message>
    <message>
        <source>waiting (highest)</source>
        <translation>ожидают (максимум)</translation>
    </message>
    <message>
        <source>Answer time to MoySklad</source>
        <translation>Время ответа МойСклад</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>median (p50)</source>
        <translation>медиана (p50)</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Requests to the MoySklad API</source>
        <translation>Запросы к API МойСклад</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>с ответом</translation>
    </message>
    <message>
        <source>429 Too Many Requests</source>
        <translation>429 (слишком много запросов)</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>по тайм-ауту</translation>
    </message>
    <message>
        <source>server errors</source>
        <translation>ошибки сервера</translation>
    </message>
    <message>
        <source>Rate limit budget left</source>
        <translation>Остаток лимита запросов</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>запросов</translation>
    </message>
    <message>
        <source>remaining (lowest)</source>
        <translation>осталось (минимум)</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Период:</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>&amp;Refused requests by cause</source>
        <translation>&amp;Отклонённые запросы по причинам</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Запросов</translation>
    </message>
    <message>
        <source>Refused requests by cause</source>
        <translation>Отклонённые запросы по причинам</translation>
    </message>
    <message numerus="yes">
        <source>per %n min</source>
        <translation>
            <numerusform>за %n мин</numerusform>
            <numerusform>за %n мин</numerusform>
            <numerusform>за %n мин</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2, a point per %n minute(s)</source>
        <translation>
            <numerusform>%1 – %2, точка на %n минуту</numerusform>
            <numerusform>%1 – %2, точка на %n минуты</numerusform>
            <numerusform>%1 – %2, точка на %n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>The charts cannot be read: %1</source>
        <translation>Не удалось прочитать графики: %1</translation>
    </message>
    <message>
        <source>No data yet for this period. While SkladHook receives, it records once a minute what arrived, what the worker did and how MoySklad answered; the charts fill in from the first minute.</source>
        <translation>За этот период данных пока нет. Пока SkladHook принимает уведомления, он раз в минуту записывает, что пришло, что сделал обработчик и как ответил МойСклад; графики заполняются с первой минуты.</translation>
    </message>
    <message>
        <source>No request was refused</source>
        <translation>Отклонённых запросов нет</translation>
    </message>
    <message>
        <source>%1: %2 in the period</source>
        <translation>%1: %2 за период</translation>
    </message>
    <message>
        <source>%1: %2 at the end</source>
        <translation>%1: %2 в конце периода</translation>
    </message>
    <message>
        <source>%1
%2: %3 %4</source>
        <translation>%1
%2: %3 %4</translation>
    </message>
    <message>
        <source>Reading the charts…</source>
        <translation>Графики читаются…</translation>
    </message>
</context>
<context>
    <name>CliBackup</name>
    <message>
        <source>Backed up %1 to %2</source>
        <translation>Копия %1 сохранена в %2</translation>
    </message>
    <message>
        <source>cannot restore while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>нельзя восстановить базу, пока служба работает с %1 (%2): сначала остановите её (и закройте приложение)</translation>
    </message>
    <message>
        <source>Restored %1 from %2. The next start of the service catches up with MoySklad.</source>
        <translation>%1 восстановлена из %2. При следующем запуске служба догонит МойСклад.</translation>
    </message>
    <message>
        <source>Restored %1 from %2; the previous database is kept as %3. The next start of the service catches up with MoySklad.</source>
        <translation>%1 восстановлена из %2; прежняя база сохранена как %3. При следующем запуске служба догонит МойСклад.</translation>
    </message>
    <message>
        <source>cannot move the database aside while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>нельзя отложить базу, пока служба работает с %1 (%2): сначала остановите её (и закройте приложение)</translation>
    </message>
    <message>
        <source>Moved %1 aside to %2 (kept). The next start creates a fresh database; run `skladhook-cli sync --since DATE` to fetch the documents again.</source>
        <translation>%1 отложена в %2 (файл сохранён). При следующем запуске будет создана новая база; чтобы снова загрузить документы, выполните `skladhook-cli sync --since DATE`.</translation>
    </message>
    <message>
        <source>the store is the PostgreSQL database %1 (store.url), not skladhook.db: back it up and restore it with PostgreSQL&apos;s own tools (pg_dump, pg_restore)</source>
        <translation>хранилище — база PostgreSQL %1 (store.url), а не skladhook.db: делайте её резервную копию и восстанавливайте её средствами самого PostgreSQL (pg_dump, pg_restore)</translation>
    </message>
    <message>
        <source>FILE must not be empty (usage: skladhook-cli %1)</source>
        <translation>FILE не может быть пустым (использование: skladhook-cli %1)</translation>
    </message>
    <message>
        <source>cannot write the backup %1: the directory %2 does not exist</source>
        <translation>не удаётся записать резервную копию %1: каталога %2 нет</translation>
    </message>
    <message>
        <source>%1 is a directory, not a backup file</source>
        <translation>%1 — каталог, а не файл резервной копии</translation>
    </message>
</context>
<context>
    <name>CliCheck</name>
    <message>
        <source>API:      %1 reachable</source>
        <translation>API:      %1 доступен</translation>
    </message>
    <message>
        <source>Token:    valid</source>
        <translation>Токен:    действителен</translation>
    </message>
    <message>
        <source>Token:    valid (%1)</source>
        <translation>Токен:    действителен (%1)</translation>
    </message>
    <message>
        <source>Webhooks: may be managed</source>
        <translation>Веб-хуки: управление разрешено</translation>
    </message>
    <message>
        <source>Webhooks: may NOT be managed: %1</source>
        <translation>Веб-хуки: управление НЕ разрешено: %1</translation>
    </message>
    <message>
        <source>this user may not manage webhooks: %1</source>
        <translation>этому пользователю не разрешено управлять веб-хуками: %1</translation>
    </message>
    <message>
        <source>MoySklad at %1: %2 (%3)</source>
        <translation>МойСклад по адресу %1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>CliConfig</name>
    <message>
        <source>unknown setting &apos;%1&apos;; see &apos;skladhook-cli config list&apos;</source>
        <translation>неизвестная настройка «%1»; список — «skladhook-cli config list»</translation>
    </message>
    <message>
        <source>%1 (not shown): </source>
        <translation>%1 (не отображается): </translation>
    </message>
    <message>
        <source>cannot read %1 from standard input: %2</source>
        <translation>не удаётся прочитать %1 со стандартного ввода: %2</translation>
    </message>
    <message>
        <source>%1 on standard input is longer than %2 characters</source>
        <translation>%1 на стандартном вводе длиннее %2 символов</translation>
    </message>
    <message>
        <source>no %1 on standard input: give it as one non-empty line</source>
        <translation>на стандартном вводе нет %1: передайте значение одной непустой строкой</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>%1 не может быть пустым</translation>
    </message>
    <message>
        <source>cannot save %1 in %2: %3</source>
        <translation>не удаётся сохранить %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 saved in %2</source>
        <translation>%1 сохранён (%2)</translation>
    </message>
    <message>
        <source>the previous verification string stays accepted until %1 or until the hooks carry the new one: &apos;skladhook-cli webhooks apply --update-own&apos;</source>
        <translation>прежняя проверочная строка принимается до %1 или пока веб-хуки не получат новую: &apos;skladhook-cli webhooks apply --update-own&apos;</translation>
    </message>
    <message>
        <source>secrets will be kept in plaintext in %1</source>
        <translation>секреты будут храниться открытым текстом в %1</translation>
    </message>
    <message>
        <source>[this machine]</source>
        <translation>[этот компьютер]</translation>
    </message>
    <message>
        <source>[account]</source>
        <translation>[аккаунт]</translation>
    </message>
    <message>
        <source>the secrets stay in %1: the OS keychain could not take them: %2</source>
        <translation>секреты остаются там, где были (%1): хранилище паролей системы не смогло их принять: %2</translation>
    </message>
    <message>
        <source>secrets are now kept in %1</source>
        <translation>место хранения секретов теперь: %1</translation>
    </message>
    <message>
        <source>the secrets in %1 could not be read (%2), so they were not moved: save them again with &apos;config set api.token -&apos; and &apos;config set site.secret -&apos;</source>
        <translation>секреты не удалось прочитать (%1: %2), поэтому они не перенесены: сохраните их заново командами &apos;config set api.token -&apos; и &apos;config set site.secret -&apos;</translation>
    </message>
    <message>
        <source>%1 is not set</source>
        <translation>%1 не задан</translation>
    </message>
    <message>
        <source>site.secret, api.token and store.password are secrets: &apos;config get&apos; shows them masked.</source>
        <translation>site.secret, api.token и store.password — секреты: &apos;config get&apos; показывает их замаскированными.</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>usage: skladhook-cli %1</source>
        <translation>использование: skladhook-cli %1</translation>
    </message>
    <message>
        <source>cannot read %1 from %2: %3</source>
        <translation>не удаётся прочитать %1 (%2): %3</translation>
    </message>
    <message>
        <source>the API URL &apos;%1&apos; is not an absolute URL (--api-url or config api.url)</source>
        <translation>адрес API «%1» не является полным адресом (--api-url или настройка api.url)</translation>
    </message>
    <message>
        <source>cannot obtain a token with MOYSKLAD_LOGIN: %1</source>
        <translation>не удаётся получить токен по MOYSKLAD_LOGIN: %1</translation>
    </message>
    <message>
        <source>obtained a new API token with MOYSKLAD_LOGIN (the user&apos;s earlier tokens are revoked) and saved it in %1</source>
        <translation>получен новый токен API по MOYSKLAD_LOGIN (прежние токены пользователя отозваны) и сохранён (%1)</translation>
    </message>
    <message>
        <source>cannot read the API token from %1: %2</source>
        <translation>не удаётся прочитать токен API (%1): %2</translation>
    </message>
    <message>
        <source>no MoySklad credentials: set MOYSKLAD_TOKEN, or MOYSKLAD_LOGIN and MOYSKLAD_PASSWORD, or save a token with &apos;skladhook-cli config set api.token -&apos;</source>
        <translation>нет учётных данных МойСклад: задайте MOYSKLAD_TOKEN или MOYSKLAD_LOGIN и MOYSKLAD_PASSWORD либо сохраните токен: &apos;skladhook-cli config set api.token -&apos;</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <source>A consistent copy of skladhook.db (safe while the service runs).</source>
        <translation>Согласованная копия skladhook.db (можно делать во время работы службы).</translation>
    </message>
    <message>
        <source>Puts a backup in place of skladhook.db (the current one is kept aside); the service must be stopped.</source>
        <translation>Ставит резервную копию на место skladhook.db (текущая база откладывается); служба должна быть остановлена.</translation>
    </message>
    <message>
        <source>Renames a damaged skladhook.db (kept, never deleted) so that the next start begins afresh.</source>
        <translation>Переименовывает повреждённую skladhook.db (файл сохраняется, не удаляется), чтобы следующий запуск начался с чистой базы.</translation>
    </message>
    <message>
        <source>Check that the API is reachable, the token is valid and may manage webhooks.</source>
        <translation>Проверить, что API доступен, токен действителен и ему разрешено управлять веб-хуками.</translation>
    </message>
    <message>
        <source>Print one setting. site.secret and api.token are printed masked (their first two characters): they are never shown in full.</source>
        <translation>Показать одну настройку. site.secret и api.token показываются скрытыми (только первые два символа): полностью они не выводятся никогда.</translation>
    </message>
    <message>
        <source>Print every setting.</source>
        <translation>Показать все настройки.</translation>
    </message>
    <message>
        <source>log: keep printing new rows.</source>
        <translation>log: продолжать выводить новые строки.</translation>
    </message>
    <message>
        <source>log: the lowest level shown: debug, info, warning, error.</source>
        <translation>log: наименьший показываемый уровень: debug, info, warning, error.</translation>
    </message>
    <message>
        <source>The diagnostics log (newest 1000 rows; --follow keeps printing).</source>
        <translation>Журнал диагностики (последние 1000 строк; с --follow вывод продолжается).</translation>
    </message>
    <message>
        <source>Send a test delivery to every hook URL (through the proxy or tunnel) and report each step; never creates a task.</source>
        <translation>Отправить тестовое уведомление на адрес каждого веб-хука (через прокси или туннель) и показать каждый шаг; задачи не создаются.</translation>
    </message>
    <message>
        <source>Run the receiver and the worker without a GUI (SIGINT/SIGTERM stop it cleanly).</source>
        <translation>Запустить приёмник и обработчик без графического интерфейса (SIGINT/SIGTERM корректно останавливают их).</translation>
    </message>
    <message>
        <source>Orders in the local shop store (sums in kopecks with --json).</source>
        <translation>Заказы в локальном хранилище магазина (суммы в копейках с --json).</translation>
    </message>
    <message>
        <source>Incoming payments (paymentin, cashin) in the local shop store, with the orders they pay (sums in kopecks with --json).</source>
        <translation>Входящие платежи (paymentin, cashin) в локальном хранилище магазина с оплачиваемыми ими заказами (суммы в копейках с --json).</translation>
    </message>
    <message>
        <source>Shipments (demand) in the local shop store, with their order (sums in kopecks with --json).</source>
        <translation>Отгрузки (demand) в локальном хранилище магазина с их заказом (суммы в копейках с --json).</translation>
    </message>
    <message>
        <source>Catch up with MoySklad now: apply every handled document changed since the store was last known complete (or since --since), and mark the deleted ones.</source>
        <translation>Синхронизировать с МойСклад сейчас: применить каждый обрабатываемый документ, изменённый с момента, когда хранилище последний раз было полным (или с --since), и отметить удалённые.</translation>
    </message>
    <message>
        <source>Fetch what changed since this moment, Moscow time, as MoySklad writes it.</source>
        <translation>Загрузить изменения с этого момента, по московскому времени, в записи МойСклад.</translation>
    </message>
    <message>
        <source>verify: only the documents updated in MoySklad at or after MOMENT, Moscow time as MoySklad shows it: &quot;YYYY-MM-DD HH:MM:SS&quot;.</source>
        <translation>verify: только документы, изменённые в МойСклад в момент MOMENT или позже, по московскому времени, как его показывает МойСклад: &quot;YYYY-MM-DD HH:MM:SS&quot;.</translation>
    </message>
    <message>
        <source>Compare the shop store with MoySklad: documents missing, stale (older `updated`) or extra (gone from MoySklad). Exit 0 when they match, 1 when they differ, 3 when the comparison failed.</source>
        <translation>Сравнить хранилище магазина с МойСклад: недостающие документы, устаревшие (более старое `updated`) и лишние (удалённые из МойСклад). Код выхода 0 — совпадают, 1 — различаются, 3 — сравнить не удалось.</translation>
    </message>
    <message>
        <source>List every webhook of the account (the key= secret masked).</source>
        <translation>Показать все веб-хуки аккаунта (секрет key= скрыт).</translation>
    </message>
    <message>
        <source>webhooks apply: also rewrite our outdated hook URLs.</source>
        <translation>webhooks apply: также обновить устаревшие адреса наших веб-хуков.</translation>
    </message>
    <message>
        <source>webhooks apply: delete our hooks no longer in the catalog.</source>
        <translation>webhooks apply: удалить наши веб-хуки, которых больше нет в каталоге.</translation>
    </message>
    <message>
        <source>Show what apply would do, per hook (ours and other applications&apos;).</source>
        <translation>Показать, что сделает apply, по каждому веб-хуку (нашему и других приложений).</translation>
    </message>
    <message>
        <source>Create missing hooks and enable our disabled ones.</source>
        <translation>Создать недостающие веб-хуки и включить наши выключенные.</translation>
    </message>
    <message>
        <source>Set a hook&apos;s execution mode: immediate, queued or first-immediate.</source>
        <translation>Задать тип выполнения веб-хука: immediate (моментально), queued (в очереди) или first-immediate (первый элемент моментально, остальные в очереди).</translation>
    </message>
    <message>
        <source>queue: tasks whose document number or id, request id, task id, hook or last error contains TEXT.</source>
        <translation>queue: задачи, у которых номер или идентификатор документа, идентификатор запроса или задачи, веб-хук или последняя ошибка содержат TEXT.</translation>
    </message>
    <message>
        <source>queue: tasks of this hook, e.g. customerorder/UPDATE.</source>
        <translation>queue: задачи этого веб-хука, например customerorder/UPDATE.</translation>
    </message>
    <message>
        <source>queue: tasks in this status.</source>
        <translation>queue: задачи в этом статусе.</translation>
    </message>
    <message>
        <source>queue: do it; without it only the count is printed.</source>
        <translation>queue: выполнить; без него выводится только количество.</translation>
    </message>
    <message>
        <source>Task counts per status.</source>
        <translation>Количество задач по статусам.</translation>
    </message>
    <message>
        <source>Pause processing (deliveries are still received and queued); survives a restart.</source>
        <translation>Приостановить обработку (уведомления по-прежнему принимаются и ставятся в очередь); сохраняется после перезапуска.</translation>
    </message>
    <message>
        <source>Resume processing after queue pause.</source>
        <translation>Возобновить обработку после queue pause.</translation>
    </message>
    <message>
        <source>The newest tasks, with attempts and last error; --search and --hook narrow them.</source>
        <translation>Последние задачи с числом попыток и последней ошибкой; --search и --hook сужают список.</translation>
    </message>
    <message>
        <source>A task&apos;s attempts: start, duration, HTTP status, result, error.</source>
        <translation>Попытки задачи: начало, длительность, HTTP-статус, результат, ошибка.</translation>
    </message>
    <message>
        <source>Queue again every dead, cancelled or retrying task that matches --status, --search and --hook (the count only, without --yes).</source>
        <translation>Снова поставить в очередь все неудавшиеся, отменённые и повторяемые задачи, подходящие под --status, --search и --hook (без --yes — только количество).</translation>
    </message>
    <message>
        <source>Cancel every pending, retrying or dead task that matches --status, --search and --hook (the count only, without --yes).</source>
        <translation>Отменить все ожидающие, повторяемые и неудавшиеся задачи, подходящие под --status, --search и --hook (без --yes — только количество).</translation>
    </message>
    <message>
        <source>The newest stored deliveries (hook, sender, events, times), or one.</source>
        <translation>Последние сохранённые уведомления (веб-хук, отправитель, события, время) или одно из них.</translation>
    </message>
    <message>
        <source>Queue a dead, cancelled or retrying task again now.</source>
        <translation>Сейчас же снова поставить в очередь неудавшуюся, отменённую или повторяемую задачу.</translation>
    </message>
    <message>
        <source>Queue every dead task again.</source>
        <translation>Снова поставить в очередь все неудавшиеся задачи.</translation>
    </message>
    <message>
        <source>Cancel a waiting or dead task.</source>
        <translation>Отменить ожидающую или неудавшуюся задачу.</translation>
    </message>
    <message>
        <source>store migrate: the PostgreSQL database to copy the store into, postgresql://user@host:port/dbname (password from PGPASSWORD).</source>
        <translation>store migrate: база PostgreSQL, в которую копируется хранилище, postgresql://user@host:port/dbname (пароль из PGPASSWORD).</translation>
    </message>
    <message>
        <source>Copies the local store (queue, log, shop data, sync state) into an empty PostgreSQL database, all or nothing.</source>
        <translation>Копирует локальное хранилище (очередь, журнал, данные магазина, состояние синхронизации) в пустую базу PostgreSQL — целиком или ничего.</translation>
    </message>
    <message>
        <source>Change one setting. With VALUE &apos;-&apos; site.secret, api.token or store.password is read from standard input (one line, not echoed on a terminal), so that it shows neither in ps nor in the shell history. Keys: those &apos;config list&apos; prints, with what each accepts, and the secrets site.secret, api.token and store.password (the PostgreSQL store&apos;s password on this machine), which go to the OS keychain; with --data-dir and no keychain, &apos;config set secrets.store file&apos; keeps them in the data directory (plaintext, explicit opt-in). site.secret (the verification string in every hook URL): 16-128 characters A-Z a-z 0-9 - _ . ~; when unset, &apos;webhooks plan&apos; or &apos;apply&apos; generates a random one and saves it.</source>
        <translation>Изменить одну настройку. При VALUE &apos;-&apos; site.secret, api.token или store.password читается со стандартного ввода (одна строка, на терминале не отображается), чтобы значение не попало ни в ps, ни в историю командной оболочки. Ключи: те, что выводит &apos;config list&apos;, с допустимыми значениями, и секреты site.secret, api.token и store.password (пароль хранилища PostgreSQL на этом компьютере), которые хранятся в хранилище паролей системы; с --data-dir и без хранилища паролей &apos;config set secrets.store file&apos; хранит их в каталоге данных (открытым текстом, только по явному выбору). site.secret (проверочная строка в адресе каждого веб-хука): 16–128 символов A-Z a-z 0-9 - _ . ~; если она не задана, &apos;webhooks plan&apos; или &apos;apply&apos; создаёт случайную и сохраняет её.</translation>
    </message>
</context>
<context>
    <name>CliLog</name>
    <message>
        <source>unknown level &apos;%1&apos;: debug, info, warning or error</source>
        <translation>неизвестный уровень «%1»: debug, info, warning или error</translation>
    </message>
    <message>
        <source>cannot read the log: %1</source>
        <translation>не удаётся прочитать журнал: %1</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>Commands:</source>
        <translation>Команды:</translation>
    </message>
    <message>
        <source>Credentials: MOYSKLAD_TOKEN, else MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, else the keychain.</source>
        <translation>Учётные данные: MOYSKLAD_TOKEN, иначе MOYSKLAD_LOGIN + MOYSKLAD_PASSWORD, иначе хранилище паролей.</translation>
    </message>
    <message>
        <source>Exit code 0 on success; on failure non-zero and one line on stderr.</source>
        <translation>Код выхода 0 при успехе; при ошибке — ненулевой и одна строка в stderr.</translation>
    </message>
    <message>
        <source>SkladHook: MoySklad webhooks for your online shop.</source>
        <translation>SkladHook: веб-хуки МойСклад для вашего интернет-магазина.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Показать эту справку.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Показать версию.</translation>
    </message>
    <message>
        <source>Keep every file SkladHook writes inside DIR.</source>
        <translation>Хранить все файлы SkladHook в каталоге DIR.</translation>
    </message>
    <message>
        <source>MoySklad API base URL.</source>
        <translation>Базовый адрес API МойСклад.</translation>
    </message>
    <message>
        <source>Machine-readable JSON output.</source>
        <translation>Машиночитаемый вывод в JSON.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see skladhook-cli --help</source>
        <translation>неизвестная команда «%1»; список — skladhook-cli --help</translation>
    </message>
    <message>
        <source>option --%1 is not valid for &apos;%2&apos;</source>
        <translation>параметр --%1 не подходит для «%2»</translation>
    </message>
    <message>
        <source>--data-dir must name a directory (got an empty value)</source>
        <translation>--data-dir должен указывать каталог (получено пустое значение)</translation>
    </message>
    <message>
        <source>--api-url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</source>
        <translation>--api-url должен быть полным адресом http(s), например https://api.moysklad.ru/api/remap/1.2 (получено «%1»)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a subcommand: %2</source>
        <translation>для &apos;%1&apos; нужна подкоманда: %2</translation>
    </message>
</context>
<context>
    <name>CliPing</name>
    <message>
        <source>skip</source>
        <translation>проп</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ок</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>СБОЙ</translation>
    </message>
    <message>
        <source>(%1 ms)</source>
        <translation>(%1 мс)</translation>
    </message>
    <message>
        <source>cannot read the verification string from %1: %2</source>
        <translation>не удаётся прочитать проверочную строку (%1): %2</translation>
    </message>
    <message>
        <source>Every hook URL reached the receiver (%1).</source>
        <translation>Все адреса веб-хуков дошли до приёмника (%1).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n hook URL(s) failed.</source>
        <translation>
            <numerusform>Не удалось: %1 из %n адреса веб-хука.</numerusform>
            <numerusform>Не удалось: %1 из %n адресов веб-хуков.</numerusform>
            <numerusform>Не удалось: %1 из %n адресов веб-хуков.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliQueue</name>
    <message>
        <source>pending %1, running %2, retrying %3, dead %4, done %5, cancelled %6</source>
        <translation>ожидают %1, выполняются %2, на повторе %3, не удались %4, выполнены %5, отменены %6</translation>
    </message>
    <message>
        <source>oldest waiting since %1</source>
        <translation>самая старая ожидает с %1</translation>
    </message>
    <message>
        <source>unknown status &apos;%1&apos;: pending, running, retrying, dead, done or cancelled</source>
        <translation>неизвестный статус «%1»: pending, running, retrying, dead, done или cancelled</translation>
    </message>
    <message>
        <source> (the running service, %1, takes it within 2 s)</source>
        <translation> (работающая служба, %1, возьмёт его в течение 2 с)</translation>
    </message>
    <message>
        <source>processing paused: &apos;skladhook-cli queue resume&apos; continues it</source>
        <translation>обработка приостановлена: «skladhook-cli queue resume» возобновит её</translation>
    </message>
    <message>
        <source>processing on hold: no API token (&apos;skladhook-cli config set api.token -&apos;)</source>
        <translation>обработка ожидает: нет токена API («skladhook-cli config set api.token -»)</translation>
    </message>
    <message>
        <source>processing on hold: MoySklad refused the API token (revoked by a newer login?); tasks keep their attempts until a working token is saved (&apos;skladhook-cli config set api.token -&apos;)</source>
        <translation>обработка ожидает: МойСклад отклонил токен API (отозван более новым входом?); задачи не тратят попытки, пока не сохранён рабочий токен («skladhook-cli config set api.token -»)</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: tasks wait without spending attempts; processing resumes once it answers again</source>
        <translation>МойСклад недоступен с %1: задачи ждут, не тратя попыток; обработка продолжится, как только он снова ответит</translation>
    </message>
    <message>
        <source>usage: skladhook-cli queue list [STATUS] [--search TEXT] [--hook HOOK]</source>
        <translation>использование: skladhook-cli queue list [STATUS] [--search TEXT] [--hook HOOK]</translation>
    </message>
    <message>
        <source>attempts %1</source>
        <translation>попыток %1</translation>
    </message>
    <message>
        <source>the task id must be a number (got &apos;%1&apos;)</source>
        <translation>идентификатор задачи должен быть числом (получено «%1»)</translation>
    </message>
    <message>
        <source>no task %1</source>
        <translation>нет задачи %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>task %1 has no attempt yet</source>
        <translation>у задачи %1 ещё нет попыток</translation>
    </message>
    <message>
        <source>give at least one of --status, --search or --hook</source>
        <translation>укажите хотя бы один из параметров --status, --search или --hook</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) match and can be retried; add --yes to retry them</source>
        <translation>
            <numerusform>%n задача подходит и может быть повторена; добавьте --yes, чтобы повторить</numerusform>
            <numerusform>%n задачи подходят и могут быть повторены; добавьте --yes, чтобы повторить их</numerusform>
            <numerusform>%n задач подходят и могут быть повторены; добавьте --yes, чтобы повторить их</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) match and can be cancelled; add --yes to cancel them</source>
        <translation>
            <numerusform>%n задача подходит и может быть отменена; добавьте --yes, чтобы отменить</numerusform>
            <numerusform>%n задачи подходят и могут быть отменены; добавьте --yes, чтобы отменить их</numerusform>
            <numerusform>%n задач подходят и могут быть отменены; добавьте --yes, чтобы отменить их</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) queued again</source>
        <translation>
            <numerusform>%n задача снова в очереди</numerusform>
            <numerusform>%n задачи снова в очереди</numerusform>
            <numerusform>%n задач снова в очереди</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled</source>
        <translation>
            <numerusform>%n задача отменена</numerusform>
            <numerusform>%n задачи отменены</numerusform>
            <numerusform>%n задач отменено</numerusform>
        </translation>
    </message>
    <message>
        <source>no delivery with requestId %1</source>
        <translation>нет уведомления с requestId %1</translation>
    </message>
    <message>
        <source>task %1 cannot be %2 (no such task, or its status does not allow it)</source>
        <translation>задача %1 не может быть %2 (такой задачи нет, или её статус этого не допускает)</translation>
    </message>
    <message>
        <source>task %1 %2</source>
        <translation>задача %1 %2</translation>
    </message>
    <message>
        <source>queued again</source>
        <translation>снова поставлено в очередь</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message numerus="yes">
        <source>%n dead task(s) queued again</source>
        <translation>
            <numerusform>%n неудавшаяся задача снова в очереди</numerusform>
            <numerusform>%n неудавшиеся задачи снова в очереди</numerusform>
            <numerusform>%n неудавшихся задач снова в очереди</numerusform>
        </translation>
    </message>
    <message>
        <source>processing paused: deliveries are still received and queued</source>
        <translation>обработка приостановлена: уведомления по-прежнему принимаются и ставятся в очередь</translation>
    </message>
    <message>
        <source>processing resumed</source>
        <translation>обработка возобновлена</translation>
    </message>
    <message>
        <source> (the running service, %1, follows within 2 s)</source>
        <translation> (работающая служба, %1, последует в течение 2 с)</translation>
    </message>
    <message>
        <source>unknown hook &apos;%1&apos;: give ENTITY/ACTION of one of the module&apos;s hooks, e.g. customerorder/UPDATE (see &apos;skladhook-cli webhooks plan&apos;)</source>
        <translation>неизвестный веб-хук «%1»: укажите ENTITY/ACTION одного из веб-хуков модуля, например customerorder/UPDATE (см. «skladhook-cli webhooks plan»)</translation>
    </message>
    <message>
        <source>the task id must be 1 or more (got &apos;%1&apos;)</source>
        <translation>идентификатор задачи должен быть не меньше 1 (получено «%1»)</translation>
    </message>
</context>
<context>
    <name>CliServe</name>
    <message>
        <source>listening on %1</source>
        <translation>приёмник слушает %1</translation>
    </message>
    <message>
        <source>site.secret is not set: run &apos;skladhook-cli webhooks apply&apos; (it generates one) or &apos;skladhook-cli config set site.secret VALUE&apos;</source>
        <translation>site.secret не задана: выполните &apos;skladhook-cli webhooks apply&apos; (она создаст проверочную строку) или &apos;skladhook-cli config set site.secret VALUE&apos;</translation>
    </message>
    <message>
        <source>cannot serve: another SkladHook (%1) is already serving %2</source>
        <translation>приём невозможен: другой SkladHook (%1) уже работает с %2</translation>
    </message>
    <message>
        <source>cannot serve: %1</source>
        <translation>приём невозможен: %1</translation>
    </message>
    <message>
        <source>no API token yet: deliveries are answered and queued; processing starts as soon as one is saved (&apos;skladhook-cli config set api.token TOKEN&apos;)</source>
        <translation>токена API пока нет: уведомления принимаются и ставятся в очередь; обработка начнётся, как только токен будет сохранён (&apos;skladhook-cli config set api.token TOKEN&apos;)</translation>
    </message>
    <message>
        <source>cannot set up signal handling</source>
        <translation>не удаётся настроить обработку сигналов</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>остановка…</translation>
    </message>
    <message>
        <source>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</source>
        <translation>site.url не задан: skladhook-cli config set site.url https://your-shop.example/</translation>
    </message>
    <message>
        <source>cannot read the secrets from %1: %2</source>
        <translation>не удаётся прочитать секреты (%1): %2</translation>
    </message>
</context>
<context>
    <name>CliStore</name>
    <message>
        <source>(deleted)</source>
        <translation>(удалён)</translation>
    </message>
    <message>
        <source>%1  %2  %3  sum %4  paid %5%6</source>
        <translation>%1  %2  %3  сумма %4  оплачено %5%6</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4  sum %5%6%7</source>
        <translation>%1  %2  %3  %4  сумма %5%6%7</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>за %1</translation>
    </message>
    <message>
        <source>%1  %2  %3  sum %4%5%6</source>
        <translation>%1  %2  %3  сумма %4%5%6</translation>
    </message>
    <message>
        <source>for order %1</source>
        <translation>по заказу %1</translation>
    </message>
</context>
<context>
    <name>CliStoreMigrate</name>
    <message>
        <source>cannot migrate the store while a service serves %1 (%2): stop it first (and close the desktop app)</source>
        <translation>нельзя перенести хранилище, пока служба работает с %1 (%2): сначала остановите её (и закройте приложение)</translation>
    </message>
    <message>
        <source>nothing was copied to %1: %2</source>
        <translation>в %1 ничего не скопировано: %2</translation>
    </message>
    <message>
        <source>Copied the store to %1. The service keeps using SQLite until it can run on PostgreSQL.</source>
        <translation>Хранилище скопировано в %1. Служба продолжает работать с SQLite, пока не сможет работать на PostgreSQL.</translation>
    </message>
</context>
<context>
    <name>CliSync</name>
    <message>
        <source>Window:   %1 – %2 (Moscow time)</source>
        <translation>Период:   %1 – %2 (московское время)</translation>
    </message>
    <message>
        <source>%1 %2 fetched, %3 applied, %4 marked deleted, %5 requests</source>
        <translation>%1 загружено %2, применено %3, отмечено удалёнными %4, запросов %5</translation>
    </message>
    <message>
        <source>Total:          %1 fetched, %2 applied, %3 marked deleted, %4 requests</source>
        <translation>Итого:          загружено %1, применено %2, отмечено удалёнными %3, запросов %4</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos;: expected &quot;YYYY-MM-DD HH:MM:SS&quot; (Moscow time, as MoySklad writes it)</source>
        <translation>--since «%1»: ожидается &quot;YYYY-MM-DD HH:MM:SS&quot; (московское время, как его записывает МойСклад)</translation>
    </message>
    <message>
        <source>--since &apos;%1&apos; is in the future</source>
        <translation>--since «%1» — момент в будущем</translation>
    </message>
    <message>
        <source>%1: %2 fetched, %3 pages left</source>
        <translation>%1: загружено %2, осталось страниц: %3</translation>
    </message>
    <message>
        <source>MoySklad refused the API token (%1): save a working one with &apos;skladhook-cli config set api.token -&apos;</source>
        <translation>МойСклад отклонил токен API (%1): сохраните рабочий токен: &apos;skladhook-cli config set api.token -&apos;</translation>
    </message>
    <message>
        <source>the sync stopped: %1 (what was applied stays; run it again)</source>
        <translation>синхронизация прервана: %1 (применённое сохраняется; запустите её снова)</translation>
    </message>
</context>
<context>
    <name>CliVerify</name>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Documents updated in MoySklad since %1 (Moscow time); extra is judged only among stored documents updated since then.</source>
        <translation>Документы, изменённые в МойСклад с %1 (московское время); лишние ищутся только среди сохранённых документов, изменённых с того же момента.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>ТИП</translation>
    </message>
    <message>
        <source>MOYSKLAD</source>
        <translation>МОЙСКЛАД</translation>
    </message>
    <message>
        <source>STORE</source>
        <translation>ХРАНИЛИЩЕ</translation>
    </message>
    <message>
        <source>MISSING</source>
        <translation>НЕТ</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>УСТАРЕЛИ</translation>
    </message>
    <message>
        <source>EXTRA</source>
        <translation>ЛИШНИЕ</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>недостающие</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>устаревшие</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>лишние</translation>
    </message>
    <message>
        <source>The store matches MoySklad.</source>
        <translation>Хранилище совпадает с МойСклад.</translation>
    </message>
    <message>
        <source>The store differs from MoySklad.</source>
        <translation>Хранилище отличается от МойСклад.</translation>
    </message>
    <message>
        <source>--since must be a Moscow time as MoySklad writes it, &quot;YYYY-MM-DD HH:MM:SS&quot; (got &apos;%1&apos;)</source>
        <translation>--since должен быть московским временем в записи МойСклад, &quot;YYYY-MM-DD HH:MM:SS&quot; (получено «%1»)</translation>
    </message>
    <message>
        <source>listing %1: %2 of %3</source>
        <translation>список %1: %2 из %3</translation>
    </message>
    <message>
        <source>MoySklad refused the token: save a working one with &apos;skladhook-cli config set api.token -&apos;, or set MOYSKLAD_TOKEN</source>
        <translation>МойСклад отклонил токен: сохраните рабочий токен командой &apos;skladhook-cli config set api.token -&apos; или задайте MOYSKLAD_TOKEN</translation>
    </message>
</context>
<context>
    <name>CliWebhooks</name>
    <message>
        <source>cannot list webhooks: %1</source>
        <translation>не удаётся получить список веб-хуков: %1</translation>
    </message>
    <message>
        <source>ENTITY</source>
        <translation>СУЩНОСТЬ</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>СОБЫТИЕ</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>ВКЛ</translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation>СОЗДАЛ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>application</source>
        <translation>приложение</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пользователь</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n веб-хук</numerusform>
            <numerusform>%n веб-хука</numerusform>
            <numerusform>%n веб-хуков</numerusform>
        </translation>
    </message>
    <message>
        <source>site.url is not set: skladhook-cli config set site.url https://your-shop.example/</source>
        <translation>site.url не задан: skladhook-cli config set site.url https://your-shop.example/</translation>
    </message>
    <message>
        <source>site.secret is not set: skladhook-cli config set site.secret VALUE</source>
        <translation>site.secret не задана: skladhook-cli config set site.secret VALUE</translation>
    </message>
    <message>
        <source>site.secret was not set: generated a new verification string and saved it in %1</source>
        <translation>site.secret не была задана: создана новая проверочная строка и сохранена (%1)</translation>
    </message>
    <message>
        <source>cannot read the secrets from %1: %2</source>
        <translation>не удаётся прочитать секреты (%1): %2</translation>
    </message>
    <message>
        <source>%1 MoySklad said: %2</source>
        <translation>%1 Ответ МойСклад: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n outdated hook(s) of ours left as they are: add --update-own to rewrite them</source>
        <translation>
            <numerusform>%n устаревший веб-хук модуля оставлен как есть: добавьте --update-own, чтобы обновить его</numerusform>
            <numerusform>%n устаревших веб-хука модуля оставлены как есть: добавьте --update-own, чтобы обновить их</numerusform>
            <numerusform>%n устаревших веб-хуков модуля оставлены как есть: добавьте --update-own, чтобы обновить их</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) of ours are no longer needed: add --remove-unwanted to delete them</source>
        <translation>
            <numerusform>%n веб-хук модуля больше не нужен: добавьте --remove-unwanted, чтобы удалить его</numerusform>
            <numerusform>%n веб-хука модуля больше не нужны: добавьте --remove-unwanted, чтобы удалить их</numerusform>
            <numerusform>%n веб-хуков модуля больше не нужны: добавьте --remove-unwanted, чтобы удалить их</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 enabled, %4 deleted</source>
        <translation>создано %1, обновлено %2, включено %3, удалено %4</translation>
    </message>
    <message>
        <source>%1/%2 is not one of the module&apos;s hooks</source>
        <translation>%1/%2 — не веб-хук модуля</translation>
    </message>
    <message>
        <source>the mode must be immediate, queued or first-immediate (got &apos;%1&apos;)</source>
        <translation>тип выполнения должен быть immediate, queued или first-immediate (получено «%1»)</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>MoySklad connection</source>
        <translation>Подключение к МойСклад</translation>
    </message>
    <message>
        <source>Paste a token, or obtain one below</source>
        <translation>Вставьте токен или получите его ниже</translation>
    </message>
    <message>
        <source>Obtaining a token with the login and password revokes this user&apos;s earlier tokens.</source>
        <translation>Получение токена по логину и паролю отзывает прежние токены этого пользователя.</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Сайт</translation>
    </message>
    <message>
        <source>Changing the site URL or the verification string marks the module&apos;s hooks outdated: tick Update on them in the Webhooks tab and click Apply.</source>
        <translation>При изменении адреса сайта или проверочной строки веб-хуки модуля устаревают: на вкладке «Веб-хуки» отметьте у них галочку «Обновить» и нажмите «Применить».</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Обмен</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>API URL not saved: %1</source>
        <translation>Адрес API не сохранён: %1</translation>
    </message>
    <message>
        <source>Site URL not saved: %1</source>
        <translation>Адрес сайта не сохранён: %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет (none)</translation>
    </message>
    <message>
        <source>Full (paymentin and cashin hooks)</source>
        <translation>Полный (full: веб-хуки paymentin и cashin)</translation>
    </message>
    <message>
        <source>Full (demand hooks)</source>
        <translation>Полный (full: веб-хуки demand)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Use this only on a machine without a keychain: anyone who can read the settings file can read the secrets.</source>
        <translation>Используйте это только на компьютере без хранилища паролей: любой, кто может прочитать файл настроек, прочитает и секреты.</translation>
    </message>
    <message>
        <source>Secrets are kept in the settings file, unencrypted.</source>
        <translation>Секреты хранятся в файле настроек без шифрования.</translation>
    </message>
    <message>
        <source>Secrets are kept in the OS keychain.</source>
        <translation>Секреты хранятся в хранилище паролей системы.</translation>
    </message>
    <message>
        <source>Carried in every hook URL of the module as key=…; at least 128 random bits.</source>
        <translation>Передаётся в адресе каждого веб-хука модуля как key=…; не менее 128 случайных бит.</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>&amp;Адрес API:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Токен API:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Obtain token</source>
        <translation>Пол&amp;учить токен</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>Про&amp;верить подключение</translation>
    </message>
    <message>
        <source>&amp;Site URL:</source>
        <translation>Адрес &amp;сайта:</translation>
    </message>
    <message>
        <source>&amp;Verification string:</source>
        <translation>Пров&amp;ерочная строка:</translation>
    </message>
    <message>
        <source>Sho&amp;w</source>
        <translation>Пока&amp;зать</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>С&amp;генерировать…</translation>
    </message>
    <message>
        <source>Pa&amp;yment exchange:</source>
        <translation>Обмен &amp;оплатами:</translation>
    </message>
    <message>
        <source>Shipme&amp;nt exchange:</source>
        <translation>Обмен отг&amp;рузками:</translation>
    </message>
    <message>
        <source>&amp;Import orders from MoySklad (customerorder/CREATE)</source>
        <translation>&amp;Импорт заказов из МойСклад (customerorder/CREATE)</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>&amp;Keep the token and the verification string in the settings file, unencrypted (only when no keychain is available)</source>
        <translation>&amp;Хранить токен и проверочную строку в файле настроек без шифрования (только если нет хранилища паролей)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Спрашивать</translation>
    </message>
    <message>
        <source>Keep receiving in the tray</source>
        <translation>Продолжать приём в трее</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>W&amp;hen the window is closed:</source>
        <translation>При закрытии о&amp;кна:</translation>
    </message>
    <message>
        <source>While SkladHook receives MoySklad&apos;s deliveries, closing the window can keep it receiving in the system tray, or quit</source>
        <translation>Пока SkladHook принимает уведомления МойСклад, закрытие окна может оставить приём работать в системном трее или завершить программу</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>От&amp;мена</translation>
    </message>
    <message>
        <source>Stop waiting for MoySklad&apos;s answer (it may take minutes)</source>
        <translation>Не ждать ответа МойСклад (ответ может занять несколько минут)</translation>
    </message>
    <message>
        <source>The secret store reported an error (see the message above): the secrets you type are used for this session only.</source>
        <translation>Хранилище секретов сообщило об ошибке (см. сообщение выше): введённые секреты действуют только в этом сеансе.</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Keep receiving in the tray?</source>
        <translation>Продолжать приём в трее?</translation>
    </message>
    <message>
        <source>SkladHook is receiving MoySklad&apos;s deliveries. If it quits, MoySklad&apos;s webhooks get no answer until it runs again (MoySklad retries a delivery only a few times, then drops it). Keep receiving in the system tray, or quit?</source>
        <translation>SkladHook принимает уведомления МойСклад. Если он завершится, веб-хуки МойСклад останутся без ответа, пока программа не будет запущена снова (МойСклад повторяет уведомление лишь несколько раз, затем отбрасывает его). Продолжать приём в системном трее или выйти?</translation>
    </message>
    <message>
        <source>Keep in the tray</source>
        <translation>Оставить в трее</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Графики</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About SkladHook</source>
        <translation>&amp;О программе SkladHook</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad answers again after an outage of %n minute(s) (since %1): the waiting tasks are being processed, none lost an attempt.</source>
        <translation>
            <numerusform>МойСклад снова отвечает после перерыва в %n минуту (с %1): ожидавшие задачи обрабатываются, ни одно не потеряло попытку.</numerusform>
            <numerusform>МойСклад снова отвечает после перерыва в %n минуты (с %1): ожидавшие задачи обрабатываются, ни одно не потеряло попытку.</numerusform>
            <numerusform>МойСклад снова отвечает после перерыва в %n минут (с %1): ожидавшие задачи обрабатываются, ни одно не потеряло попытку.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosticsPane</name>
    <message>
        <source>Debug and above</source>
        <translation>Отладка и выше</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Сведения и выше</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Предупреждения и ошибки</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Только ошибки</translation>
    </message>
    <message>
        <source>All hooks</source>
        <translation>Все веб-хуки</translation>
    </message>
    <message>
        <source>Search messages, details, request or document ids</source>
        <translation>Поиск по сообщениям, подробностям, идентификаторам запросов и документов</translation>
    </message>
    <message>
        <source>Keep the view still while new rows arrive</source>
        <translation>Не прокручивать список, пока приходят новые строки</translation>
    </message>
    <message>
        <source>Select a row to see its details</source>
        <translation>Выберите строку, чтобы увидеть подробности</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Запрос: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Документ: %1</translation>
    </message>
    <message>
        <source>Export the log</source>
        <translation>Экспорт журнала</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Экспортирована %n строка в %1.</numerusform>
            <numerusform>Экспортированы %n строки в %1.</numerusform>
            <numerusform>Экспортировано %n строк в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting… %p%</source>
        <translation>Экспорт… %p%</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Экспорт уже идёт.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>Пр&amp;одолжить</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>Экспорт в &amp;JSON…</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>Отменить &amp;экспорт</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;Больше не спрашивать</translation>
    </message>
</context>
<context>
    <name>HookErrors</name>
    <message>
        <source>A webhook for this entity, action and URL already exists in MoySklad. Refresh the list: it is probably already installed.</source>
        <translation>Веб-хук для этой сущности, действия и адреса уже есть в МойСклад. Обновите список: вероятно, он уже установлен.</translation>
    </message>
    <message>
        <source>Only the MoySklad account administrator may manage webhooks. Use an administrator&apos;s token or login.</source>
        <translation>Управлять веб-хуками может только администратор аккаунта МойСклад. Используйте токен или логин администратора.</translation>
    </message>
    <message>
        <source>The free MoySklad tariff cannot create or change webhooks. Switch the account to a paid tariff.</source>
        <translation>На бесплатном тарифе МойСклад нельзя создавать и изменять веб-хуки. Переведите аккаунт на платный тариф.</translation>
    </message>
    <message>
        <source>MoySklad allows at most 5 webhooks per entity and action. Delete unused webhooks of the same event (other applications&apos; or old ones) in MoySklad.</source>
        <translation>МойСклад допускает не более 5 веб-хуков на сущность и действие. Удалите в МойСклад ненужные веб-хуки того же события (других приложений или старые).</translation>
    </message>
    <message>
        <source>MoySklad refused the hook URL. Check the site URL (site.url): it must be a public http(s) address and hook URLs may have at most 255 characters.</source>
        <translation>МойСклад отклонил адрес веб-хука. Проверьте адрес сайта (site.url): он должен быть публичным адресом http(s), а адрес веб-хука — не длиннее 255 символов.</translation>
    </message>
    <message>
        <source>MoySklad refused the hook&apos;s entity type, action or diff type.</source>
        <translation>МойСклад отклонил тип сущности, действие или тип изменений веб-хука.</translation>
    </message>
    <message>
        <source>MoySklad did not accept the credentials: check the token, or the login and password.</source>
        <translation>МойСклад не принял учётные данные: проверьте токен или логин и пароль.</translation>
    </message>
    <message>
        <source>This MoySklad user may not do this.</source>
        <translation>Этому пользователю МойСклад это не разрешено.</translation>
    </message>
    <message>
        <source>MoySklad&apos;s request limit was reached even after waiting; try again in a minute.</source>
        <translation>Лимит запросов МойСклад исчерпан даже после ожидания; повторите через минуту.</translation>
    </message>
    <message>
        <source>MoySklad could not be reached: check the network and the API URL (api.url).</source>
        <translation>МойСклад недоступен: проверьте сеть и адрес API (api.url).</translation>
    </message>
    <message>
        <source>MoySklad refused the request.</source>
        <translation>МойСклад отклонил запрос.</translation>
    </message>
</context>
<context>
    <name>HookUrl</name>
    <message>
        <source>The site URL (site.url) is empty: enter the public address of the shop, e.g. https://shop.example.com/</source>
        <translation>Адрес сайта (site.url) не задан: введите публичный адрес магазина, например https://shop.example.com/</translation>
    </message>
    <message>
        <source>The site URL (site.url) &apos;%1&apos; is not an absolute URL, e.g. https://shop.example.com/</source>
        <translation>Адрес сайта (site.url) «%1» не является полным адресом, например https://shop.example.com/</translation>
    </message>
    <message>
        <source>The site URL (site.url) must start with http:// or https://, not &apos;%1:&apos;</source>
        <translation>Адрес сайта (site.url) должен начинаться с http:// или https://, а не с «%1:»</translation>
    </message>
    <message>
        <source>The site URL (site.url) must not contain a query, a fragment or a user name</source>
        <translation>Адрес сайта (site.url) не должен содержать параметры запроса, фрагмент или имя пользователя</translation>
    </message>
    <message>
        <source>The site URL (site.url) with this verification string (site.secret) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path or the verification string by %3 characters.</source>
        <translation>Адрес сайта (site.url) с этой проверочной строкой (site.secret) слишком длинный: адреса веб-хуков получатся длиной до %1 символов, а МойСклад принимает не более %2. Сократите путь адреса сайта или проверочную строку на %3 символов.</translation>
    </message>
    <message>
        <source>The site URL (site.url) is too long: hook URLs would have up to %1 characters and MoySklad accepts at most %2. Shorten the site URL&apos;s path by %3 characters.</source>
        <translation>Адрес сайта (site.url) слишком длинный: адреса веб-хуков получатся длиной до %1 символов, а МойСклад принимает не более %2. Сократите путь адреса сайта на %3 символов.</translation>
    </message>
</context>
<context>
    <name>LogExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>Экспорт отменён, файл не записан.</translation>
    </message>
</context>
<context>
    <name>LogMessage</name>
    <message>
        <source>from the command line</source>
        <translation>из командной строки</translation>
    </message>
    <message>
        <source>Applying webhooks failed: %1</source>
        <translation>Не удалось применить веб-хуки: %1</translation>
    </message>
    <message>
        <source>%1 from %2: %3 event(s), not queued (no task, no request to MoySklad)</source>
        <translation>%1 от %2: событий — %3, в очередь не поставлено (без задачи и без запроса к МойСклад)</translation>
    </message>
    <message>
        <source>Task %1 is dead: %2</source>
        <translation>Задача %1 не удалась окончательно: %2</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: %2. Tasks wait without spending attempts; one request every %3 checks whether it is back</source>
        <translation>МойСклад недоступен с %1: %2. Задачи ждут, не расходуя попыток; раз в %3 один запрос проверяет, вернулся ли он</translation>
    </message>
    <message>
        <source>MoySklad reachable again after %1 (unreachable since %2)</source>
        <translation>МойСклад снова доступен через %1 (был недоступен с %2)</translation>
    </message>
    <message>
        <source>Claiming tasks failed: %1</source>
        <translation>Не удалось взять задачи: %1</translation>
    </message>
    <message>
        <source>Worker run: %1 due task(s)</source>
        <translation>Проход обработчика: задач к выполнению — %1</translation>
    </message>
    <message>
        <source>Task %1 could not be finished: %2</source>
        <translation>Не удалось завершить задачу %1: %2</translation>
    </message>
    <message>
        <source>Processed %1 %2</source>
        <translation>Обработано: %1 %2</translation>
    </message>
    <message>
        <source>Task %1 was claimed again meanwhile: result dropped</source>
        <translation>Задачу %1 тем временем взяли снова: результат отброшен</translation>
    </message>
    <message>
        <source>Task %1 was claimed again meanwhile: failure dropped</source>
        <translation>Задачу %1 тем временем взяли снова: ошибка отброшена</translation>
    </message>
    <message>
        <source>Task %1 failed, will retry: %2</source>
        <translation>Задача %1 не выполнена, будет повторена: %2</translation>
    </message>
    <message>
        <source>%1 task(s) left running by a stopped process are due again</source>
        <translation>Задачи, оставшиеся выполняемыми после остановленного процесса, снова к выполнению: %1</translation>
    </message>
    <message>
        <source>The receiver could not start: %1</source>
        <translation>Приёмник не удалось запустить: %1</translation>
    </message>
    <message>
        <source>Serving %1 on %2%3; worker every %4 s</source>
        <translation>Каталог данных %1; приём на %2%3; обработка очереди каждые %4 с</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Pruned %1 finished task(s) older than %2 day(s)</source>
        <translation>Удалено завершённых задач старше %2 дн.: %1</translation>
    </message>
    <message>
        <source>Worker settings changed: every %1 s, order import on</source>
        <translation>Настройки обработчика изменены: раз в %1 с, импорт заказов включён</translation>
    </message>
    <message>
        <source>Worker settings changed: every %1 s, order import off</source>
        <translation>Настройки обработчика изменены: раз в %1 с, импорт заказов выключен</translation>
    </message>
    <message>
        <source>The receiver could not restart: %1</source>
        <translation>Приёмник не удалось перезапустить: %1</translation>
    </message>
    <message>
        <source>The receiver now serves %1%2</source>
        <translation>Приёмник теперь обслуживает %1%2</translation>
    </message>
    <message>
        <source>The receiver serves %1 only</source>
        <translation>Приёмник обслуживает только %1</translation>
    </message>
    <message>
        <source>The site URL is moving: the receiver serves %1 and still %2, the previous path, until the hooks point at the new URL</source>
        <translation>Адрес сайта меняется: приёмник обслуживает %1 и пока ещё прежний путь %2 — до тех пор, пока веб-хуки не укажут на новый адрес</translation>
    </message>
    <message>
        <source>The receiver accepts the current verification string only</source>
        <translation>Приёмник принимает только текущую проверочную строку</translation>
    </message>
    <message>
        <source>The receiver accepts the new verification string, and the previous one until the hooks carry the new one</source>
        <translation>Приёмник принимает новую проверочную строку, а прежнюю — пока веб-хуки не получат новую</translation>
    </message>
    <message>
        <source>Processing resumed</source>
        <translation>Обработка возобновлена</translation>
    </message>
    <message>
        <source>Processing is on hold: no API token. Deliveries are still answered and queued; save a token to resume</source>
        <translation>Обработка приостановлена: нет токена API. Уведомления по-прежнему принимаются и ставятся в очередь; сохраните токен, чтобы продолжить</translation>
    </message>
    <message>
        <source>MoySklad refused the API token (revoked by a newer login, or wrong): processing is on hold and the tasks keep their attempts. Save a working token to resume</source>
        <translation>МойСклад отклонил токен API (отозван более новым входом или неверен): обработка приостановлена, задачи сохраняют попытки. Сохраните действующий токен, чтобы продолжить</translation>
    </message>
    <message>
        <source>Processing is paused. Deliveries are still answered and queued; resume it to process them</source>
        <translation>Обработка на паузе. Уведомления по-прежнему принимаются и ставятся в очередь; возобновите обработку, чтобы их обработать</translation>
    </message>
    <message>
        <source>Comparison with MoySklad started%1: %2, documents updated since %3 (Moscow time)</source>
        <translation>Сравнение с МойСклад начато%1: %2, документы, изменённые с %3 (московское время)</translation>
    </message>
    <message>
        <source>Comparison with MoySklad started%1: %2</source>
        <translation>Сравнение с МойСклад начато%1: %2</translation>
    </message>
    <message>
        <source>Cannot record the comparison with MoySklad: %1</source>
        <translation>Не удаётся записать сравнение с МойСклад: %1</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 failed: %2</source>
        <translation>Сравнение с МойСклад%1 не удалось: %2</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1: the store matches (%2)</source>
        <translation>Сравнение с МойСклад%1: данные магазина совпадают (%2)</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 found differences: %2</source>
        <translation>Сравнение с МойСклад%1 нашло расхождения: %2</translation>
    </message>
    <message>
        <source>by the service</source>
        <translation>службой</translation>
    </message>
    <message>
        <source>Catch-up sync not started: %1</source>
        <translation>Синхронизация не запущена: %1</translation>
    </message>
    <message>
        <source>Catch-up sync of %1 started %2, since %3 (Moscow time)</source>
        <translation>Синхронизация %1 запущена %2, с %3 (московское время)</translation>
    </message>
    <message>
        <source>Catch-up sync of %1 started %2</source>
        <translation>Синхронизация %1 запущена %2</translation>
    </message>
    <message>
        <source>Catch-up sync done: %1</source>
        <translation>Синхронизация завершена: %1</translation>
    </message>
    <message>
        <source>Catch-up sync failed: %1. What was applied before stays; the next run starts where the last complete one ended</source>
        <translation>Синхронизация не удалась: %1. Применённое ранее сохраняется; следующий запуск начнётся там, где закончился последний полный</translation>
    </message>
    <message>
        <source>Hooks are not checked: MoySklad refused the API token. They are checked again once a working token is saved</source>
        <translation>Веб-хуки не проверяются: МойСклад отклонил токен API. Проверка возобновится, когда будет сохранён действующий токен</translation>
    </message>
    <message>
        <source>Hooks are not checked: %1</source>
        <translation>Веб-хуки не проверяются: %1</translation>
    </message>
    <message>
        <source>Hooks are not checked: no API token yet</source>
        <translation>Веб-хуки не проверяются: токена API ещё нет</translation>
    </message>
    <message>
        <source>Hooks are not checked: no site URL (site.url)</source>
        <translation>Веб-хуки не проверяются: не задан адрес сайта (site.url)</translation>
    </message>
    <message>
        <source>Hooks are not checked: no verification string yet</source>
        <translation>Веб-хуки не проверяются: проверочной строки ещё нет</translation>
    </message>
    <message>
        <source>Hooks could not be checked: %1</source>
        <translation>Веб-хуки не удалось проверить: %1</translation>
    </message>
    <message>
        <source>No hook of ours is installed in MoySklad: nothing to check until the hooks are applied</source>
        <translation>В МойСклад не установлено ни одного нашего веб-хука: проверять нечего, пока веб-хуки не применены</translation>
    </message>
    <message>
        <source>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered</source>
        <translation>Наш веб-хук %1 исчез из МойСклад (удалён человеком или МойСклад): его изменения не доставляются</translation>
    </message>
    <message>
        <source>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered</source>
        <translation>Наш веб-хук %1 отключён в МойСклад (МойСклад после неудачных доставок или человеком): его изменения не доставляются</translation>
    </message>
    <message>
        <source>The hook %1 of ours is gone from MoySklad (deleted by a person or by MoySklad): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</source>
        <translation>Наш веб-хук %1 исчез из МойСклад (удалён человеком или МойСклад): его изменения не доставляются. hooks.autoRepair выключен: примените веб-хуки, чтобы восстановить его</translation>
    </message>
    <message>
        <source>The hook %1 of ours is disabled in MoySklad (by MoySklad after failed deliveries, or by a person): its changes are not delivered. hooks.autoRepair is off: apply the webhooks to repair it</source>
        <translation>Наш веб-хук %1 отключён в МойСклад (МойСклад после неудачных доставок или человеком): его изменения не доставляются. hooks.autoRepair выключен: примените веб-хуки, чтобы восстановить его</translation>
    </message>
    <message>
        <source>Every hook of ours is enabled in MoySklad again</source>
        <translation>Все наши веб-хуки снова включены в МойСклад</translation>
    </message>
    <message>
        <source>The hook %1 of ours was created again</source>
        <translation>Наш веб-хук %1 создан заново</translation>
    </message>
    <message>
        <source>The hook %1 of ours was enabled again</source>
        <translation>Наш веб-хук %1 снова включён</translation>
    </message>
    <message>
        <source>The hooks of ours could not all be repaired</source>
        <translation>Не все наши веб-хуки удалось восстановить</translation>
    </message>
    <message>
        <source>Repaired %1 hook(s) of ours: %2; changes made in MoySklad while they were off need a catch-up sync</source>
        <translation>Восстановлено наших веб-хуков: %1 (%2); изменения, сделанные в МойСклад, пока они не работали, требуют синхронизации</translation>
    </message>
    <message>
        <source>The connection check failed</source>
        <translation>Проверка подключения не удалась</translation>
    </message>
    <message>
        <source>Connected to MoySklad as %1; webhooks may be managed</source>
        <translation>Подключено к МойСклад как %1; управление веб-хуками разрешено</translation>
    </message>
    <message>
        <source>Connected as %1, but webhooks may not be managed: %2</source>
        <translation>Подключено как %1, но управлять веб-хуками нельзя: %2</translation>
    </message>
    <message>
        <source>Could not list the webhooks</source>
        <translation>Не удалось получить список веб-хуков</translation>
    </message>
    <message>
        <source>Listed %1 webhooks: %2 in sync, %3 missing, %4 outdated, %5 disabled, %6 not needed, %7 foreign</source>
        <translation>Получен список веб-хуков (%1): актуальных — %2, отсутствующих — %3, устаревших — %4, отключённых — %5, ненужных — %6, чужих — %7</translation>
    </message>
    <message>
        <source>every hook of ours carries the new verification string</source>
        <translation>все наши веб-хуки получили новую проверочную строку</translation>
    </message>
    <message>
        <source>every hook of ours points at the new site URL</source>
        <translation>все наши веб-хуки указывают на новый адрес сайта</translation>
    </message>
    <message>
        <source>%1 document(s) queued to be fetched again %2</source>
        <translation>Документов поставлено в очередь на повторную загрузку: %1 (%2)</translation>
    </message>
    <message>
        <source>Task %1 queued again %2</source>
        <translation>Задача %1 снова поставлена в очередь (%2)</translation>
    </message>
    <message>
        <source>%1 dead task(s) queued again %2</source>
        <translation>Неудавшихся задач снова поставлено в очередь: %1 (%2)</translation>
    </message>
    <message>
        <source>Task %1 cancelled %2</source>
        <translation>Задача %1 отменена (%2)</translation>
    </message>
    <message>
        <source>Processing paused %1</source>
        <translation>Обработка приостановлена (%1)</translation>
    </message>
    <message>
        <source>Processing resumed %1</source>
        <translation>Обработка возобновлена (%1)</translation>
    </message>
    <message>
        <source>Test delivery to %1: received and recorded by the receiver</source>
        <translation>Тестовое уведомление на %1: принято и записано приёмником</translation>
    </message>
    <message>
        <source>Test delivery to %1 failed at the %2 step: %3</source>
        <translation>Тестовое уведомление на %1 не прошло на шаге %2: %3</translation>
    </message>
    <message>
        <source>%1 cannot be made owner-only</source>
        <translation>Не удаётся сделать %1 доступным только владельцу</translation>
    </message>
    <message>
        <source>after a hook repair</source>
        <translation>после восстановления веб-хуков</translation>
    </message>
    <message>
        <source>Catch-up sync after a hook repair not started: %1</source>
        <translation>Синхронизация после восстановления веб-хуков не запущена: %1</translation>
    </message>
    <message>
        <source>Execution mode of %1/%2: %3</source>
        <translation>Тип выполнения %1/%2: %3</translation>
    </message>
    <message>
        <source>Cannot read the API token from %1</source>
        <translation>Не удаётся прочитать токен API (%1)</translation>
    </message>
    <message>
        <source>Cannot read the verification string from %1</source>
        <translation>Не удаётся прочитать проверочную строку (%1)</translation>
    </message>
    <message>
        <source>A verification string was generated and saved in %1</source>
        <translation>Проверочная строка создана и сохранена (%1)</translation>
    </message>
    <message>
        <source>A new API token was saved by another process</source>
        <translation>Другой процесс сохранил новый токен API</translation>
    </message>
    <message>
        <source>The API token was removed by another process</source>
        <translation>Другой процесс удалил токен API</translation>
    </message>
    <message>
        <source>A new verification string was saved by another process</source>
        <translation>Другой процесс сохранил новую проверочную строку</translation>
    </message>
    <message>
        <source>The previous verification string is refused from now on: %1</source>
        <translation>Прежняя проверочная строка больше не принимается: %1</translation>
    </message>
    <message>
        <source>The previous site path is refused from now on: %1</source>
        <translation>Прежний путь сайта больше не принимается: %1</translation>
    </message>
    <message>
        <source>Deliveries to the previous site URL %1 stay accepted until %2 or until every hook of ours points at the new one</source>
        <translation>Уведомления на прежний адрес сайта %1 принимаются до %2 или пока все наши веб-хуки не укажут на новый</translation>
    </message>
    <message>
        <source>Cannot save %1 in %2</source>
        <translation>Не удаётся сохранить %1 (%2)</translation>
    </message>
    <message>
        <source>The API token was removed from %1</source>
        <translation>Токен API удалён (%1)</translation>
    </message>
    <message>
        <source>An API token was saved in %1</source>
        <translation>Токен API сохранён (%1)</translation>
    </message>
    <message>
        <source>The previous verification string stays accepted until %1 or until every hook of ours carries the new one</source>
        <translation>Прежняя проверочная строка принимается до %1 или пока все наши веб-хуки не получат новую</translation>
    </message>
    <message>
        <source>A new verification string was saved in %1</source>
        <translation>Новая проверочная строка сохранена (%1)</translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file (plaintext), as chosen by the user</source>
        <translation>Секреты теперь хранятся в файле настроек (открытым текстом) по выбору пользователя</translation>
    </message>
    <message>
        <source>Secrets are now kept in the OS keychain</source>
        <translation>Секреты теперь хранятся в хранилище паролей системы</translation>
    </message>
    <message>
        <source>Could not obtain a token with the login</source>
        <translation>Не удалось получить токен по логину</translation>
    </message>
    <message>
        <source>A new API token was obtained with the login; the user&apos;s earlier tokens are revoked</source>
        <translation>Новый токен API получен по логину; прежние токены пользователя отозваны</translation>
    </message>
    <message>
        <source>%1 = (empty)</source>
        <translation>%1 = (пусто)</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>from the desktop app</source>
        <translation>из приложения</translation>
    </message>
    <message>
        <source>Connection check: token valid for %1, webhooks may be managed</source>
        <translation>Проверка подключения: токен действителен для %1, управление веб-хуками разрешено</translation>
    </message>
    <message>
        <source>Connection check: token valid for %1, webhooks may not be managed: %2</source>
        <translation>Проверка подключения: токен действителен для %1, управление веб-хуками не разрешено: %2</translation>
    </message>
    <message>
        <source>Listed %1 webhook(s) of the account</source>
        <translation>Получен список веб-хуков аккаунта: %1</translation>
    </message>
    <message>
        <source>%1 %2: the document is gone from MoySklad, marked deleted</source>
        <translation>%1 %2: документа больше нет в МойСклад, он отмечен удалённым</translation>
    </message>
    <message>
        <source>%1 matching task(s) queued again %2</source>
        <translation>Подходящих задач снова поставлено в очередь: %1 %2</translation>
    </message>
    <message>
        <source>%1 matching task(s) cancelled %2</source>
        <translation>Подходящих задач отменено: %1 %2</translation>
    </message>
    <message>
        <source>%1 was moved aside to %2 (kept); started with a fresh one</source>
        <translation>%1 перемещён в %2 (сохранён); начато с новой базы</translation>
    </message>
    <message>
        <source>Refused %1 request(s) in the minute from %2 UTC: %3</source>
        <translation>Отклонено запросов за минуту с %2 UTC: %1 — %3</translation>
    </message>
    <message>
        <source>Delivery could not be stored, answered 503 so that MoySklad retries (%1 ms)</source>
        <translation>Доставку не удалось сохранить, отвечено 503, чтобы МойСклад повторил её (%1 мс)</translation>
    </message>
    <message>
        <source>Delivery not committed within %1 ms, answered 503 so that MoySklad retries</source>
        <translation>Доставка не записана за %1 мс, отвечено 503, чтобы МойСклад повторил её</translation>
    </message>
    <message>
        <source>Receiver not started: %1</source>
        <translation>Приёмник не запущен: %1</translation>
    </message>
    <message>
        <source>Receiver listening on %1, serving %2</source>
        <translation>Приёмник слушает %1, обслуживает %2</translation>
    </message>
    <message>
        <source>Receiver listening on %1, serving %2 and, while the site moves, %3</source>
        <translation>Приёмник слушает %1, обслуживает %2 и, пока сайт переезжает, %3</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>Приёмник остановлен</translation>
    </message>
    <message>
        <source>The delivery could not be stored: MoySklad will retry</source>
        <translation>Доставку не удалось сохранить: МойСклад повторит её</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Deliveries are answered 503 so that MoySklad retries them; nothing is acknowledged unstored</source>
        <translation>Не удаётся записать %1: %2. На уведомления отвечается 503, чтобы МойСклад повторил их; ничего не подтверждается без сохранения</translation>
    </message>
    <message>
        <source>Writing works again: %1 from %2 to %3. Deliveries meanwhile were answered 503 and retried by MoySklad; processing resumed by itself</source>
        <translation>Запись снова работает: %1 с %2 по %3. На уведомления за это время отвечалось 503, МойСклад их повторил; обработка возобновилась сама</translation>
    </message>
    <message>
        <source>A fresh store: the first catch-up fetches what changed since %1</source>
        <translation>Новое хранилище: первая синхронизация загрузит изменения с %1</translation>
    </message>
    <message>
        <source>created %1/%2 → %3</source>
        <translation>создан %1/%2 → %3</translation>
    </message>
    <message>
        <source>updated %1/%2 → %3</source>
        <translation>обновлён %1/%2 → %3</translation>
    </message>
    <message>
        <source>enabled %1/%2 → %3</source>
        <translation>включён %1/%2 → %3</translation>
    </message>
    <message>
        <source>deleted %1/%2 → %3</source>
        <translation>удалён %1/%2 → %3</translation>
    </message>
    <message>
        <source>create %1</source>
        <translation>создать %1</translation>
    </message>
    <message>
        <source>update %1</source>
        <translation>обновить %1</translation>
    </message>
    <message>
        <source>enable %1</source>
        <translation>включить %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>удалить %1</translation>
    </message>
    <message>
        <source>Nothing to write: the webhooks are in sync.</source>
        <translation>Записывать нечего: веб-хуки актуальны.</translation>
    </message>
    <message>
        <source>the OS keychain</source>
        <translation>хранилище паролей системы</translation>
    </message>
    <message>
        <source>Test delivery cancelled before it ended</source>
        <translation>Тестовое уведомление отменено до завершения</translation>
    </message>
    <message>
        <source>Comparison with MoySklad%1 stopped by the user</source>
        <translation>Сравнение с МойСклад%1 остановлено пользователем</translation>
    </message>
    <message>
        <source>Catch-up sync stopped by the user: %1. What was applied stays; the next run starts where it stopped</source>
        <translation>Догоняющая синхронизация остановлена пользователем: %1. Применённое сохраняется; следующий запуск начнётся с места остановки</translation>
    </message>
    <message>
        <source>Store migrated to %1</source>
        <translation>Хранилище перенесено в %1</translation>
    </message>
    <message>
        <source>The database password was removed from %1</source>
        <translation>Пароль базы данных удалён (%1)</translation>
    </message>
    <message>
        <source>A database password was saved in %1</source>
        <translation>Пароль базы данных сохранён (%1)</translation>
    </message>
    <message>
        <source>the settings file settings.ini (plaintext, chosen explicitly)</source>
        <translation>файл настроек settings.ini, открытым текстом, выбран явно</translation>
    </message>
    <message>
        <source>The data directory %1 looks shared (it holds directories, or is /tmp or the home directory): it was left as it is, and only SkladHook&apos;s own files in it were made owner-only. A directory of its own is safer.</source>
        <translation>Каталог данных %1 похож на общий (в нём есть каталоги, или это /tmp, или домашний каталог): его права оставлены как были, доступ только для владельца получили лишь файлы SkladHook. Надёжнее отдельный каталог.</translation>
    </message>
    <message>
        <source>Receiver not moved: %1; it keeps serving %2</source>
        <translation>Приёмник не перенесён: %1; он по-прежнему принимает на %2</translation>
    </message>
    <message>
        <source>The secrets stay in the settings file: the OS keychain could not take them</source>
        <translation>Секреты остаются в файле настроек: хранилище паролей системы не смогло их принять</translation>
    </message>
    <message>
        <source>Nothing written: these options leave the other webhooks of ours as they are.</source>
        <translation>Ничего не записано: с этими параметрами остальные веб-хуки модуля остаются как есть.</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Debug</source>
        <translation>Отладка</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Веб-хук</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Запрос</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Приём</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Очередь</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Обработка</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Веб-хуки</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Общее</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SkladHook — MoySklad webhooks</source>
        <translation>SkladHook — веб-хуки МойСклад</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Веб-хуки</translation>
    </message>
    <message>
        <source>Connection and exchange</source>
        <translation>Подключение и обмен</translation>
    </message>
    <message>
        <source>Open the Connection tab</source>
        <translation>Открыть вкладку «Подключение»</translation>
    </message>
    <message>
        <source>No keychain is available, so the API token and the verification string cannot be saved. Start a keychain service (GNOME Keyring or KWallet) and restart SkladHook, or keep the secrets in the settings file.</source>
        <translation>Хранилище паролей недоступно, поэтому токен API и проверочную строку сохранить нельзя. Запустите службу хранилища (GNOME Keyring или KWallet) и перезапустите SkladHook либо храните секреты в файле настроек.</translation>
    </message>
    <message>
        <source>The keychain is locked, so the API token and the verification string cannot be read or saved. Unlock it (for example by logging in to the desktop session or unlocking the login keyring) and restart SkladHook.</source>
        <translation>Хранилище паролей заблокировано, поэтому токен API и проверочную строку нельзя прочитать или сохранить. Разблокируйте его (например, войдя в сеанс рабочего стола или разблокировав связку ключей «login») и перезапустите SkladHook.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow SkladHook to use the keychain and restart it.</source>
        <translation>Доступ к хранилищу паролей запрещён. Разрешите SkladHook пользоваться хранилищем и перезапустите программу.</translation>
    </message>
    <message>
        <source>The keychain reported an error, so the secrets cannot be read or saved.</source>
        <translation>Хранилище паролей сообщило об ошибке, поэтому секреты нельзя прочитать или сохранить.</translation>
    </message>
    <message>
        <source>(Keychain: %1)</source>
        <translation>(Хранилище: %1)</translation>
    </message>
    <message>
        <source>Until then, secrets you type are used for this session only.</source>
        <translation>До тех пор введённые секреты используются только в этом сеансе.</translation>
    </message>
    <message>
        <source>Keep secrets in the settings file…</source>
        <translation>Хранить секреты в файле настроек…</translation>
    </message>
    <message>
        <source>Obtain a new token?</source>
        <translation>Получить новый токен?</translation>
    </message>
    <message>
        <source>MoySklad revokes this user&apos;s earlier tokens when a new one is obtained: programs that use them (another SkladHook included) stop working until they get the new token.</source>
        <translation>При получении нового токена МойСклад отзывает прежние токены этого пользователя: программы, которые ими пользуются (в том числе другой SkladHook), перестанут работать, пока не получат новый токен.</translation>
    </message>
    <message>
        <source>Obtain token</source>
        <translation>Получить токен</translation>
    </message>
    <message>
        <source>Keep secrets in the settings file?</source>
        <translation>Хранить секреты в файле настроек?</translation>
    </message>
    <message>
        <source>The API token and the verification string will be saved unencrypted in %1. Anyone who can read this file can use your MoySklad account. Choose this only where no keychain is available.</source>
        <translation>Токен API и проверочная строка будут сохранены без шифрования в %1. Любой, кто может прочитать этот файл, сможет пользоваться вашим аккаунтом МойСклад. Выбирайте это, только если хранилища паролей нет.</translation>
    </message>
    <message>
        <source>Keep in the settings file</source>
        <translation>Хранить в файле настроек</translation>
    </message>
    <message>
        <source>Secrets are now kept in the settings file, unencrypted.</source>
        <translation>Теперь секреты хранятся в файле настроек без шифрования.</translation>
    </message>
    <message>
        <source>Remove unneeded hooks?</source>
        <translation>Удалить ненужные веб-хуки?</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) of this module are no longer needed by the exchange settings. Delete them from MoySklad? Other applications&apos; hooks are not touched.</source>
        <translation>
            <numerusform>%n веб-хук модуля больше не нужен по настройкам обмена. Удалить его из МойСклад? Веб-хуки других приложений не затрагиваются.</numerusform>
            <numerusform>%n веб-хука модуля больше не нужны по настройкам обмена. Удалить их из МойСклад? Веб-хуки других приложений не затрагиваются.</numerusform>
            <numerusform>%n веб-хуков модуля больше не нужны по настройкам обмена. Удалить их из МойСклад? Веб-хуки других приложений не затрагиваются.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>The verification string cannot be empty: type one or click Generate.</source>
        <translation>Проверочная строка не может быть пустой: введите её или нажмите «Сгенерировать».</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Refresh webhooks</source>
        <translation>&amp;Обновить список веб-хуков</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Generate a new verification string?</source>
        <translation>Сгенерировать новую проверочную строку?</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Сгенерировать</translation>
    </message>
    <message numerus="yes">
        <source>A new verification string was generated: %n hook(s) are now outdated. Tick Update on them (or Tick all outdated), then Apply.</source>
        <translation>
            <numerusform>Сгенерирована новая проверочная строка: %n веб-хук теперь устарел. Отметьте у него «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
            <numerusform>Сгенерирована новая проверочная строка: %n веб-хука теперь устарели. Отметьте у них «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
            <numerusform>Сгенерирована новая проверочная строка: %n веб-хуков теперь устарели. Отметьте у них «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
        </translation>
    </message>
    <message>
        <source>A new verification string was generated.</source>
        <translation>Сгенерирована новая проверочная строка.</translation>
    </message>
    <message numerus="yes">
        <source>The hooks installed in MoySklad carry the current verification string in their URL. After a new one is generated they are outdated: update them (tick Update, or Tick all outdated, then Apply on the Webhooks tab). The current string stays accepted until they are updated, for %n hour(s) at most; after that SkladHook refuses MoySklad&apos;s deliveries to hooks not updated.</source>
        <translation>
            <numerusform>В установленных в МойСклад веб-хуках адрес содержит текущую проверочную строку. После генерации новой они устаревают: обновите их (отметьте «Обновить» или «Отметить все устаревшие», затем «Применить» на вкладке «Веб-хуки»). Текущая строка принимается, пока они не обновлены, но не дольше %n часа; после этого SkladHook отклоняет уведомления МойСклад на необновлённые веб-хуки.</numerusform>
            <numerusform>В установленных в МойСклад веб-хуках адрес содержит текущую проверочную строку. После генерации новой они устаревают: обновите их (отметьте «Обновить» или «Отметить все устаревшие», затем «Применить» на вкладке «Веб-хуки»). Текущая строка принимается, пока они не обновлены, но не дольше %n часов; после этого SkladHook отклоняет уведомления МойСклад на необновлённые веб-хуки.</numerusform>
            <numerusform>В установленных в МойСклад веб-хуках адрес содержит текущую проверочную строку. После генерации новой они устаревают: обновите их (отметьте «Обновить» или «Отметить все устаревшие», затем «Применить» на вкладке «Веб-хуки»). Текущая строка принимается, пока они не обновлены, но не дольше %n часов; после этого SkladHook отклоняет уведомления МойСклад на необновлённые веб-хуки.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send a test &amp;delivery…</source>
        <translation>Отправить &amp;тестовое уведомление…</translation>
    </message>
    <message>
        <source>Setup &amp;assistant…</source>
        <translation>&amp;Мастер настройки…</translation>
    </message>
    <message>
        <source>Find in this tab</source>
        <translation>Поиск на этой вкладке</translation>
    </message>
    <message>
        <source>Writing to the database works again; processing resumed.</source>
        <translation>Запись в базу данных снова работает; обработка возобновлена.</translation>
    </message>
    <message>
        <source>Cannot write the database: %1. Deliveries are answered 503 so that MoySklad retries them; free some space and SkladHook resumes by itself.</source>
        <translation>Не удаётся записать базу данных: %1. На уведомления отвечается 503, чтобы МойСклад повторил их; освободите место, и SkladHook продолжит сам.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Закрыть сообщение</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>OrderDetailsPanel</name>
    <message>
        <source>Select an order to see its payments and shipments.</source>
        <translation>Выберите заказ, чтобы увидеть его платежи и отгрузки.</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>&amp;Payments of the order:</source>
        <translation>Пл&amp;атежи заказа:</translation>
    </message>
    <message>
        <source>S&amp;hipments of the order:</source>
        <translation>&amp;Отгрузки заказа:</translation>
    </message>
    <message>
        <source>Payments of the order</source>
        <translation>Платежи заказа</translation>
    </message>
    <message>
        <source>Shipments of the order</source>
        <translation>Отгрузки заказа</translation>
    </message>
    <message>
        <source>Open in MoySklad</source>
        <translation>Открыть в МойСклад</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation>Использование: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[параметры]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Параметры:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Аргументы:</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Неизвестный параметр «%1».</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Неизвестные параметры: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Нет значения после «%1».</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Лишнее значение после «%1».</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>Oldest waiting task:</source>
        <translation>Самая старая задача в ожидании:</translation>
    </message>
    <message>
        <source>Worker&apos;s last run:</source>
        <translation>Последний запуск обработчика:</translation>
    </message>
    <message>
        <source>Worker&apos;s next run:</source>
        <translation>Следующий запуск обработчика:</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Все задачи</translation>
    </message>
    <message>
        <source>Process the selected task again now, with its attempts reset</source>
        <translation>Обработать выбранную задачу снова сейчас, со сбросом счётчика попыток</translation>
    </message>
    <message>
        <source>Select a task to see its attempts, errors and timings</source>
        <translation>Выберите задачу, чтобы увидеть её попытки, ошибки и время</translation>
    </message>
    <message>
        <source>nothing waits</source>
        <translation>ничего не ждёт</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>не запланирован</translation>
    </message>
    <message>
        <source>Task %1: %2, document %3</source>
        <translation>Задача %1: %2, документ %3</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Состояние: %1</translation>
    </message>
    <message>
        <source>Attempts: %1</source>
        <translation>Попыток: %1</translation>
    </message>
    <message>
        <source>Request: %1 (event %2)</source>
        <translation>Запрос: %1 (событие %2)</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Создана: %1</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Изменена: %1</translation>
    </message>
    <message>
        <source>Next attempt: %1</source>
        <translation>Следующая попытка: %1</translation>
    </message>
    <message>
        <source>Leased until: %1</source>
        <translation>Занята до: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Завершена: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <source>Task %1 will be processed again.</source>
        <translation>Задача %1 будет обработана снова.</translation>
    </message>
    <message>
        <source>Task %1 cannot be retried in its current status.</source>
        <translation>Задачу %1 нельзя повторить в её текущем состоянии.</translation>
    </message>
    <message numerus="yes">
        <source>%n dead task(s) will be processed again.</source>
        <translation>
            <numerusform>%n неудавшаяся задача будет обработана снова.</numerusform>
            <numerusform>%n неудавшиеся задачи будут обработаны снова.</numerusform>
            <numerusform>%n неудавшихся задач будет обработано снова.</numerusform>
        </translation>
    </message>
    <message>
        <source>Task %1 was cancelled.</source>
        <translation>Задача %1 отменена.</translation>
    </message>
    <message>
        <source>Task %1 cannot be cancelled in its current status.</source>
        <translation>Задачу %1 нельзя отменить в её текущем состоянии.</translation>
    </message>
    <message>
        <source>Processing is paused: deliveries are still received and queued.</source>
        <translation>Обработка приостановлена: уведомления по-прежнему принимаются и ставятся в очередь.</translation>
    </message>
    <message>
        <source>Processing resumed.</source>
        <translation>Обработка возобновлена.</translation>
    </message>
    <message>
        <source>All hooks</source>
        <translation>Все веб-хуки</translation>
    </message>
    <message>
        <source>Search: document number or id, request id, hook, error text</source>
        <translation>Поиск: номер документа, идентификаторы, веб-хук, текст ошибки</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Поиск задач</translation>
    </message>
    <message>
        <source>Retry &amp;matching…</source>
        <translation>Повторить &amp;найденные…</translation>
    </message>
    <message>
        <source>Process again every dead, cancelled or retrying task that matches the filter</source>
        <translation>Снова обработать все неудавшиеся, отменённые и повторяемые задачи, подходящие под фильтр</translation>
    </message>
    <message>
        <source>Cancel ma&amp;tching…</source>
        <translation>&amp;Отменить найденные…</translation>
    </message>
    <message>
        <source>Cancel every pending, retrying or dead task that matches the filter</source>
        <translation>Отменить все ожидающие, повторяемые и неудавшиеся задачи, подходящие под фильтр</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Попытка</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-статус</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>no request</source>
        <translation>без запроса</translation>
    </message>
    <message>
        <source>No task that matches the filter can be retried (only dead, cancelled and retrying tasks can).</source>
        <translation>Ни одну подходящую под фильтр задачу нельзя повторить (можно только неудавшиеся, отменённые и повторяемые).</translation>
    </message>
    <message>
        <source>No task that matches the filter can be cancelled (only pending, retrying and dead tasks can).</source>
        <translation>Ни одну подходящую под фильтр задачу нельзя отменить (можно только ожидающие, повторяемые и неудавшиеся).</translation>
    </message>
    <message>
        <source>Retry matching tasks</source>
        <translation>Повтор найденных задач</translation>
    </message>
    <message>
        <source>Cancel matching tasks</source>
        <translation>Отмена найденных задач</translation>
    </message>
    <message numerus="yes">
        <source>Process %n task(s) that match the filter again now, with their attempts reset?</source>
        <translation>
            <numerusform>Снова обработать сейчас %n подходящую под фильтр задачу, сбросив её попытки?</numerusform>
            <numerusform>Снова обработать сейчас %n подходящие под фильтр задачи, сбросив их попытки?</numerusform>
            <numerusform>Снова обработать сейчас %n подходящих под фильтр задач, сбросив их попытки?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n task(s) that match the filter? Their documents will not be fetched.</source>
        <translation>
            <numerusform>Отменить %n подходящую под фильтр задачу? Её документ не будет загружен.</numerusform>
            <numerusform>Отменить %n подходящие под фильтр задачи? Их документы не будут загружены.</numerusform>
            <numerusform>Отменить %n подходящих под фильтр задач? Их документы не будут загружены.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retry %n task(s)</source>
        <translation>
            <numerusform>Повторить %n задачу</numerusform>
            <numerusform>Повторить %n задачи</numerusform>
            <numerusform>Повторить %n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n task(s)</source>
        <translation>
            <numerusform>Отменить %n задачу</numerusform>
            <numerusform>Отменить %n задачи</numerusform>
            <numerusform>Отменить %n задач</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) will be processed again.</source>
        <translation>
            <numerusform>%n задача будет обработана снова.</numerusform>
            <numerusform>%n задачи будут обработаны снова.</numerusform>
            <numerusform>%n задач будет обработано снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) cancelled.</source>
        <translation>
            <numerusform>%n задача отменена.</numerusform>
            <numerusform>%n задачи отменены.</numerusform>
            <numerusform>%n задач отменено.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Retry all &amp;dead</source>
        <translation>Повторить все н&amp;еудавшиеся</translation>
    </message>
    <message>
        <source>Cancel t&amp;ask</source>
        <translation>Отменить з&amp;адачу</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>Обнов&amp;ить</translation>
    </message>
    <message>
        <source>Resume &amp;processing</source>
        <translation>Возобновить о&amp;бработку</translation>
    </message>
    <message>
        <source>&amp;Pause processing</source>
        <translation>Приостановить о&amp;бработку</translation>
    </message>
    <message>
        <source>No task matches the filter.</source>
        <translation>Ни одна задача не подходит под фильтр.</translation>
    </message>
    <message>
        <source>No tasks yet. Each event MoySklad delivers becomes a task here; finished ones are kept for the retention period.</source>
        <translation>Задач пока нет. Каждое событие из уведомлений МойСклад становится здесь задачей; выполненные хранятся в течение срока хранения.</translation>
    </message>
</context>
<context>
    <name>SecretError</name>
    <message>
        <source>No keychain is available (no Secret Service such as GNOME Keyring or KWallet on the session bus). Start one, or explicitly allow keeping secrets in the settings file (secrets.store = file).</source>
        <translation>Хранилище паролей недоступно (на шине сеанса нет Secret Service, например GNOME Keyring или KWallet). Запустите его или явно разрешите хранить секреты в файле настроек (secrets.store = file).</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access. Unlock it (e.g. log in to the desktop session or unlock the login keyring) and try again.</source>
        <translation>Хранилище паролей заблокировано или отказало в доступе. Разблокируйте его (например, войдите в сеанс рабочего стола или разблокируйте связку ключей) и повторите.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied. Allow SkladHook to use the keychain and try again.</source>
        <translation>Доступ к хранилищу паролей запрещён. Разрешите SkladHook пользоваться им и повторите.</translation>
    </message>
    <message>
        <source>The keychain reported an error.</source>
        <translation>Хранилище паролей сообщило об ошибке.</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source>another SkladHook (%1) is already serving %2</source>
        <translation>другой SkladHook (%1) уже обслуживает %2</translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation>неизвестный процесс</translation>
    </message>
</context>
<context>
    <name>ServiceStatus</name>
    <message>
        <source>Receiver listening on %1</source>
        <translation>Приёмник слушает %1</translation>
    </message>
    <message>
        <source>Receiver run by skladhook-cli serve (%1)</source>
        <translation>Приёмник запущен командой skladhook-cli serve (%1)</translation>
    </message>
    <message>
        <source>Receiver run by skladhook-cli serve (%1) on %2</source>
        <translation>Приёмник запущен командой skladhook-cli serve (%1) на %2</translation>
    </message>
    <message>
        <source>Receiver off: set the site URL</source>
        <translation>Приёмник выключен: укажите адрес сайта</translation>
    </message>
    <message>
        <source>Receiver off: no verification string yet</source>
        <translation>Приёмник выключен: проверочной строки ещё нет</translation>
    </message>
    <message>
        <source>Receiver off: %1</source>
        <translation>Приёмник выключен: %1</translation>
    </message>
    <message>
        <source>Receiver stopped</source>
        <translation>Приёмник остановлен</translation>
    </message>
    <message>
        <source>processing on hold: no API token</source>
        <translation>обработка приостановлена: нет токена API</translation>
    </message>
    <message>
        <source>processing paused</source>
        <translation>обработка приостановлена</translation>
    </message>
    <message>
        <source>processing on hold: MoySklad refused the API token, save a new one</source>
        <translation>обработка приостановлена: МойСклад отклонил токен API, сохраните новый</translation>
    </message>
    <message>
        <source>the previous verification string is accepted until %1 or until the hooks are updated</source>
        <translation>прежняя проверочная строка принимается до %1 или до обновления веб-хуков</translation>
    </message>
    <message>
        <source>the site URL is moving: deliveries to the previous one (%1) are accepted until %2 or until the hooks are updated</source>
        <translation>адрес сайта меняется: уведомления на прежний (%1) принимаются до %2 или до обновления веб-хуков</translation>
    </message>
    <message>
        <source>%1 was removed from MoySklad and has been created again</source>
        <translation>%1 был удалён в МойСклад и создан снова</translation>
    </message>
    <message>
        <source>%1 is missing from MoySklad</source>
        <translation>%1 отсутствует в МойСклад</translation>
    </message>
    <message>
        <source>%1 was disabled in MoySklad and has been enabled again</source>
        <translation>%1 был отключён в МойСклад и снова включён</translation>
    </message>
    <message>
        <source>%1 is disabled in MoySklad</source>
        <translation>%1 отключён в МойСклад</translation>
    </message>
    <message>
        <source>Webhook check at %1: %2.</source>
        <translation>Проверка веб-хуков в %1: %2.</translation>
    </message>
    <message>
        <source>Its changes are not delivered: apply the webhooks to repair it.</source>
        <translation>Изменения по нему не доставляются: примените веб-хуки, чтобы исправить это.</translation>
    </message>
    <message>
        <source>Changes made meanwhile arrive with the next catch-up.</source>
        <translation>Изменения за это время придут при следующей догоняющей синхронизации.</translation>
    </message>
    <message>
        <source>MoySklad unreachable since %1: tasks wait without spending attempts</source>
        <translation>МойСклад недоступен с %1: задачи ждут, не тратя попыток</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>a machine, its receiver</comment>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>%1 has no API token</source>
        <comment>a machine</comment>
        <translation>на %1 нет токена API</translation>
    </message>
    <message>
        <source>%1 has no verification string</source>
        <comment>a machine</comment>
        <translation>на %1 нет проверочной строки</translation>
    </message>
    <message>
        <source>Remote mode on %1: no service is running</source>
        <translation>Удалённый режим, %1: ни одна служба не работает</translation>
    </message>
    <message numerus="yes">
        <source>Remote mode on %1: %n service(s) (%2)</source>
        <translation>
            <numerusform>Удалённый режим, %1: %n служба (%2)</numerusform>
            <numerusform>Удалённый режим, %1: %n службы (%2)</numerusform>
            <numerusform>Удалённый режим, %1: %n служб (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>%1 must be one of: %2 (got &apos;%3&apos;)</source>
        <translation>%1 должно быть одним из: %2 (получено «%3»)</translation>
    </message>
    <message>
        <source>%1 must be a whole number from %2 to %3 (got &apos;%4&apos;)</source>
        <translation>%1 должно быть целым числом от %2 до %3 (получено «%4»)</translation>
    </message>
    <message>
        <source>api.url must be an absolute http(s) URL, e.g. https://api.moysklad.ru/api/remap/1.2 (got &apos;%1&apos;)</source>
        <translation>api.url должен быть полным адресом http(s), например https://api.moysklad.ru/api/remap/1.2 (получено «%1»)</translation>
    </message>
    <message>
        <source>receiver.listen must be ADDRESS:PORT, e.g. 127.0.0.1:8765 (got &apos;%1&apos;)</source>
        <translation>receiver.listen должен иметь вид АДРЕС:ПОРТ, например 127.0.0.1:8765 (получено «%1»)</translation>
    </message>
    <message>
        <source>receiver.listen %1 is reachable from other machines: set receiver.allowExternal on first if that is what you want (put a TLS proxy in front of it)</source>
        <translation>receiver.listen %1 доступен с других компьютеров: если так и задумано, сначала включите receiver.allowExternal (и поставьте перед ним прокси с TLS)</translation>
    </message>
    <message>
        <source>%1 = &apos;%2&apos; in %3 is not valid (%4): the default &apos;%5&apos; is used</source>
        <translation>%1 = «%2» в %3 недопустимо (%4): используется значение по умолчанию «%5»</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos;</source>
        <translation>неизвестная настройка «%1»</translation>
    </message>
    <message>
        <source>MoySklad API base URL</source>
        <translation>базовый адрес API МойСклад</translation>
    </message>
    <message>
        <source>public base URL of the shop that MoySklad&apos;s hooks point to</source>
        <translation>публичный адрес магазина, на который указывают веб-хуки МойСклад</translation>
    </message>
    <message>
        <source>payment exchange: full installs the paymentin and cashin hooks</source>
        <translation>обмен оплатами: full устанавливает веб-хуки paymentin и cashin</translation>
    </message>
    <message>
        <source>shipment exchange: full installs the demand hooks</source>
        <translation>обмен отгрузками: full устанавливает веб-хуки demand</translation>
    </message>
    <message>
        <source>order import: on installs customerorder/CREATE and lets new orders into the store</source>
        <translation>импорт заказов: on устанавливает customerorder/CREATE и пускает новые заказы в хранилище</translation>
    </message>
    <message>
        <source>address and port of the embedded receiver</source>
        <translation>адрес и порт встроенного приёмника</translation>
    </message>
    <message>
        <source>on lets the receiver listen on a non-loopback address</source>
        <translation>если включено, приёмник может принимать не только на локальном адресе (127.0.0.1), но и на внешнем</translation>
    </message>
    <message>
        <source>seconds between worker runs over the queue</source>
        <translation>секунды между проходами обработчика по очереди</translation>
    </message>
    <message>
        <source>attempts before a task is marked dead</source>
        <translation>попыток, после которых задача считается окончательно неудавшейся</translation>
    </message>
    <message>
        <source>days done tasks and log rows are kept</source>
        <translation>сколько дней хранятся выполненные задачи и строки журнала</translation>
    </message>
    <message>
        <source>where secrets live: keychain, or file (plaintext in the data directory, explicit opt-in)</source>
        <translation>где хранятся секреты: keychain (хранилище паролей) или file (открытым текстом в каталоге данных, только по явному выбору)</translation>
    </message>
    <message>
        <source>closing the window while the receiver runs: on keeps receiving in the system tray, off quits, ask asks once</source>
        <translation>закрытие окна при работающем приёмнике: on — приём продолжается в системном лотке, off — выход, ask — спросить один раз</translation>
    </message>
    <message>
        <source>language of the desktop app</source>
        <translation>язык приложения</translation>
    </message>
    <message>
        <source>on: processing is paused (queue pause/resume); deliveries are still received and queued</source>
        <translation>on: обработка приостановлена (queue pause/resume); уведомления по-прежнему принимаются и ставятся в очередь</translation>
    </message>
    <message>
        <source>hours a replaced verification string, or the path of a replaced site URL, is still accepted, unless every hook of ours carries the new one sooner (0: refused at once)</source>
        <translation>сколько часов ещё принимаются прежняя проверочная строка или путь прежнего адреса сайта, если веб-хуки модуля не получат новые раньше (0 — отклоняются сразу)</translation>
    </message>
    <message>
        <source>seconds between catch-up syncs with MoySklad while serving (0: only at start and on demand)</source>
        <translation>секунды между синхронизациями с МойСклад во время приёма (0 — только при запуске и по запросу)</translation>
    </message>
    <message>
        <source>seconds between checks that the hooks of ours are still enabled in MoySklad (5 or more)</source>
        <translation>секунды между проверками, что веб-хуки модуля всё ещё включены в МойСклад (не меньше 5)</translation>
    </message>
    <message>
        <source>on: a hook of ours found disabled or removed is enabled or created again by the service</source>
        <translation>on: выключенный или удалённый веб-хук модуля служба снова включает или создаёт</translation>
    </message>
    <message>
        <source>connections the receiver accepts at once from one address; behind a reverse proxy every request comes from the proxy&apos;s address (0: no limit)</source>
        <translation>одновременных подключений, которые приёмник принимает с одного адреса; за обратным прокси все запросы приходят с адреса прокси (0 — без ограничения)</translation>
    </message>
    <message>
        <source>the store %1</source>
        <translation>хранилище %1</translation>
    </message>
    <message>
        <source>the settings file %1</source>
        <translation>файл настроек %1</translation>
    </message>
    <message>
        <source>store.url: %1</source>
        <translation>store.url: %1</translation>
    </message>
    <message>
        <source>empty: the store is skladhook.db in the data directory; postgresql://user@host:port/dbname: a PostgreSQL database shared with the services of other machines (applies at the next start)</source>
        <translation>пусто: хранилище — skladhook.db в каталоге данных; postgresql://пользователь@хост:порт/база: база PostgreSQL, общая со службами на других компьютерах (применяется при следующем запуске)</translation>
    </message>
    <message>
        <source>the account&apos;s settings cannot be copied into %1</source>
        <translation>настройки аккаунта не удаётся скопировать в %1</translation>
    </message>
    <message>
        <source>%1 cannot be written</source>
        <translation>не удаётся записать %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Спрашивать</translation>
    </message>
    <message>
        <source>Keep receiving in the tray</source>
        <translation>Продолжать приём в трее</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Приёмник</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Обработка</translation>
    </message>
    <message>
        <source>Webhooks health</source>
        <translation>Состояние веб-хуков</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Окно программы</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Хранение</translation>
    </message>
    <message>
        <source>&amp;Listen on (address:port):</source>
        <translation>&amp;Адрес приёмника (адрес:порт):</translation>
    </message>
    <message>
        <source>Allow connections from other &amp;machines</source>
        <translation>Принимать соединения с других &amp;компьютеров</translation>
    </message>
    <message>
        <source>Connections from one a&amp;ddress at once:</source>
        <translation>Соединений с одного а&amp;дреса одновременно:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <source>Process the queue &amp;every:</source>
        <translation>Обрабатывать &amp;очередь каждые:</translation>
    </message>
    <message numerus="yes">
        <source> second(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> секунду</numerusform>
            <numerusform> секунды</numerusform>
            <numerusform> секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>A&amp;ttempts before a task is dead:</source>
        <translation>&amp;Число попыток до окончательной неудачи:</translation>
    </message>
    <message>
        <source>Catch-&amp;up sync every:</source>
        <translation>&amp;Синхронизация с МойСклад каждые:</translation>
    </message>
    <message>
        <source>Only at start and on demand</source>
        <translation>Только при запуске и по запросу</translation>
    </message>
    <message>
        <source>C&amp;heck the hooks every:</source>
        <translation>&amp;Проверять веб-хуки каждые:</translation>
    </message>
    <message>
        <source>&amp;Repair hooks found disabled or removed</source>
        <translation>&amp;Восстанавливать отключённые или удалённые веб-хуки</translation>
    </message>
    <message>
        <source>Accept the &amp;previous verification string for:</source>
        <translation>Принимать прежнюю проверочную строку &amp;ещё:</translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> час</numerusform>
            <numerusform> часа</numerusform>
            <numerusform> часов</numerusform>
        </translation>
    </message>
    <message>
        <source>Not at all</source>
        <translation>Не принимать</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>When the &amp;window is closed:</source>
        <translation>При &amp;закрытии окна:</translation>
    </message>
    <message>
        <source>&amp;Keep done tasks and log rows for:</source>
        <translation>&amp;Хранить выполненные задачи и журнал:</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <comment>after a number</comment>
        <translation>
            <numerusform> день</numerusform>
            <numerusform> дня</numerusform>
            <numerusform> дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared &amp;store (PostgreSQL):</source>
        <translation>О&amp;бщее хранилище (PostgreSQL):</translation>
    </message>
</context>
<context>
    <name>SetupAssistant</name>
    <message>
        <source>Enter both the login and the password to obtain a token.</source>
        <translation>Введите и логин, и пароль, чтобы получить токен.</translation>
    </message>
    <message>
        <source>A token is saved. Click Next to check what it opens.</source>
        <translation>Токен сохранён. Нажмите «Далее», чтобы проверить доступ.</translation>
    </message>
    <message>
        <source>No API token yet: go Back and enter a token, or obtain one with the login and password.</source>
        <translation>Токена API ещё нет: вернитесь назад и введите токен или получите его по логину и паролю.</translation>
    </message>
    <message>
        <source>Listing the webhooks of the account…</source>
        <translation>Загрузка списка веб-хуков аккаунта…</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad accepted the token and listed the webhooks: %n row(s) in the table, counting the hooks still to install.</source>
        <translation>
            <numerusform>МойСклад принял токен и вернул список веб-хуков: %n строка в таблице, включая веб-хуки, которые ещё предстоит установить.</numerusform>
            <numerusform>МойСклад принял токен и вернул список веб-хуков: %n строки в таблице, включая веб-хуки, которые ещё предстоит установить.</numerusform>
            <numerusform>МойСклад принял токен и вернул список веб-хуков: %n строк в таблице, включая веб-хуки, которые ещё предстоит установить.</numerusform>
        </translation>
    </message>
    <message>
        <source>MoySklad did not accept the token (401): it is mistyped, or it was revoked — obtaining a token with the password revokes the user&apos;s earlier ones. Go Back and paste a valid token, or obtain a new one.</source>
        <translation>МойСклад не принял токен (401): в нём опечатка, или он отозван — получение токена по паролю отзывает прежние токены пользователя. Вернитесь назад и вставьте действующий токен или получите новый.</translation>
    </message>
    <message>
        <source>MoySklad refused access (403): webhooks need a user who is an administrator of the account, and a tariff that includes the API. Use a token of an administrator (MoySklad: Settings → Users), or check the account&apos;s subscription in MoySklad.</source>
        <translation>МойСклад отказал в доступе (403): для веб-хуков нужен пользователь-администратор аккаунта и тариф с доступом к API. Используйте токен администратора (МойСклад: Настройки → Сотрудники) или проверьте подписку аккаунта в МойСклад.</translation>
    </message>
    <message>
        <source>MoySklad cannot be reached: check the internet connection, a proxy if one is needed, and the API URL on the Connection tab. Then click Check again.</source>
        <translation>МойСклад недоступен: проверьте подключение к интернету, прокси (если он нужен) и адрес API на вкладке «Подключение». Затем нажмите «Проверить снова».</translation>
    </message>
    <message>
        <source>MoySklad limits the request rate: wait a minute, then click Check again.</source>
        <translation>МойСклад ограничивает частоту запросов: подождите минуту и нажмите «Проверить снова».</translation>
    </message>
    <message>
        <source>MoySklad refused the request (402): the account&apos;s tariff or subscription does not allow the API. Renew or change it in MoySklad, then click Check again.</source>
        <translation>МойСклад отклонил запрос (402): тариф или подписка аккаунта не дают доступа к API. Продлите или смените их в МойСклад, затем нажмите «Проверить снова».</translation>
    </message>
    <message>
        <source>The check failed. Click Check again; if it keeps failing, see the Diagnostics tab.</source>
        <translation>Проверка не удалась. Нажмите «Проверить снова»; если ошибка повторяется, загляните на вкладку «Диагностика».</translation>
    </message>
    <message>
        <source>MoySklad said: %1</source>
        <translation>Ответ МойСклад: %1</translation>
    </message>
    <message>
        <source>Enter the address, for example https://shop.ru/skladhook/</source>
        <translation>Введите адрес, например https://shop.ru/skladhook/</translation>
    </message>
    <message>
        <source>%1 is an address of this computer or of the local network: MoySklad cannot reach it from the internet. Use the public address of the reverse proxy or the tunnel.</source>
        <translation>%1 — адрес этого компьютера или локальной сети: МойСклад не сможет обратиться к нему из интернета. Укажите публичный адрес обратного прокси или туннеля.</translation>
    </message>
    <message>
        <source>The site URL is not usable: %1. Enter the full address, beginning with https://.</source>
        <translation>Адрес сайта не подходит: %1. Введите полный адрес, начиная с https://.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет (none)</translation>
    </message>
    <message>
        <source>Full (paymentin and cashin hooks)</source>
        <translation>Полный (full: веб-хуки paymentin и cashin)</translation>
    </message>
    <message>
        <source>Full (demand hooks)</source>
        <translation>Полный (full: веб-хуки demand)</translation>
    </message>
    <message>
        <source>The account&apos;s webhooks are not listed yet: go Back to the check of access.</source>
        <translation>Список веб-хуков аккаунта ещё не получен: вернитесь к проверке доступа.</translation>
    </message>
    <message>
        <source>To write: %1 missing, %2 outdated, %3 disabled. Click Install the hooks.</source>
        <translation>Нужно изменить в МойСклад: отсутствующих — %1, устаревших — %2, отключённых — %3. Нажмите «Установить веб-хуки».</translation>
    </message>
    <message numerus="yes">
        <source>Every hook of the module is installed and up to date (%n hook(s)).</source>
        <translation>
            <numerusform>Все веб-хуки модуля установлены и актуальны (%n веб-хук).</numerusform>
            <numerusform>Все веб-хуки модуля установлены и актуальны (%n веб-хука).</numerusform>
            <numerusform>Все веб-хуки модуля установлены и актуальны (%n веб-хуков).</numerusform>
        </translation>
    </message>
    <message>
        <source>Installing the hooks…</source>
        <translation>Установка веб-хуков…</translation>
    </message>
    <message>
        <source>Sending a test delivery to every hook URL…</source>
        <translation>Отправка тестового уведомления на адрес каждого веб-хука…</translation>
    </message>
    <message>
        <source>Every hook URL reached SkladHook&apos;s receiver: MoySklad&apos;s deliveries will arrive.</source>
        <translation>Адрес каждого веб-хука дошёл до приёмника SkladHook: уведомления МойСклад будут приходить.</translation>
    </message>
    <message>
        <source>A test delivery did not reach the receiver: the failed step is shown in the test window. Check that the reverse proxy or the tunnel forwards the site URL to the receiver, and that SkladHook is receiving; then send again.</source>
        <translation>Тестовое уведомление не дошло до приёмника: неудавшийся шаг показан в окне проверки. Убедитесь, что обратный прокси или туннель передаёт адрес сайта приёмнику и что SkladHook ведёт приём, затем отправьте снова.</translation>
    </message>
    <message>
        <source>SkladHook setup assistant</source>
        <translation>Мастер настройки SkladHook</translation>
    </message>
    <message>
        <source>S&amp;kip this step (set it up later on the main window)</source>
        <translation>Пропустить этот &amp;шаг (настроить позже в главном окне)</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Токен API</translation>
    </message>
    <message>
        <source>SkladHook works with MoySklad through the JSON API, with the token of a user who may manage webhooks (an administrator). Paste a token created in MoySklad (Settings → Users → the user → Access tokens).</source>
        <translation>SkladHook работает с МойСклад через JSON API с токеном пользователя, которому разрешено управлять веб-хуками (администратора). Вставьте токен, созданный в МойСклад (Настройки → Сотрудники → сотрудник → Токены доступа).</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>&amp;Токен API:</translation>
    </message>
    <message>
        <source>Or obtain a token with the user&apos;s login and password:</source>
        <translation>Или получите токен по логину и паролю пользователя:</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Obtain token…</source>
        <translation>Пол&amp;учить токен…</translation>
    </message>
    <message>
        <source>Warning: obtaining a token with the password revokes this user&apos;s other tokens; programs that use them stop working until they get the new one.</source>
        <translation>Внимание: получение токена по паролю отзывает остальные токены этого пользователя; программы, которые ими пользуются, перестанут работать, пока не получат новый.</translation>
    </message>
    <message>
        <source>Check of access</source>
        <translation>Проверка доступа</translation>
    </message>
    <message>
        <source>SkladHook lists the account&apos;s webhooks with the token: this shows that the token is valid, that the user may manage webhooks and that the tariff allows the API.</source>
        <translation>SkladHook запрашивает с этим токеном список веб-хуков аккаунта: так видно, что токен действует, пользователю разрешено управлять веб-хуками, а тариф допускает работу с API.</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Проверить снова</translation>
    </message>
    <message>
        <source>Site URL</source>
        <translation>Адрес сайта</translation>
    </message>
    <message>
        <source>MoySklad sends the webhooks to this address, so it must be reachable from the internet: MoySklad&apos;s servers connect to it, not this computer. Forward it to SkladHook&apos;s receiver (listening on %1) with a reverse proxy on the web server (nginx, Apache) or with a tunnel (cloudflared, ngrok).</source>
        <translation>МойСклад отправляет веб-хуки на этот адрес, поэтому он должен быть доступен из интернета: к нему подключаются серверы МойСклад, а не этот компьютер. Перенаправьте его на приёмник SkladHook (слушает %1) обратным прокси на веб-сервере (nginx, Apache) или туннелем (cloudflared, ngrok).</translation>
    </message>
    <message>
        <source>Site &amp;URL:</source>
        <translation>Адрес &amp;сайта:</translation>
    </message>
    <message>
        <source>Exchange settings</source>
        <translation>Настройки обмена</translation>
    </message>
    <message>
        <source>customerorder/UPDATE is always installed: it passes the changes of orders from MoySklad to the site. Choose what else is exchanged; each choice adds its hooks.</source>
        <translation>Веб-хук customerorder/UPDATE устанавливается всегда: он передаёт изменения заказов из МойСклад на сайт. Выберите, чем ещё обмениваться; каждый выбор добавляет свои веб-хуки.</translation>
    </message>
    <message>
        <source>&amp;Import orders from MoySklad (customerorder/CREATE)</source>
        <translation>&amp;Импорт заказов из МойСклад (customerorder/CREATE)</translation>
    </message>
    <message>
        <source>&amp;Payments:</source>
        <translation>Обмен &amp;оплатами:</translation>
    </message>
    <message>
        <source>S&amp;hipments:</source>
        <translation>Обмен отг&amp;рузками:</translation>
    </message>
    <message>
        <source>Install the hooks</source>
        <translation>Установка веб-хуков</translation>
    </message>
    <message>
        <source>SkladHook creates the module&apos;s hooks in MoySklad, pointing at the site URL with the verification string; other applications&apos; hooks are not touched.</source>
        <translation>SkladHook создаёт веб-хуки модуля в МойСклад с адресом сайта и проверочной строкой; веб-хуки других приложений не затрагиваются.</translation>
    </message>
    <message>
        <source>&amp;Install the hooks</source>
        <translation>&amp;Установить веб-хуки</translation>
    </message>
    <message>
        <source>Test delivery</source>
        <translation>Тестовое уведомление</translation>
    </message>
    <message>
        <source>SkladHook sends a delivery shaped like MoySklad&apos;s to every hook URL, through the reverse proxy or the tunnel, and shows each step. It never creates a task.</source>
        <translation>SkladHook отправляет на адрес каждого веб-хука уведомление в формате МойСклад — через обратный прокси или туннель — и показывает каждый шаг. Задачи при этом не создаются.</translation>
    </message>
    <message>
        <source>Send a test &amp;delivery</source>
        <translation>Отправить &amp;тестовое уведомление</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad. If it issued a token meanwhile, the token is saved and shown here; otherwise obtain one again, or paste a token.</source>
        <translation>Ожидание ответа МойСклад прекращено. Если он успел выдать токен, токен сохранён и показан здесь; иначе получите токен ещё раз или вставьте готовый.</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad: the access is not checked. Click Check again when the connection is better, or skip this step.</source>
        <translation>Ожидание ответа МойСклад прекращено: доступ не проверен. Нажмите «Проверить снова», когда связь наладится, или пропустите этот шаг.</translation>
    </message>
    <message>
        <source>Stopped waiting for MoySklad: hooks already sent may be installed. Click Install the hooks: the account&apos;s hooks are read again first, so none is installed twice.</source>
        <translation>Ожидание ответа МойСклад прекращено: уже отправленные веб-хуки могут быть установлены. Нажмите «Установить веб-хуки»: сначала список веб-хуков аккаунта будет прочитан заново, так что ни один не установится дважды.</translation>
    </message>
    <message>
        <source>Reading the account&apos;s hooks again, since the last install was stopped…</source>
        <translation>Список веб-хуков аккаунта читается заново, так как прошлая установка была прервана…</translation>
    </message>
    <message>
        <source>The test delivery was stopped before it ended. Send it again, or skip this step.</source>
        <translation>Тестовое уведомление остановлено до завершения. Отправьте его ещё раз или пропустите этот шаг.</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Назад</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Далее &gt;</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Готово</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ShopDocumentModel</name>
    <message>
        <source>Bank payment</source>
        <translation>Входящий платёж</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>Приходный ордер</translation>
    </message>
    <message>
        <source>Deleted in MoySklad</source>
        <translation>Удалён в МойСклад</translation>
    </message>
    <message>
        <source>MoySklad gave no sum that can be money</source>
        <translation>МойСклад передал сумму, которая не может быть денежной</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>Контрагент</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Отгружено</translation>
    </message>
</context>
<context>
    <name>ShopTab</name>
    <message>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Платежи</translation>
    </message>
    <message>
        <source>Shipments</source>
        <translation>Отгрузки</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>The shop store cannot be read: %1</source>
        <translation>Не удаётся прочитать данные магазина: %1</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Поиск:</translation>
    </message>
    <message>
        <source>Number or counterparty</source>
        <translation>Номер или контрагент</translation>
    </message>
    <message>
        <source>Search by number or counterparty</source>
        <translation>Поиск по номеру или контрагенту</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>Payment type</source>
        <translation>Тип платежа</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Show &amp;deleted</source>
        <translation>Показывать &amp;удалённые</translation>
    </message>
    <message>
        <source>Documents deleted in MoySklad, struck out</source>
        <translation>Документы, удалённые в МойСклад, зачёркнутыми</translation>
    </message>
    <message>
        <source>Open in MoySklad</source>
        <translation>Открыть в МойСклад</translation>
    </message>
    <message>
        <source>Nothing matches the search or the filter.</source>
        <translation>Ничего не найдено по поиску или фильтру.</translation>
    </message>
    <message>
        <source>No orders yet. They appear when MoySklad sends a change of one (new orders only with order import on) and after a catch-up sync.</source>
        <translation>Заказов пока нет. Они появляются, когда МойСклад присылает изменение заказа (новые заказы — только при включённом импорте заказов), и после синхронизации.</translation>
    </message>
    <message>
        <source>No payments yet. They appear with payment exchange set to full, when MoySklad sends one and after a catch-up sync.</source>
        <translation>Платежей пока нет. Они появляются при полном обмене платежами, когда МойСклад присылает платёж, и после синхронизации.</translation>
    </message>
    <message>
        <source>No shipments yet. They appear with shipment exchange set to full, when MoySklad sends one and after a catch-up sync.</source>
        <translation>Отгрузок пока нет. Они появляются при полном обмене отгрузками, когда МойСклад присылает отгрузку, и после синхронизации.</translation>
    </message>
</context>
<context>
    <name>StatusIndicator</name>
    <message numerus="yes">
        <source>Queue: %n waiting</source>
        <translation>
            <numerusform>Очередь: ждёт %n</numerusform>
            <numerusform>Очередь: ждут %n</numerusform>
            <numerusform>Очередь: ждут %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dead</source>
        <translation>
            <numerusform>%n не удалась</numerusform>
            <numerusform>%n не удались</numerusform>
            <numerusform>%n не удались</numerusform>
        </translation>
    </message>
    <message>
        <source>Service status</source>
        <translation>Состояние службы</translation>
    </message>
    <message>
        <source>Needs attention: %1</source>
        <translation>Требует внимания: %1</translation>
    </message>
</context>
<context>
    <name>StoreProblemPrompt</name>
    <message>
        <source>SkladHook cannot open its database</source>
        <translation>SkladHook не может открыть свою базу данных</translation>
    </message>
    <message>
        <source>%1 is not a SkladHook database: it is damaged or was cut short.</source>
        <translation>%1 не является базой данных SkladHook: файл повреждён или обрезан.</translation>
    </message>
    <message>
        <source>%1 is damaged: the integrity check found errors.</source>
        <translation>%1 повреждена: проверка целостности нашла ошибки.</translation>
    </message>
    <message>
        <source>%1 belongs to another program.</source>
        <translation>%1 принадлежит другой программе.</translation>
    </message>
    <message>
        <source>%1 was written by a newer version of SkladHook. Install that version, or restore a backup made by this one (skladhook-cli restore FILE).</source>
        <translation>%1 записана более новой версией SkladHook. Установите эту версию или восстановите резервную копию, сделанную этой (skladhook-cli restore FILE).</translation>
    </message>
    <message>
        <source>%1 cannot be opened.</source>
        <translation>%1 не удаётся открыть.</translation>
    </message>
    <message numerus="yes">
        <source>Move it aside and start with a fresh database? The file is kept under a new name, never deleted. A catch-up sync then fetches the documents of the last %n day(s) from MoySklad again.</source>
        <translation>
            <numerusform>Отложить её и начать с новой базы данных? Файл сохранится под новым именем и не будет удалён. Затем синхронизация заново загрузит из МойСклад документы за последний %n день.</numerusform>
            <numerusform>Отложить её и начать с новой базы данных? Файл сохранится под новым именем и не будет удалён. Затем синхронизация заново загрузит из МойСклад документы за последние %n дня.</numerusform>
            <numerusform>Отложить её и начать с новой базы данных? Файл сохранится под новым именем и не будет удалён. Затем синхронизация заново загрузит из МойСклад документы за последние %n дней.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move aside and start afresh</source>
        <translation>&amp;Отложить и начать заново</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Catch-up with MoySklad</source>
        <translation>Синхронизация с МойСклад</translation>
    </message>
    <message>
        <source>Every change MoySklad made up to this moment is in the shop store, whether its delivery arrived or not</source>
        <translation>Все изменения МойСклад до этого момента есть в хранилище магазина, дошло уведомление о них или нет</translation>
    </message>
    <message>
        <source>Store complete up to:</source>
        <translation>Все изменения загружены по:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Последняя синхронизация:</translation>
    </message>
    <message>
        <source>Next sync:</source>
        <translation>Следующая синхронизация:</translation>
    </message>
    <message>
        <source>Last comparison:</source>
        <translation>Последняя сверка:</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Fetch what MoySklad changed since the store was last complete</source>
        <translation>Загрузить то, что изменилось в МойСклад после момента, по который все изменения уже загружены</translation>
    </message>
    <message>
        <source>Sync s&amp;ince…</source>
        <translation>Синхронизировать с &amp;даты…</translation>
    </message>
    <message>
        <source>Fetch every document changed since a moment you choose, older ones included</source>
        <translation>Загрузить все документы, изменённые после выбранного момента, включая более старые</translation>
    </message>
    <message>
        <source>&amp;Compare with MoySklad</source>
        <translation>С&amp;верить с МойСклад</translation>
    </message>
    <message>
        <source>List every handled document in MoySklad and compare it with the shop store: missing, outdated, or deleted in MoySklad but not here</source>
        <translation>Получить список всех обрабатываемых документов МойСклад и сравнить с хранилищем магазина: отсутствующие, устаревшие и удалённые в МойСклад, но не здесь</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>unknown (no database yet)</source>
        <translation>неизвестно (базы данных ещё нет)</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>синхронизации ещё не было</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>%1: %2 fetched, %3 applied, %4 marked deleted</source>
        <translation>%1: получено %2, применено %3, помечено удалёнными %4</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1: ошибка — %2</translation>
    </message>
    <message>
        <source>running now</source>
        <translation>выполняется сейчас</translation>
    </message>
    <message>
        <source>at the next start of the service, or when you ask</source>
        <translation>при следующем запуске службы или по запросу</translation>
    </message>
    <message>
        <source>Sync since…</source>
        <translation>Синхронизировать с…</translation>
    </message>
    <message>
        <source>Fetch every order, payment and shipment MoySklad changed since (this computer&apos;s time):</source>
        <translation>Загрузить все заказы, платежи и отгрузки, изменённые в МойСклад после (время этого компьютера):</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 fetched, %n page(s) left</source>
        <translation>
            <numerusform>%1: получено %2, осталась %n страница</numerusform>
            <numerusform>%1: получено %2, осталось %n страницы</numerusform>
            <numerusform>%1: получено %2, осталось %n страниц</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync done: %1 fetched, %2 applied, %3 marked deleted, %4 requests</source>
        <translation>Синхронизация завершена: получено %1, применено %2, помечено удалёнными %3, запросов %4</translation>
    </message>
    <message>
        <source>MoySklad refused the API token: save a working one on the Connection tab</source>
        <translation>МойСклад отклонил токен API: сохраните рабочий токен на вкладке «Подключение»</translation>
    </message>
    <message>
        <source>Sync stopped: %1. What was applied stays; run it again.</source>
        <translation>Синхронизация прервана: %1. Применённое сохранено; запустите её снова.</translation>
    </message>
    <message>
        <source>No API token: save one on the Connection tab first</source>
        <translation>Нет токена API: сначала сохраните его на вкладке «Подключение»</translation>
    </message>
    <message>
        <source>Comparing %1: %2 of %3 listed</source>
        <translation>Сверка %1: получено %2 из %3</translation>
    </message>
    <message>
        <source>Comparing with MoySklad…</source>
        <translation>Сверка с МойСклад…</translation>
    </message>
    <message>
        <source>The comparison stopped: %1</source>
        <translation>Сверка прервана: %1</translation>
    </message>
    <message>
        <source>The store matches MoySklad</source>
        <translation>Хранилище совпадает с МойСклад</translation>
    </message>
    <message>
        <source>The store differs from MoySklad (see the last comparison)</source>
        <translation>Хранилище расходится с МойСклад (см. последнюю сверку)</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Fetch the %n differing document(s)</source>
        <translation>
            <numerusform>&amp;Загрузить %n расходящийся документ</numerusform>
            <numerusform>&amp;Загрузить %n расходящихся документа</numerusform>
            <numerusform>&amp;Загрузить %n расходящихся документов</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>не выполнялась</translation>
    </message>
    <message>
        <source>%1: %2 missing, %3 outdated, %4 deleted in MoySklad</source>
        <translation>%1: отсутствует %2, устарело %3, удалено в МойСклад %4</translation>
    </message>
    <message>
        <source>%1: the store matches MoySklad</source>
        <translation>%1: хранилище совпадает с МойСклад</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) queued: the worker fetches them at its next run (see the queue below)</source>
        <translation>
            <numerusform>%n документ поставлен в очередь: обработчик загрузит его при следующем запуске (см. очередь ниже)</numerusform>
            <numerusform>%n документа поставлены в очередь: обработчик загрузит их при следующем запуске (см. очередь ниже)</numerusform>
            <numerusform>%n документов поставлено в очередь: обработчик загрузит их при следующем запуске (см. очередь ниже)</numerusform>
        </translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <source>Stop the sync or the comparison: what was applied stays</source>
        <translation>Остановить синхронизацию или сравнение: применённое сохраняется</translation>
    </message>
    <message>
        <source>%1: stopped by the user</source>
        <translation>%1: остановлено пользователем</translation>
    </message>
    <message>
        <source>Sync stopped: what was fetched so far is applied, and the next sync starts where this one stopped.</source>
        <translation>Синхронизация остановлена: полученное к этому моменту применено, следующая синхронизация начнётся с места остановки.</translation>
    </message>
    <message>
        <source>Comparison stopped before it ended: nothing was changed. Compare again to see the differences.</source>
        <translation>Сравнение остановлено до завершения: ничего не изменено. Запустите сравнение снова, чтобы увидеть расхождения.</translation>
    </message>
</context>
<context>
    <name>TaskListModel</name>
    <message>
        <source>Pending</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Не удалась</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Hook</source>
        <translation>Веб-хук</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Изменена</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Применено</translation>
    </message>
    <message>
        <source>Marked deleted</source>
        <translation>Отмечено удалённым</translation>
    </message>
    <message>
        <source>Gone from MoySklad</source>
        <translation>Удалён в МойСклад</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Выполнено: %1</translation>
    </message>
    <message>
        <source>MoySklad no longer has this document (it was deleted there): the shop store marks it deleted</source>
        <translation>В МойСклад этого документа больше нет (он там удалён): в магазине он отмечен удалённым</translation>
    </message>
</context>
<context>
    <name>TestDelivery</name>
    <message>
        <source>the verification string in the URL is not the one the receiver expects (site.secret): apply the hooks again, or the proxy rewrites the query</source>
        <translation>проверочная строка в адресе не та, которую ждёт приёмник (site.secret): примените веб-хуки ещё раз, либо прокси меняет строку запроса</translation>
    </message>
    <message>
        <source>the path does not reach the receiver: check the proxy&apos;s location and site.url&apos;s path</source>
        <translation>путь не доходит до приёмника: проверьте location в прокси и путь в site.url</translation>
    </message>
    <message>
        <source>POST is refused on the way (a proxy rule)</source>
        <translation>POST отклонён по пути (правило прокси)</translation>
    </message>
    <message>
        <source>the body was refused as too large on the way</source>
        <translation>тело запроса отклонено по пути как слишком большое</translation>
    </message>
    <message>
        <source>the proxy answered but could not reach the receiver: is it running (skladhook-cli serve or the desktop app) and does proxy_pass match receiver.listen?</source>
        <translation>прокси ответил, но не смог связаться с приёмником: запущен ли он (skladhook-cli serve или настольное приложение) и совпадает ли proxy_pass с receiver.listen?</translation>
    </message>
    <message>
        <source>MoySklad does not follow redirects: the hook URL must reach the receiver directly (is site.url http where the server redirects to https?)</source>
        <translation>МойСклад не следует перенаправлениям: адрес веб-хука должен вести прямо к приёмнику (не указан ли в site.url http, когда сервер перенаправляет на https?)</translation>
    </message>
    <message>
        <source>No verification string (site.secret) yet: the hook URLs cannot be built</source>
        <translation>Проверочной строки (site.secret) ещё нет: адреса веб-хуков не построить</translation>
    </message>
    <message>
        <source>skipped: the %1 step failed</source>
        <translation>пропущено: не удался шаг %1</translation>
    </message>
    <message>
        <source>the name resolver gave no answer for %1 within %2 s</source>
        <translation>служба имён не ответила для %1 за %2 с</translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation>не удалось определить адрес %1: %2</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>соединение с %1 установлено</translation>
    </message>
    <message>
        <source>connection refused to %1</source>
        <translation>%1 отказал в соединении</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s (a firewall may drop the connection)</source>
        <translation>%1 не ответил за %2 с (соединение может отбрасывать межсетевой экран)</translation>
    </message>
    <message>
        <source>TLS is not available in this build of Qt (no TLS backend)</source>
        <translation>TLS недоступен в этой сборке Qt (нет модуля TLS)</translation>
    </message>
    <message>
        <source>%1, certificate for %2 issued by %3, valid until %4</source>
        <translation>%1, сертификат для %2 выдан %3, действует до %4</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>не удалось установить TLS-соединение с %1: %2</translation>
    </message>
    <message>
        <source>the certificate of %1 is not accepted: %2</source>
        <translation>сертификат %1 не принят: %2</translation>
    </message>
    <message>
        <source>no TLS handshake with %1 within %2 s</source>
        <translation>TLS-соединение с %1 не установлено за %2 с</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>нет ответа за %1 с</translation>
    </message>
    <message>
        <source>no HTTP answer: %1</source>
        <translation>нет HTTP-ответа: %1</translation>
    </message>
    <message>
        <source>%1 %2 in %3 ms</source>
        <translation>%1 %2 за %3 мс</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <source>%1: MoySklad waits at most %2 ms and would count it as failed</source>
        <translation>%1: МойСклад ждёт не более %2 мс и счёл бы уведомление недоставленным</translation>
    </message>
    <message>
        <source>recorded by this data directory&apos;s receiver: %1</source>
        <translation>записано приёмником этого каталога данных: %1</translation>
    </message>
    <message>
        <source>answered, but this data directory&apos;s receiver did not record it within %1 s: the URL reaches another server or another data directory&apos;s receiver%2</source>
        <translation>ответ получен, но приёмник этого каталога данных не записал уведомление за %1 с: адрес ведёт на другой сервер или к приёмнику другого каталога данных%2</translation>
    </message>
    <message>
        <source> (the log could not be read: %1)</source>
        <translation> (журнал не прочитан: %1)</translation>
    </message>
</context>
<context>
    <name>TestDeliveryDialog</name>
    <message>
        <source>Name resolution</source>
        <translation>Поиск адреса (DNS)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>Согласование TLS</translation>
    </message>
    <message>
        <source>HTTP answer</source>
        <translation>Ответ HTTP</translation>
    </message>
    <message>
        <source>Recorded by the receiver</source>
        <translation>Записано приёмником</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Успешно</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Not tried: an earlier step failed</source>
        <translation>Не выполнялось: ошибка на предыдущем шаге</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Sending a test delivery to each hook URL, as MoySklad would. It never creates a task and never reaches MoySklad…</source>
        <translation>Отправка тестового уведомления на каждый адрес веб-хука так, как это делает МойСклад. Задачи не создаются, к МойСклад запросов нет…</translation>
    </message>
    <message>
        <source>Cannot send a test delivery: %1</source>
        <translation>Не удаётся отправить тестовое уведомление: %1</translation>
    </message>
    <message>
        <source>Every hook URL reached the receiver and was recorded: the way from MoySklad to this computer works. No task was created.</source>
        <translation>Все адреса веб-хуков дошли до приёмника и записаны: путь от МойСклад до этого компьютера работает. Задачи не созданы.</translation>
    </message>
    <message>
        <source>%1 of %2 hook URL(s) failed: the first step marked Failed says where the way breaks.</source>
        <translation>Не дошли тестовые уведомления: %1 из %2. Первый шаг с пометкой «Ошибка» показывает, где прерывается путь.</translation>
    </message>
    <message>
        <source>Test delivery</source>
        <translation>Тестовое уведомление</translation>
    </message>
    <message>
        <source>Hook / step</source>
        <translation>Веб-хук / шаг</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>Отправить &amp;ещё раз</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>The test delivery was stopped before it ended: the steps shown are those that finished. Click Send again to try the whole way.</source>
        <translation>Тестовое уведомление остановлено до завершения: показаны только завершённые шаги. Нажмите «Отправить ещё раз», чтобы проверить весь путь.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Остановить</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show SkladHook</source>
        <translation>Показать SkladHook</translation>
    </message>
    <message>
        <source>Quit (stops the receiver)</source>
        <translation>Выход (останавливает приёмник)</translation>
    </message>
    <message>
        <source>%1
Queue: %2 waiting, %3 dead</source>
        <translation>%1
Очередь: ожидают — %2, не удались — %3</translation>
    </message>
    <message>
        <source>Tasks failed for good</source>
        <translation>Задачи окончательно не удались</translation>
    </message>
    <message>
        <source>Webhooks disabled by MoySklad</source>
        <translation>МойСклад отключил веб-хуки</translation>
    </message>
    <message numerus="yes">
        <source>MoySklad disabled %n webhook(s) of ours. Apply the settings to enable them again.</source>
        <translation>
            <numerusform>МойСклад отключил %n наш веб-хук. Примените настройки, чтобы снова его включить.</numerusform>
            <numerusform>МойСклад отключил %n наших веб-хука. Примените настройки, чтобы снова их включить.</numerusform>
            <numerusform>МойСклад отключил %n наших веб-хуков. Примените настройки, чтобы снова их включить.</numerusform>
        </translation>
    </message>
    <message>
        <source>SkladHook keeps running</source>
        <translation>SkladHook продолжает работать</translation>
    </message>
    <message>
        <source>The receiver and the worker go on in the background. Quit from the tray menu.</source>
        <translation>Приёмник и обработчик продолжают работать в фоне. Выйти можно из меню в области уведомлений.</translation>
    </message>
    <message>
        <source>MoySklad refused the API token</source>
        <translation>МойСклад отклонил токен API</translation>
    </message>
    <message>
        <source>Processing waits and no task loses an attempt. Save a working token on the Connection tab (a login with the password elsewhere revokes the earlier tokens).</source>
        <translation>Обработка ждёт, ни одна задача не теряет попыток. Сохраните рабочий токен на вкладке «Подключение» (вход по логину и паролю в другом месте отзывает прежние токены).</translation>
    </message>
    <message>
        <source>Webhooks of ours are off</source>
        <translation>Наши веб-хуки не работают</translation>
    </message>
    <message>
        <source>Webhooks of ours were repaired</source>
        <translation>Наши веб-хуки восстановлены</translation>
    </message>
    <message>
        <source>Queue: %1 waiting, %2 dead</source>
        <translation>Очередь: ожидают — %1, не удались — %2</translation>
    </message>
    <message numerus="yes">
        <source>Show %n dead task(s)…</source>
        <translation>
            <numerusform>Показать %n неудавшуюся задачу…</numerusform>
            <numerusform>Показать %n неудавшиеся задачи…</numerusform>
            <numerusform>Показать %n неудавшихся задач…</numerusform>
        </translation>
    </message>
    <message>
        <source>Retry the dead tasks</source>
        <translation>Повторить неудавшиеся задачи</translation>
    </message>
    <message>
        <source>Webhooks of ours are off: open the Webhooks tab…</source>
        <translation>Наши веб-хуки не работают: открыть вкладку «Веб-хуки»…</translation>
    </message>
    <message>
        <source>MoySklad refused the API token: save a new one…</source>
        <translation>МойСклад отклонил токен API: сохранить новый…</translation>
    </message>
    <message>
        <source>Resume processing</source>
        <translation>Возобновить обработку</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) went dead after all retries. Click to see them in the queue.</source>
        <translation>
            <numerusform>%n задачу не удалось выполнить после всех повторов. Нажмите, чтобы увидеть её в очереди.</numerusform>
            <numerusform>%n задачи не удалось выполнить после всех повторов. Нажмите, чтобы увидеть их в очереди.</numerusform>
            <numerusform>%n задач не удалось выполнить после всех повторов. Нажмите, чтобы увидеть их в очереди.</numerusform>
        </translation>
    </message>
    <message>
        <source>Processing is paused</source>
        <translation>Обработка приостановлена</translation>
    </message>
    <message>
        <source>Deliveries are received and queued, but not processed. Click to resume processing.</source>
        <translation>Уведомления принимаются и ставятся в очередь, но не обрабатываются. Нажмите, чтобы возобновить обработку.</translation>
    </message>
    <message>
        <source>MoySklad is unreachable</source>
        <translation>МойСклад недоступен</translation>
    </message>
    <message>
        <source>Since %1. Deliveries are still received and queued; tasks wait without spending attempts, and processing resumes by itself once MoySklad answers.</source>
        <translation>С %1. Доставки по-прежнему принимаются и ставятся в очередь; задачи ждут, не тратя попыток, и обработка возобновится сама, как только МойСклад ответит.</translation>
    </message>
    <message>
        <source>MoySklad answers again</source>
        <translation>МойСклад снова отвечает</translation>
    </message>
    <message>
        <source>The waiting tasks are being processed.</source>
        <translation>Ожидавшие задачи обрабатываются.</translation>
    </message>
</context>
<context>
    <name>WebhookController</name>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password, on the Connection tab.</source>
        <translation>Токена API пока нет: введите токен или получите его по логину и паролю на вкладке «Подключение».</translation>
    </message>
    <message>
        <source>Could not list the webhooks</source>
        <translation>Не удалось получить список веб-хуков</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) in the account.</source>
        <translation>
            <numerusform>В аккаунте %n веб-хук.</numerusform>
            <numerusform>В аккаунте %n веб-хука.</numerusform>
            <numerusform>В аккаунте %n веб-хуков.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Set the site URL on the Connection tab so that SkladHook can tell its own hooks.</source>
        <translation>%1 Укажите адрес сайта на вкладке «Подключение», чтобы SkladHook мог отличить свои веб-хуки.</translation>
    </message>
    <message>
        <source>Set the site URL (Connection tab) first: the hooks point to it.</source>
        <translation>Сначала укажите адрес сайта (вкладка «Подключение»): веб-хуки указывают на него.</translation>
    </message>
    <message>
        <source>The verification string is not available: set or generate one on the Connection tab.</source>
        <translation>Проверочной строки нет: введите или сгенерируйте её на вкладке «Подключение».</translation>
    </message>
    <message>
        <source>A hook URL would be too long for MoySklad: %1</source>
        <translation>Адрес веб-хука получится слишком длинным для МойСклад: %1</translation>
    </message>
    <message>
        <source>Click Refresh first, so that SkladHook knows the account&apos;s hooks.</source>
        <translation>Сначала нажмите «Обновить список», чтобы SkladHook узнал веб-хуки аккаунта.</translation>
    </message>
    <message>
        <source>Nothing to write: the webhooks are already as they should be.</source>
        <translation>Изменять нечего: веб-хуки уже в нужном состоянии.</translation>
    </message>
    <message>
        <source>MoySklad refused the change: %1</source>
        <translation>МойСклад отклонил изменение: %1</translation>
    </message>
    <message>
        <source>MoySklad said: %1</source>
        <translation>Ответ МойСклад: %1</translation>
    </message>
    <message>
        <source>Done: %1 created, %2 updated, %3 enabled.</source>
        <translation>Готово: создано — %1, обновлено — %2, включено — %3.</translation>
    </message>
    <message>
        <source>No API token yet: enter a token, or obtain one with your login and password.</source>
        <translation>Токена API пока нет: введите токен или получите его по логину и паролю.</translation>
    </message>
    <message>
        <source>The connection check failed</source>
        <translation>Проверка подключения не удалась</translation>
    </message>
    <message>
        <source>the token&apos;s user</source>
        <translation>владелец токена</translation>
    </message>
    <message>
        <source>Connected to MoySklad as %1; this user may manage webhooks.</source>
        <translation>Подключено к МойСклад как %1; этот пользователь может управлять веб-хуками.</translation>
    </message>
    <message>
        <source>Connected as %1, but this user may not manage webhooks: %2</source>
        <translation>Подключено как %1, но этот пользователь не может управлять веб-хуками: %2</translation>
    </message>
    <message>
        <source>Enter both the login and the password to obtain a token.</source>
        <translation>Чтобы получить токен, введите и логин, и пароль.</translation>
    </message>
    <message>
        <source>Could not obtain a token</source>
        <translation>Не удалось получить токен</translation>
    </message>
    <message>
        <source>A new API token was obtained and saved; earlier tokens of this user no longer work.</source>
        <translation>Новый токен API получен и сохранён; прежние токены этого пользователя больше не действуют.</translation>
    </message>
    <message>
        <source>Check the network connection and the API URL.</source>
        <translation>Проверьте подключение к сети и адрес API.</translation>
    </message>
    <message>
        <source>The token or the login and password are wrong: enter a valid token or obtain a new one.</source>
        <translation>Неверный токен или логин и пароль: введите действующий токен или получите новый.</translation>
    </message>
    <message>
        <source>This user lacks the rights: webhooks need an administrator of the account.</source>
        <translation>У пользователя недостаточно прав: для веб-хуков нужен администратор аккаунта.</translation>
    </message>
    <message>
        <source>MoySklad limits the request rate: try again in a minute.</source>
        <translation>МойСклад ограничивает частоту запросов: повторите через минуту.</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) deleted.</source>
        <translation>
            <numerusform>Удалён %n веб-хук.</numerusform>
            <numerusform>Удалены %n веб-хука.</numerusform>
            <numerusform>Удалено %n веб-хуков.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) are outdated: tick Update on them (or Tick all outdated), then Apply.</source>
        <translation>
            <numerusform>%n веб-хук устарел: отметьте у него «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
            <numerusform>%n веб-хука устарели: отметьте у них «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
            <numerusform>%n веб-хуков устарели: отметьте у них «Обновить» (или нажмите «Отметить все устаревшие»), затем «Применить».</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: SkladHook no longer waits for MoySklad&apos;s answer. A change already sent may still be made; Refresh shows the account as it is.</source>
        <translation>Отменено: SkladHook больше не ждёт ответа МойСклад. Уже отправленное изменение всё же может быть выполнено; «Обновить список» покажет учётную запись как есть.</translation>
    </message>
</context>
<context>
    <name>WebhookTableModel</name>
    <message>
        <source>Run immediately</source>
        <translation>Выполнять моментально</translation>
    </message>
    <message>
        <source>Run later in the queue</source>
        <translation>Выполнять отложенно в очереди</translation>
    </message>
    <message>
        <source>First item immediately, the rest in the queue</source>
        <translation>Первый элемент моментально, остальные в очереди</translation>
    </message>
    <message>
        <source>In sync</source>
        <translation>Актуален</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Отсутствует</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Устарел</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Отключён</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Не нужен</translation>
    </message>
    <message>
        <source>Foreign</source>
        <translation>Чужой</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>Наш</translation>
    </message>
    <message>
        <source>Other application</source>
        <translation>Другое приложение</translation>
    </message>
    <message>
        <source>Created by another application (%1). SkladHook shows it and never changes it.</source>
        <translation>Создан другим приложением (%1). SkladHook показывает его и никогда не изменяет.</translation>
    </message>
    <message>
        <source>Points to another site or application. SkladHook shows it and never changes it.</source>
        <translation>Указывает на другой сайт или приложение. SkladHook показывает его и никогда не изменяет.</translation>
    </message>
    <message>
        <source>Will become: %1</source>
        <translation>Станет: %1</translation>
    </message>
    <message>
        <source>The hook is installed and up to date.</source>
        <translation>Веб-хук установлен и актуален.</translation>
    </message>
    <message>
        <source>Not installed yet: Apply or Install missing hooks creates it.</source>
        <translation>Ещё не установлен: его создаст «Применить» или «Создать недостающие веб-хуки».</translation>
    </message>
    <message>
        <source>MoySklad disabled this hook (it failed too often): Apply enables it again.</source>
        <translation>МойСклад отключил этот веб-хук (слишком много ошибок): «Применить» снова его включит.</translation>
    </message>
    <message>
        <source>Ours, but the exchange settings no longer need it.</source>
        <translation>Наш, но по настройкам обмена больше не нужен.</translation>
    </message>
    <message>
        <source>Apply creates this hook.</source>
        <translation>«Применить» создаст этот веб-хук.</translation>
    </message>
    <message>
        <source>Tick to rewrite this hook with the current URL and verification string on Apply.</source>
        <translation>Отметьте, чтобы по нажатию «Применить» записать в веб-хук текущий адрес и проверочную строку.</translation>
    </message>
    <message>
        <source>How the events of this hook are processed</source>
        <translation>Тип выполнения веб-хука</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Сущность</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Включён</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Execution mode</source>
        <translation>Тип выполнения</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>%1 · mandatory</source>
        <translation>%1 · обязательный</translation>
    </message>
    <message>
        <source>Mandatory: this hook passes the changes of orders from MoySklad to the site; the module needs it from the first setup.</source>
        <translation>Обязательный веб-хук: он отслеживает изменения заказов в МойСклад и передаёт их на сайт; он нужен модулю с первичной настройки.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Сейчас: %1</translation>
    </message>
    <message>
        <source>The site URL or the verification string changed: tick Update (or Tick all outdated) and click Apply.</source>
        <translation>Изменился адрес сайта или проверочная строка: отметьте «Обновить» (или нажмите «Отметить все устаревшие») и нажмите «Применить».</translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Click Refresh to load the webhooks of the MoySklad account.</source>
        <translation>Нажмите «Обновить список», чтобы загрузить веб-хуки аккаунта МойСклад.</translation>
    </message>
    <message>
        <source>in sync: %1</source>
        <translation>актуальных: %1</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>отсутствующих: %1</translation>
    </message>
    <message>
        <source>outdated: %1</source>
        <translation>устаревших: %1</translation>
    </message>
    <message>
        <source>disabled: %1</source>
        <translation>отключённых: %1</translation>
    </message>
    <message>
        <source>not needed: %1</source>
        <translation>ненужных: %1</translation>
    </message>
    <message>
        <source>other applications: %1</source>
        <translation>других приложений: %1</translation>
    </message>
    <message>
        <source>Webhooks — %1.</source>
        <translation>Веб-хуки — %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n hook(s) ticked for update.</source>
        <translation>
            <numerusform>%n веб-хук отмечен для обновления.</numerusform>
            <numerusform>%n веб-хука отмечены для обновления.</numerusform>
            <numerusform>%n веб-хуков отмечено для обновления.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create the module&apos;s hooks that the account does not have yet</source>
        <translation>Создать веб-хуки модуля, которых ещё нет в аккаунте</translation>
    </message>
    <message>
        <source>Create the missing hooks, enable the disabled ones and rewrite the ticked ones</source>
        <translation>Создать недостающие веб-хуки, включить отключённые и обновить отмеченные</translation>
    </message>
    <message>
        <source>Talking to MoySklad…</source>
        <translation>Запрос к МойСклад…</translation>
    </message>
    <message>
        <source>Delete the hooks of ours that the exchange settings no longer need</source>
        <translation>Удалить наши веб-хуки, которые больше не нужны по настройкам обмена</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить список</translation>
    </message>
    <message>
        <source>Load the webhooks of the MoySklad account again (F5)</source>
        <translation>Заново загрузить веб-хуки аккаунта МойСклад (F5)</translation>
    </message>
    <message>
        <source>&amp;Install missing hooks</source>
        <translation>&amp;Создать недостающие веб-хуки</translation>
    </message>
    <message>
        <source>&amp;Tick all outdated</source>
        <translation>Отметить все &amp;устаревшие</translation>
    </message>
    <message>
        <source>Tick Update on every outdated hook of the module, to rewrite them on Apply</source>
        <translation>Отметить «Обновить» у всех устаревших веб-хуков модуля, чтобы «Применить» их перезаписало</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Re&amp;move unneeded hooks…</source>
        <translation>У&amp;далить ненужные веб-хуки…</translation>
    </message>
    <message>
        <source>Send a test &amp;delivery</source>
        <translation>Отправить &amp;тестовое уведомление</translation>
    </message>
    <message>
        <source>POST a delivery shaped like MoySklad&apos;s to every hook URL, through the proxy or tunnel, and show each step; it never creates a task</source>
        <translation>Отправить (POST) на каждый адрес веб-хука уведомление в формате МойСклад — через прокси или туннель — и показать каждый шаг; задачи не создаются</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Отм&amp;ена</translation>
    </message>
    <message>
        <source>Stop waiting for MoySklad&apos;s answer (it may take minutes)</source>
        <translation>Не ждать ответа МойСклад (ответ может занять несколько минут)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>MoySklad webhooks for your online shop</source>
        <translation>Веб-хуки МойСклад для вашего интернет-магазина</translation>
    </message>
    <message>
        <source>Keep settings and data in DIR.</source>
        <translation>Хранить настройки и данные в каталоге DIR.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Use this MoySklad API base URL for this session.</source>
        <translation>Использовать в этом сеансе этот базовый адрес API МойСклад.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>не удаётся создать каталог данных %1</translation>
    </message>
    <message>
        <source>--api-url: not a URL: %1</source>
        <translation>--api-url: это не адрес: %1</translation>
    </message>
    <message>
        <source>SkladHook cannot start</source>
        <translation>SkladHook не может запуститься</translation>
    </message>
</context>
</TS>
