import { DEMO_DEFAULTS } from '../demo/defaults';

// Every help text, in a module without dependencies so `--help` and usage errors answer at once.

export const USAGE = `Usage: gongdan <command> [options]

Gongdan (工单) command line. Works on the configured database: DATABASE_URL (PostgreSQL) or the
embedded PGlite database in DATA_DIR (default ./data; stop the server first, only one process may
open it). Migrations are applied on open.

Commands:
  tenant create   Create a tenant and its first administrator
  tenant list     List tenants (JSON lines)
  demo load       Fill the default tenant (or a new one) with realistic demo data
  config          Print every setting with its default, as a markdown table
  migrate         Apply pending database migrations and print which were applied
  import tickets  Import a tenant's historical tickets from a CSV or JSONL file
  eval classify   Train the ticket classifier on a CSV file, test it on another, print the figures
  eval pairs      Measure duplicate detection on CSV files of labelled text pairs
  eval retrieve   Measure the knowledge search (question → article) on CSV files
  eval routes     Measure the route solver (VRPTW) on Solomon instances against their best-known distances
  simulate dispatch  Replay a day of field tickets against each dispatch strategy, print the figures
  simulate convert-solomon  Turn a Solomon VRPTW instance into a dispatch scenario

Options:
  -h, --help      Show help; "gongdan <command> --help" shows the options of a command

Exit codes: 0 done, 1 failed (message on stderr), 2 wrong usage.`;

export const TENANT_HELP = `Usage: gongdan tenant <command> [options]

Manage tenants (platform operator work) in the configured database.

Commands:
  create    Create a tenant and its first administrator
  list      List tenants, one JSON object per line

Run "gongdan tenant <command> --help" for the options of a command.`;

export const TENANT_CREATE_HELP = `Usage: gongdan tenant create --name NAME --admin-email EMAIL --admin-password PASSWORD [options]

Creates a tenant with its first administrator and prints {id, slug, name, adminEmail} as JSON.

Options:
  --name NAME               Tenant name, e.g. "华东电梯维保有限公司" (required)
  --admin-email EMAIL       Email of the first administrator (required)
  --admin-password PASSWORD At least 8 characters with letters and digits (required)
  --slug SLUG               1–40 lowercase letters, digits or dashes; sign-in uses it when an
                            email belongs to several tenants (default: derived from the name)
  --admin-name NAME         Display name of the administrator (default: 管理员)
  --time-zone TZ            IANA time zone (default: Asia/Shanghai)
  -h, --help                Show this help

Example:
  gongdan tenant create --name "华东电梯" --slug huadong --admin-email admin@huadong.example.com --admin-password 'Kaishi2026'`;

export const TENANT_LIST_HELP = `Usage: gongdan tenant list

Prints every tenant as one JSON object per line: {id, slug, name, timeZone, users, tickets, createdAt}.

Options:
  -h, --help   Show this help`;

export const IMPORT_HELP = `Usage: gongdan import tickets --tenant SLUG --file FILE

Imports data from another system into a tenant of the configured database.

Commands:
  tickets   Historical tickets from a CSV or JSONL file (see "gongdan import tickets --help")`;

export const IMPORT_TICKETS_HELP = `Usage: gongdan import tickets --tenant SLUG --file FILE

Imports a tenant's historical tickets as POST /api/v1/imports/tickets does, 500 at a time: each
ticket keeps its times, status, category, team and assignee, passes no intelligence stage and
counts for the next training of the models. A row whose external_id was imported before answers
"exists" (re-runs are safe). Prints one JSON line {"tenant","file","rows","created","exists",
"failed","seconds"}; every row not imported goes to stderr as {"row","externalId","error"}, and
the exit code is then 1.

FILE is either
  .csv    UTF-8 with a header naming the columns (any order; only external_id, title and
          created_at are required): external_id, title, description, requester_name,
          requester_email, requester_phone, created_at, updated_at, status, priority, category,
          team, assignee, tags (separated by |), channel, resolved_at, closed_at
  .jsonl  one ticket per line, in the API's item shape

Times are ISO 8601 with a time zone (2025-03-04T10:22:00+08:00); status defaults to closed;
category is an id, a path of names (硬件/打印机) or a unique name; team an id or name; assignee a
user id or email.

Options:
  --tenant SLUG   The tenant's slug (gongdan tenant list) (required)
  --file FILE     The .csv or .jsonl file (required)
  -h, --help      Show this help

Example:
  gongdan import tickets --tenant huadong --file 旧系统工单.csv`;

export const CONFIG_HELP = `Usage: gongdan config

Prints every setting (environment variable) with its default and meaning, as a markdown table.

Options:
  -h, --help   Show this help`;

export const MIGRATE_HELP = `Usage: gongdan migrate

Applies pending SQL migrations to the configured database (DATABASE_URL, or PGlite in DATA_DIR)
and prints {"database", "applied": [...]} as JSON. The server also migrates when it starts; with
embedded PGlite stop the server first (only one process may open DATA_DIR).

Options:
  -h, --help   Show this help`;

