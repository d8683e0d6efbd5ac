-- Dashboard sign-in: local users (bcrypt password hashes) and the secret
-- that signs session cookies, generated at the first start.

-- One row per user; the newest row (updated_at) wins. role is admin,
-- executive, trainer or manager; manager is the account_manager value of
-- the accounts a manager may see. A disabled user cannot sign in.
CREATE TABLE IF NOT EXISTS users {{on_cluster}} (
    username      String,
    display_name  String,
    role          String,
    manager       String,
    password_hash String,
    disabled      UInt8,
    updated_at    DateTime('UTC')
) ENGINE = {{engine "ReplacingMergeTree(updated_at)"}}
ORDER BY username;

CREATE TABLE IF NOT EXISTS app_secrets {{on_cluster}} (
    name       String,
    value      String,
    created_at DateTime('UTC')
) ENGINE = {{engine "MergeTree"}}
ORDER BY name;