export const DEMO_HELP = `Usage: gongdan demo load [options]

Fills a tenant with realistic data: skill groups (一线客服组, 硬件维修组, 网络运维组, 电梯维保组,
VIP服务组), users of every role, organizations and contacts, elevators as devices, channels (a
mailbox, a web form, a chat widget, an IoT gateway with its device key), categories, ticket types
with custom fields, and tickets (mostly Chinese, about 20% English, worded as people write) with
replies, internal notes, sub-tasks and links, spread over the last 60 days; the models are trained
on them. Everything goes through the real use cases.

By default it fills the tenant "default" that \`npm start\` signs its administrator into: created
with the administrator ADMIN_EMAIL / ADMIN_PASSWORD (default admin@example.com /
${DEMO_DEFAULTS.password}), or, when it exists and holds nothing but its administrators, that tenant
(its administrator keeps their password). Refuses a tenant that is in use. Prints the sign-in
accounts, the channels and the models' accuracy in words (Chinese and English); --json prints
them as JSON instead.

Options:
  --tenant-slug SLUG    The tenant to fill (default: ${DEMO_DEFAULTS.slug}); another slug creates a new tenant
  --tickets N           How many tickets, 0–5000; sub-tasks come on top (default: ${DEMO_DEFAULTS.tickets})
  --admin-email EMAIL   Administrator of a new tenant (default: ADMIN_EMAIL or ${DEMO_DEFAULTS.adminEmail})
  --password PASSWORD   Password of every demo user (default: ADMIN_PASSWORD or ${DEMO_DEFAULTS.password})
  --seed N              Random seed; the same seed gives the same data (default: ${DEMO_DEFAULTS.seed})
  --json                Print the summary as JSON (for scripts)
  -h, --help            Show this help

Example:
  npm run demo && npm start
  DATA_DIR=/tmp/gongdan-demo npx gongdan demo load --tickets 300 --json`;

export const EVAL_HELP = `Usage: gongdan eval <command> [options]

Offline evaluation of the ticket intelligence models and the route solver on files; no database is opened.

Commands:
  classify   Train the text classifier on one CSV file and measure it on another
  pairs      Duplicate-pair detection: fit on labelled text pairs, measure on others
  retrieve   Similar-text search: index a corpus, rank it for queries with known answers
  routes     The route solver (VRPTW) on Solomon instances against their best-known distances

Run "gongdan eval <command> --help" for the options of a command.`;

export const EVAL_CLASSIFY_HELP = `Usage: gongdan eval classify --train FILE --test FILE --text COLS --label COL [options]

Trains the classifier the product uses (jieba words and character n-grams, TF-IDF, a linear
model with naive Bayes weights added in, its settings chosen on held-back parts of the training
file) on the training file, then labels every row of the test file. Prints one JSON line:
{"task":"classify","train_items","test_items","classes","accuracy","macro_f1","train_seconds",
"ms_per_item","model_bytes","unseen_label_items","suspect_header_rows"}. model_bytes is the size
of the stored (quantised) model, and the test runs on that stored model. CSV: RFC 4180, UTF-8 with
or without a byte order mark.

What would make the figures mislead is reported, not scored silently:
  - a --label column whose values look like free text (most of them distinct, or long): exit 2;
  - test labels none of which the training file has: exit 2;
  - test items whose label the training file lacks: a warning, and their number in
    unseen_label_items (they count as wrong);
  - a header row read as an item (--no-header on a file that has one) or an item read as a header
    (a file without one, no --no-header): a warning, and the number of such files in
    suspect_header_rows.

Options:
  --train FILE    Training CSV file (required)
  --test FILE     Test CSV file with the same columns (required)
  --text COLS     Text column(s): header names or 0-based indices, comma-separated; several
                  columns are joined, e.g. --text 标题,描述 (required)
  --label COL     Label column: header name or 0-based index (required)
  --unknown-label NAME
                  Test rows with this label are out of scope ("none of these"): training rows
                  with it are left out, and the model answers NAME for a text unlike every class
                  it knows (the product sends such a ticket to 待分拣). Adds "unknown_label",
                  "oos_recall" (out-of-scope rows answered NAME), "oos_precision" (rows answered
                  NAME that are out of scope) and "in_scope_accuracy" (other rows given their own
                  label; NAME counts as wrong) to the output
  --baseline      Also the plain baseline on the same files: a second JSON line with
                  "system":"baseline","model":"tfidf-softmax" (softmax regression on TF-IDF of
                  jieba word 1–2-grams and character 1–4-grams) and the same figures
                  (with --unknown-label the baseline keeps NAME as one more class, as a plain
                  model would be trained)
  --no-header     The files have no header row (columns by index only)
  -h, --help      Show this help

Rows with an empty label are skipped.

Examples:
  gongdan eval classify --train train.csv --test test.csv --text text --label category --baseline
  gongdan eval classify --train train.csv --test test.csv --text text --label intent --unknown-label oos`;

export const EVAL_PAIRS_HELP = `Usage: gongdan eval pairs [--train FILE] --test FILE --a COL --b COL --label COL [options]

Duplicate-pair detection as the product does it (jieba words and character n-grams, TF-IDF).
Fits IDF and a scorer on the training pairs: the plain text similarity, or a logistic model over
several similarity features (cosines, IDF-weighted coverage, common character runs, length,
numbers, negation, question words; with 2,000 pairs or more also the words and characters only
one side has and the words both share), whichever does best on held-out folds of the training
pairs; the threshold maximises F1 there. Without --train, the test file is cross-validated: split
at random (seeded) into K folds, each fold scored by a scorer fitted on the others; precision,
recall, F1 and accuracy are pooled over all pairs. Prints one JSON line: {"task":"pairs",("folds"),
"train_items","test_items","threshold","precision","recall","f1","accuracy","train_seconds",
"model_bytes","ms_per_pair"}; with folds, train_items, threshold, train_seconds and model_bytes
are the means over the folds. model_bytes: what the scorer would take stored (its IDF table, term
bytes + 4 per count, and 4 bytes per weight). CSV: RFC 4180, UTF-8 with or without a byte order mark.

Options:
  --train FILE    Training CSV file of text pairs
  --test FILE     Test CSV file with the same columns (required)
  --folds K       Without --train: cross-validate the test file in K folds (2–20, default 5)
  --a COL         First text column: header name or 0-based index (required)
  --b COL         Second text column (required)
  --label COL     Label column: 1/0 or true/false (duplicate or not) (required)
  --baseline      Also the plain baseline on the same splits: a second JSON line with
                  "system":"baseline","model":"tfidf-cosine" (cosine of TF-IDF of jieba word
                  1–2-grams and character 1–4-grams, the threshold maximising F1 on the training pairs)
  --no-header     The files have no header row (columns by index only)
  -h, --help      Show this help

Rows with an empty label are skipped.

Examples:
  gongdan eval pairs --train train.csv --test test.csv --a text_a --b text_b --label label
  gongdan eval pairs --test pairs.csv --folds 5 --a a --b b --label label --baseline`;

export const EVAL_ROUTES_HELP = `Usage: gongdan eval routes --dir DIR [options]

The route solver (vehicle routing with time windows, the one behind the day plans) on every Solomon
instance (*.txt) in DIR, each within the same time on one core. It minimises total distance, with the
file's fleet as the limit. Prints one JSON line per instance: {"task":"routes","instance","distance",
"vehicles","unassigned","feasible","bks_distance","bks_distance_vehicles","gap_pct",
"bks_two_level_distance","bks_two_level_vehicles","iterations","ms"}, then a summary line with
"mean_gap_pct". The gap is against the best-known distance alone (DIR/BKS.json key NAME_distance);
NAME (fewest vehicles first, then distance) is printed beside it for the vehicle counts.

Options:
  --dir DIR           Folder of Solomon instances and BKS.json (required)
  --seconds S         Time per instance in seconds (default 1)
  --seed N            Seed of the random search (default 1)
  --only NAMES        Only instances whose names start with these, separated by commas (R1,RC2)
  -h, --help          Show this help

Example:
  gongdan eval routes --dir ../shared/data/solomon --seconds 1`;

export const EVAL_RETRIEVE_HELP = `Usage: gongdan eval retrieve --corpus FILE --id COL --text COL --queries FILE --query COL --relevant COL [options]

Question → article retrieval with the product's knowledge search (the query plan and ranking core
the console, the portal and the agent suggestions use: jieba words, field weights, typo tolerance,
history links), in memory. Prints one JSON line per engine: {"task":"retrieve","engine",
"corpus_items","links","queries","recall_at_1","recall_at_5","mrr","ms_per_query"}. recall@k counts
the relevant ids in the first k over min(k, relevant ids); mrr is the mean of 1 / rank of the first
relevant id among the first 50. CSV: RFC 4180, UTF-8 with or without a byte order mark.

Options:
  --corpus FILE       Corpus (articles) CSV file (required)
  --id COL            Corpus id column: header name or 0-based index (required)
  --text COL          Corpus text (body) column (required)
  --title COL         Corpus title column
  --queries FILE      Queries CSV file (required)
  --query COL         Query text column (required)
  --relevant COL      Ids of the relevant corpus rows, several separated by | or , (required)
  --links FILE        History links CSV: questions an article solved (become terms of the article)
  --link-id COL       Links: the article id column (required with --links)
  --link-text COL     Links: the question text column (required with --links)
  --baseline          Also the plain baseline, BM25 (k1 1.2, b 0.75) over jieba words of the same
                      texts: a second JSON line with "system":"baseline" ("engine":"bm25" with
                      the knowledge search, "model":"bm25" with --engine similarity);
                      "--baseline bm25" is read the same
  --engine ENGINE     kb (default) or similarity (the ticket similarity index, jieba words and
                      character n-grams, TF-IDF cosine; no --title or --links)
  --no-header         The files have no header row (columns by index only)
  -h, --help          Show this help

Example:
  gongdan eval retrieve --corpus faq.csv --id id --text 答案 --title 问题 --queries queries.csv --query 问题 --relevant 答案id --baseline`;
